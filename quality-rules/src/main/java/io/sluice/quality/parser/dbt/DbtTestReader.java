package io.sluice.quality.parser.dbt;

import io.sluice.quality.model.AcceptedValuesRule;
import io.sluice.quality.model.Action;
import io.sluice.quality.model.Check;
import io.sluice.quality.model.ColumnReference;
import io.sluice.quality.model.ExpressionRule;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.Literal;
import io.sluice.quality.model.Location;
import io.sluice.quality.model.NotNullRule;
import io.sluice.quality.model.RangeRule;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleMetadata;
import io.sluice.quality.model.RuleOrigin;
import io.sluice.quality.model.Severity;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.UniqueRule;
import io.sluice.quality.parser.ProblemList;
import io.sluice.quality.parser.RuleNames;
import io.sluice.quality.parser.SqlExpressionParser;
import io.sluice.quality.parser.YamlMapping;
import io.sluice.quality.parser.dbt.DbtSchemaReader.DbtNode;
import io.sluice.quality.parser.dbt.DbtSchemaReader.DbtReferences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the tests of one dbt model or source table (and of its columns) into rules. */
final class DbtTestReader {

    private static final Pattern REF = Pattern.compile("\\s*ref\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*");
    private static final Pattern SOURCE =
            Pattern.compile("\\s*source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*");

    private final DbtNode node;
    private final DbtReferences references;
    private final ProblemList problems;
    private final ProblemList notices;
    private final List<Rule> rules = new ArrayList<>();

    DbtTestReader(DbtNode node, DbtReferences references, ProblemList problems, ProblemList notices) {
        this.node = node;
        this.references = references;
        this.problems = problems;
        this.notices = notices;
    }

    /** A test as written: its name, arguments and config, the column it belongs to, and where it is. */
    private record DbtTest(
            String test,
            YamlMapping arguments,
            Optional<YamlMapping> config,
            Optional<String> column,
            Location columnLocation,
            String path,
            Location location,
            Optional<String> name) {}

    List<Rule> read() {
        readTests(node.yaml(), Optional.empty(), node.location());
        for (YamlMapping column : node.yaml().mappings("columns", "a list of columns")) {
            Optional<String> name = column.requiredString("name", "the column's name");
            name.ifPresent(columnName -> readTests(column, name, column.locationOf("name")));
        }
        return List.copyOf(rules);
    }

    private void readTests(YamlMapping owner, Optional<String> column, Location columnLocation) {
        for (String key : List.of("data_tests", "tests")) {
            for (YamlMapping.ListItem item : owner.stringsOrMappings(key, "a test name or a test with arguments")) {
                test(item, column, columnLocation).ifPresent(this::convert);
            }
        }
    }

    private Optional<DbtTest> test(YamlMapping.ListItem item, Optional<String> column, Location columnLocation) {
        if (item.text().isPresent()) {
            YamlMapping none = YamlMapping.empty(item.path(), item.location(), problems);
            return Optional.of(new DbtTest(
                    item.text().get(),
                    none,
                    Optional.empty(),
                    column,
                    columnLocation,
                    item.path(),
                    item.location(),
                    Optional.empty()));
        }
        YamlMapping mapping = item.mapping().orElseThrow();
        Optional<String> name = mapping.has("name") ? mapping.string("name") : Optional.empty();
        if (mapping.has("test_name")) {
            String test = mapping.string("test_name").orElse("");
            return Optional.of(dbtTest(test, mapping, column, columnLocation, item, name));
        }
        Optional<String> test =
                mapping.keys().stream().filter(key -> !key.equals("name")).findFirst();
        if (test.isEmpty()) {
            return Optional.empty();
        }
        YamlMapping arguments = mapping.has(test.get())
                ? mapping.mapping(test.get()).orElse(null)
                : YamlMapping.empty(item.path(), item.location(), problems);
        if (arguments == null) {
            return Optional.empty();
        }
        return Optional.of(dbtTest(test.get(), arguments, column, columnLocation, item, name));
    }

    private static DbtTest dbtTest(
            String test,
            YamlMapping body,
            Optional<String> column,
            Location columnLocation,
            YamlMapping.ListItem item,
            Optional<String> name) {
        YamlMapping arguments =
                body.has("arguments") ? body.mapping("arguments").orElse(body) : body;
        Optional<YamlMapping> config = body.has("config") ? body.mapping("config") : Optional.empty();
        Optional<String> columnName = arguments.has("column_name") ? arguments.string("column_name") : column;
        return new DbtTest(
                test,
                arguments,
                config.or(() -> Optional.of(body)),
                columnName,
                columnLocation,
                item.path(),
                item.location(),
                name.or(() -> body.has("name") ? body.string("name") : Optional.empty()));
    }

    private void convert(DbtTest test) {
        Optional<Rule> rule =
                switch (test.test().toLowerCase(Locale.ROOT)) {
                    case "not_null" -> withColumn(
                            test, Check.NOT_NULL, column -> meta -> new NotNullRule(meta, column));
                    case "unique" -> withColumn(
                            test, Check.UNIQUE, column -> meta -> new UniqueRule(meta, List.of(column)));
                    case "accepted_values" -> acceptedValues(test);
                    case "relationships" -> relationships(test);
                    case "dbt_utils.unique_combination_of_columns" -> uniqueCombination(test);
                    case "dbt_utils.accepted_range" -> acceptedRange(test);
                    case "dbt_utils.expression_is_true" -> expression(test);
                    default -> {
                        notices.add(
                                test.location(),
                                test.path(),
                                "dbt test \"" + test.test() + "\" has no Sluice equivalent; skipped");
                        yield Optional.empty();
                    }
                };
        rule.ifPresent(rules::add);
    }

    private Optional<Rule> withColumn(DbtTest test, Check check, Function<String, Function<RuleMetadata, Rule>> build) {
        return requireColumn(test).flatMap(column -> metadata(test, check, List.of(column), Map.of())
                .map(build.apply(column)));
    }

    /** The test's column; a test under {@code columns:} has one, a model-level one needs {@code column_name}. */
    private static Optional<String> requireColumn(DbtTest test) {
        if (test.column().isEmpty()) {
            test.arguments().error("column_name", "the column the test applies to", "nothing");
        }
        return test.column();
    }

    private Optional<Rule> acceptedValues(DbtTest test) {
        Optional<List<Literal>> values = test.arguments().literals("values", "a list of the accepted values");
        if (values.isEmpty()) {
            if (!test.arguments().has("values")) {
                test.arguments().error("values", "a list of the accepted values", "nothing");
            }
            return Optional.empty();
        }
        return withColumn(
                test, Check.ACCEPTED_VALUES, column -> meta -> new AcceptedValuesRule(meta, column, values.get()));
    }

    private Optional<Rule> relationships(DbtTest test) {
        YamlMapping arguments = test.arguments();
        Optional<String> to = arguments.requiredString("to", "ref('model') or source('source', 'table')");
        Optional<String> field = arguments.requiredString("field", "the referenced column");
        Optional<TableName> target = to.flatMap(text -> target(arguments, text));
        if (target.isEmpty() || field.isEmpty()) {
            return Optional.empty();
        }
        ColumnReference reference = new ColumnReference(target.get(), field.get());
        Map<String, Location> keys = Map.of("references", arguments.locationOf("to"));
        return requireColumn(test).flatMap(column -> metadata(test, Check.FOREIGN_KEY, List.of(column), keys)
                .map(meta -> new ForeignKeyRule(meta, column, reference)));
    }

    private Optional<TableName> target(YamlMapping arguments, String text) {
        Matcher ref = REF.matcher(text);
        Matcher source = SOURCE.matcher(text);
        Optional<TableName> table = ref.matches()
                ? references.model(ref.group(1))
                : source.matches() ? references.source(source.group(1), source.group(2)) : Optional.empty();
        if (table.isEmpty()) {
            arguments.problem(
                    "to",
                    "cannot tell which Sluice table " + YamlMapping.quote(text)
                            + " is: expected ref('model') or source('source', 'table') of a model or source in this"
                            + " file, with its Sluice table known");
        }
        return table;
    }

    private Optional<Rule> uniqueCombination(DbtTest test) {
        Optional<List<String>> columns =
                test.arguments().strings("combination_of_columns", "a list of column names", false);
        return columns.flatMap(
                list -> metadata(test, Check.UNIQUE, list, Map.of()).map(meta -> new UniqueRule(meta, list)));
    }

    private Optional<Rule> acceptedRange(DbtTest test) {
        YamlMapping arguments = test.arguments();
        Optional<Literal> min = arguments.literal("min_value");
        Optional<Literal> max = arguments.literal("max_value");
        boolean inclusive = arguments.bool("inclusive").orElse(true);
        Map<String, Location> keys = new HashMap<>();
        min.ifPresent(value -> keys.put("min", arguments.locationOf("min_value")));
        max.ifPresent(value -> keys.put("max", arguments.locationOf("max_value")));
        if (min.isEmpty() && max.isEmpty()) {
            arguments.error(null, "at least one of min_value and max_value", "neither");
            return Optional.empty();
        }
        return requireColumn(test).flatMap(column -> metadata(test, Check.RANGE, List.of(column), keys)
                .map(meta -> new RangeRule(meta, column, min, max, inclusive, inclusive)));
    }

    private Optional<Rule> expression(DbtTest test) {
        Optional<String> sql = test.arguments().requiredString("expression", "a SQL boolean expression");
        String condition = sql.map(
                        text -> test.column().map(column -> column + " " + text).orElse(text))
                .orElse("");
        if (sql.isEmpty() || !(SqlExpressionParser.parse(condition) instanceof SqlExpressionParser.Parsed parsed)) {
            sql.ifPresent(text -> test.arguments().problem("expression", "SQL does not parse: " + condition));
            return Optional.empty();
        }
        Map<String, Location> keys = Map.of("sql", test.arguments().locationOf("expression"));
        return metadata(test, Check.EXPRESSION, List.of(condition), keys)
                .map(meta -> new ExpressionRule(meta, condition, parsed.columnNames()));
    }

    private Optional<RuleMetadata> metadata(
            DbtTest test, Check check, List<String> nameParts, Map<String, Location> extra) {
        Optional<YamlMapping> config = test.config();
        Optional<Severity> severity = config.filter(c -> c.has("severity"))
                .flatMap(c -> c.string("severity"))
                .map(text -> text.equalsIgnoreCase("warn") ? Severity.WARNING : Severity.ERROR);
        Optional<String> where = config.filter(c -> c.has("where")).flatMap(c -> c.string("where"));
        if (where.isPresent() && SqlExpressionParser.parse(where.get()) instanceof SqlExpressionParser.Failed failed) {
            config.get().problem("where", "SQL does not parse: " + failed.message());
            return Optional.empty();
        }
        Optional<Action> action = config.flatMap(c -> DbtSchemaReader.sluiceMeta(c, "action"))
                .flatMap(text -> {
                    Optional<Action> chosen =
                            Action.fromYaml(text).filter(a -> check.isRowRule() || a.appliesToDatasetRules());
                    if (chosen.isEmpty()) {
                        config.get()
                                .error("meta", "sluice.action to be one this rule can take", YamlMapping.quote(text));
                    }
                    return chosen;
                });
        String name = test.name()
                .filter(RuleNames::isValid)
                .orElseGet(() -> RuleNames.derive(check, nameParts, nameParts.isEmpty() ? "" : nameParts.get(0)));
        Action chosen = action.orElse(Action.WARN);
        Map<String, Location> keys = new HashMap<>(extra);
        keys.put("column", test.columnLocation());
        test.arguments().valueLocations().forEach(keys::putIfAbsent);
        config.filter(c -> c.has("where")).ifPresent(c -> keys.put("where", c.locationOf("where")));
        return Optional.of(new RuleMetadata(
                name,
                severity.orElse(Severity.defaultFor(chosen)),
                chosen,
                where,
                Optional.empty(),
                node.owner(),
                new RuleOrigin(test.path(), test.location(), keys)));
    }
}
