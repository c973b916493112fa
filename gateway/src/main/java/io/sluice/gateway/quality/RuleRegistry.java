package io.sluice.gateway.quality;

import io.sluice.gateway.catalog.SluiceTypeSystem;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.quality.QualityRules;
import io.sluice.quality.RuleLoadResult;
import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.Action;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.RowRule;
import io.sluice.quality.model.RuleSet;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.TableRules;
import io.sluice.quality.parser.dbt.DbtTableMapping;
import io.sluice.quality.validation.TableSchemaLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality rules in force: loaded from the rules directory, validated against the catalog, and swapped as a whole
 * on reload. A reload with problems keeps the rules in force and returns the problems; queries planned after a
 * successful reload use the new rules.
 */
public final class RuleRegistry implements RowRuleSet {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);

    private final @Nullable Path directory;
    private final QualityRules rules;
    private final ReachableTables tables;
    private final AtomicReference<Compiled> current = new AtomicReference<>(new Compiled(RuleSet.EMPTY));

    /**
     * @param directory the rules directory, or null for none (no rules)
     * @param rules how rule files are loaded and validated
     */
    private RuleRegistry(@Nullable Path directory, QualityRules rules, ReachableTables tables) {
        this.directory = directory;
        this.rules = rules;
        this.tables = tables;
    }

    /** A registry for the rules in {@code directory} (if any), validated against the tables of {@code catalog}. */
    public static RuleRegistry forCatalog(Optional<Path> directory, SourceCatalog catalog) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        catalog.registerIn(root.plus(), RowRuleSet.NONE);
        JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
        ReachableTables tables = new ReachableTables(TableSchemaLookup.of(root.plus(), typeFactory));
        QualityRules rules = new QualityRules(tables, DbtTableMapping.metaOnly(), SluiceTypeSystem.INSTANCE);
        return new RuleRegistry(directory.orElse(null), rules, tables);
    }

    /** Loads the rules for the first time: the result's problems, if any, mean there are no rules. */
    public RuleLoadResult load() {
        return reload();
    }

    /**
     * Loads the rules for the first time, refusing invalid ones.
     *
     * @throws SluiceException CONFIG_INVALID listing every problem as {@code file:line:col: path: message}
     */
    public RuleRegistry loadOrThrow() {
        RuleLoadResult loaded = load();
        if (!loaded.isValid()) {
            throw new SluiceException(
                    ErrorCode.CONFIG_INVALID,
                    "The quality rules in " + directory + " have "
                            + loaded.problems().size()
                            + " problem(s); fix them and start again (sluice rules validate checks them without"
                            + " starting):\n"
                            + String.join(
                                    "\n",
                                    loaded.problems().stream()
                                            .map(Object::toString)
                                            .toList()));
        }
        return this;
    }

    /** Loads the rules directory again; on problems the rules in force stay and the result says why. */
    public RuleLoadResult reload() {
        if (directory == null) {
            return new RuleLoadResult(RuleSet.EMPTY, List.of(), List.of());
        }
        tables.reset();
        RuleLoadResult result = deferUnreachable(rules.loadDirectory(directory));
        result.notices().forEach(notice -> LOG.warn("Quality rules: {}", notice));
        if (result.isValid()) {
            current.set(new Compiled(result.rules()));
            LOG.info(
                    "Quality rules loaded from {}: {} table(s)",
                    directory,
                    result.rules().tables().size());
        } else {
            LOG.warn(
                    "Quality rules in {} have {} problem(s); the rules in force stay:\n{}",
                    directory,
                    result.problems().size(),
                    String.join(
                            "\n",
                            result.problems().stream().map(Object::toString).toList()));
        }
        return result;
    }

    /**
     * Problems of rule files whose table's source could not be reached become notices: their rules stay, unchecked,
     * and apply once the source is back (a reload then checks them). So does a foreign key's unknown referenced table
     * when its source could not be reached (a scan then reports that rule as an error while the source is down).
     */
    private RuleLoadResult deferUnreachable(RuleLoadResult result) {
        Map<String, List<TableRules>> filesByName = new HashMap<>();
        result.rules().files().forEach(file -> filesByName
                .computeIfAbsent(file.file(), name -> new ArrayList<>())
                .add(file));
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> notices = new ArrayList<>(result.notices());
        for (RuleProblem problem : result.problems()) {
            Optional<String> source = filesByName
                    .getOrDefault(problem.location().file(), List.of())
                    .stream()
                    .flatMap(file -> unreachableSource(file, problem).stream())
                    .findFirst();
            if (source.isPresent()) {
                notices.add(new RuleProblem(
                        problem.location(),
                        problem.path(),
                        "not checked, because source '" + source.get() + "' is unavailable (" + problem.message()
                                + "); the rules apply once it is back"));
            } else {
                problems.add(problem);
            }
        }
        return new RuleLoadResult(result.rules(), result.readable(), problems, notices);
    }

    /** The unreachable source {@code problem} of {@code file} may be due to, if any. */
    private Optional<String> unreachableSource(TableRules file, RuleProblem problem) {
        if (tables.isUnreachable(file.table().source())) {
            return Optional.of(file.table().source());
        }
        if (!problem.path().endsWith(".references")) {
            return Optional.empty();
        }
        return file.rules().stream()
                .filter(ForeignKeyRule.class::isInstance)
                .map(rule -> ((ForeignKeyRule) rule).references().table())
                .filter(referenced -> tables.isUnreachable(referenced.source())
                        && problem.message().contains(referenced.toString()))
                .map(TableName::source)
                .findFirst();
    }

    /** {@code 3 rule file(s), 12 rule(s) on 3 table(s)}: what a load found. */
    public static String summary(RuleLoadResult result) {
        RuleSet rules = result.rules();
        long count =
                rules.files().stream().mapToLong(file -> file.rules().size()).sum();
        return rules.files().size() + " rule file(s), " + count + " rule(s) on "
                + rules.tables().size() + " table(s)";
    }

    /** The rules directory, if rules are configured. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** The SQL table function that reloads these rules, for the {@code sluice} schema. */
    public org.apache.calcite.schema.Function reloadFunction() {
        return new ReloadRulesMacro(this);
    }

    /** Every rule in force. */
    public RuleSet ruleSet() {
        return current.get().ruleSet;
    }

    @Override
    public List<RowRuleSet.RuleSql> rowRules(String source, String schema, String table) {
        return current.get().rowRules(new TableName(source, schema, table));
    }

    /** A rule set with each table's row rules compiled to SQL once, when first planned. */
    private static final class Compiled {
        final RuleSet ruleSet;
        final Map<String, List<RowRuleSet.RuleSql>> byTable = new ConcurrentHashMap<>();

        Compiled(RuleSet ruleSet) {
            this.ruleSet = ruleSet;
        }

        List<RowRuleSet.RuleSql> rowRules(TableName table) {
            return byTable.computeIfAbsent(table.toString(), key -> ruleSet.rowRulesOf(table).stream()
                    .map(Compiled::compile)
                    .toList());
        }

        private static RowRuleSet.RuleSql compile(RowRule rule) {
            Optional<String> column =
                    rule instanceof RowRule.OfColumn ofColumn ? Optional.of(ofColumn.column()) : Optional.empty();
            return new RowRuleSet.RuleSql(
                    rule.name(), column.orElse(null), action(rule.metadata().action()), RowRuleSql.violation(rule));
        }

        private static CheckAction action(Action action) {
            return CheckAction.valueOf(action.name());
        }
    }
}
