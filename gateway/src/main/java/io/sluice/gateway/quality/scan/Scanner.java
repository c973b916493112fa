package io.sluice.gateway.quality.scan;

import io.sluice.adapters.spi.SortedKeys;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.quality.RowRuleSet;
import io.sluice.gateway.quality.store.QualityStore;
import io.sluice.quality.model.Action;
import io.sluice.quality.model.CompletenessRule;
import io.sluice.quality.model.DuplicateRowsRule;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.FreshnessRule;
import io.sluice.quality.model.RowCountRule;
import io.sluice.quality.model.RowRule;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleSet;
import io.sluice.quality.model.SchemaRule;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.UniqueRule;
import io.sluice.quality.validation.TableSchema;
import io.sluice.quality.validation.TableSchemaLookup;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scans: every rule of the named tables judged over the whole table, rule by rule, through an engine whose tables
 * carry no inline checks (a scan counts violations; it must not drop, quarantine or fail on them). A rule that cannot
 * be judged (a source is down, the table changed) gets status {@code error} and the scan goes on with the next. The
 * report goes to the results store, one row per rule with origin {@code scan}.
 */
public final class Scanner {

    /** The user of scans the gateway runs on its own, on a schedule. */
    public static final String SCHEDULER_USER = "scheduler";

    private static final Logger LOG = LoggerFactory.getLogger(Scanner.class);

    private final QueryEngine engine;
    private final Supplier<RuleSet> rules;
    private final ScanResultsSink sink;
    private final Clock clock;
    private final ErrorTranslator errors;
    private final Function<String, Optional<SortedKeys>> sortedKeys;

    Scanner(
            QueryEngine engine,
            Supplier<RuleSet> rules,
            ScanResultsSink sink,
            Clock clock,
            ErrorTranslator errors,
            Function<String, Optional<SortedKeys>> sortedKeys) {
        this.engine = engine;
        this.sortedKeys = sortedKeys;
        this.rules = rules;
        this.sink = sink;
        this.clock = clock;
        this.errors = errors;
    }

    /**
     * A scanner over the sources of {@code catalog} with the rules {@code rules} supplies at each scan, recording in
     * {@code store} when there is one.
     */
    public static Scanner over(
            SourceCatalog catalog, Supplier<RuleSet> rules, @Nullable QualityStore store, Clock clock) {
        return new Scanner(
                new QueryEngine(catalog, RowRuleSet.NONE, store),
                rules,
                store == null ? ScanResultsSink.NONE : store::scanned,
                clock,
                new ErrorTranslator(catalog.names()),
                source -> catalog.source(source)
                        .flatMap(found -> found.capabilities().sortedKeys()));
    }

    /** The rules scans judge now. */
    public RuleSet rules() {
        return rules.get();
    }

    /**
     * The tables named {@code names} ({@code source.schema.table}, any case), or every table with rules when there are
     * none; a name that is not a table with rules is an error listing those that are.
     */
    public List<TableName> tables(List<String> names) {
        List<TableName> withRules = rules.get().tables();
        if (names.isEmpty()) {
            return withRules;
        }
        List<TableName> tables = new ArrayList<>();
        for (String name : names) {
            TableName table = TableName.parse(name)
                    .flatMap(
                            parsed -> withRules.stream().filter(parsed::matches).findFirst())
                    .orElseThrow(() -> new SluiceException(
                            ErrorCode.QUERY_INVALID,
                            "No quality rules for table '" + name + "'; tables with rules: "
                                    + (withRules.isEmpty()
                                            ? "none"
                                            : String.join(
                                                    ", ",
                                                    withRules.stream()
                                                            .map(TableName::toString)
                                                            .toList()))));
            if (!tables.contains(table)) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Scans {@code tables} as {@code user}, telling {@code listener} as each table starts and each rule ends. */
    public ScanReport scan(List<TableName> tables, String user, ScanListener listener) {
        String scanId = "scan-" + UUID.randomUUID();
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        RuleSet ruleSet = rules.get();
        List<RuleResult> results = new ArrayList<>();
        try (Connection connection = engine.openConnection(user)) {
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            TableSchemaLookup lookup = TableSchemaLookup.of(calcite.getRootSchema(), calcite.getTypeFactory());
            for (TableName table : tables) {
                List<Rule> tableRules = ruleSet.rulesOf(table);
                listener.tableStarted(table, tableRules.size());
                TableScan scan = new TableScan(table, connection, lookup, startedAt);
                for (Rule rule : tableRules) {
                    RuleResult result = scan.judge(rule);
                    results.add(result);
                    listener.ruleChecked(result);
                }
            }
        } catch (SQLException e) {
            throw errors.translate(e);
        }
        ScanReport report =
                new ScanReport(scanId, user, startedAt, tables, results, Duration.ofNanos(System.nanoTime() - start));
        try {
            sink.scanned(report);
        } catch (RuntimeException e) {
            LOG.error("Recording scan {} in the results store failed", scanId, e);
        }
        return report;
    }

    /** The rules of one table, judged one after the other on one engine session. */
    private final class TableScan {
        private final TableName table;
        private final Connection connection;
        private final TableSchemaLookup lookup;
        private final Instant now;

        TableScan(TableName table, Connection connection, TableSchemaLookup lookup, Instant now) {
            this.table = table;
            this.connection = connection;
            this.lookup = lookup;
            this.now = now;
        }

        RuleResult judge(Rule rule) {
            long start = System.nanoTime();
            RuleQueries queries = new RuleQueries(connection);
            ScanStatus status;
            Measurement measured;
            try {
                measured = measure(rule, queries);
                status = measured.passed()
                        ? ScanStatus.PASS
                        : rule.metadata().action() == Action.FAIL ? ScanStatus.FAIL : ScanStatus.WARN;
            } catch (SQLException | RuntimeException e) {
                SluiceException error = errors.translate(e);
                LOG.warn("Scan of {}: rule {} could not run: {}", table, rule.name(), error.clientMessage());
                measured = new Measurement(0, 0, false, List.of(), error.clientMessage());
                status = ScanStatus.ERROR;
            }
            return new RuleResult(
                    table,
                    rule.name(),
                    rule.check(),
                    rule.columns().isEmpty() ? null : String.join(", ", rule.columns()),
                    rule.metadata().action(),
                    rule.metadata().severity(),
                    status,
                    measured.rowsChecked(),
                    measured.violations(),
                    measured.samples(),
                    measured.detail(),
                    queries.statements(),
                    Duration.ofNanos(System.nanoTime() - start));
        }

        private Measurement measure(Rule rule, RuleQueries queries) throws SQLException {
            if (rule instanceof RowRule row) {
                return RowRuleScan.measure(row, table, queries);
            }
            if (rule instanceof UniqueRule unique) {
                return DuplicateScan.unique(unique, table, queries);
            }
            if (rule instanceof DuplicateRowsRule duplicates) {
                List<String> columns = duplicates.columns().isEmpty() ? schema().columnNames() : duplicates.columns();
                return DuplicateScan.duplicateRows(duplicates, columns, table, queries);
            }
            if (rule instanceof ForeignKeyRule foreignKey) {
                return ForeignKeyScan.measure(foreignKey, table, queries, sortedKeys);
            }
            if (rule instanceof RowCountRule rowCount) {
                return TableMetricScan.rowCount(rowCount, table, queries);
            }
            if (rule instanceof CompletenessRule completeness) {
                return TableMetricScan.completeness(completeness, table, queries);
            }
            if (rule instanceof FreshnessRule freshness) {
                RelDataTypeField column = schema().column(freshness.column())
                        .orElseThrow(() -> new SluiceException(
                                ErrorCode.COLUMN_NOT_FOUND,
                                "Column " + freshness.column() + " is no longer in table " + table));
                return TableMetricScan.freshness(freshness, column.getType().getSqlTypeName(), now, table, queries);
            }
            if (rule instanceof SchemaRule schemaRule) {
                return SchemaCheck.measure(schemaRule, schema());
            }
            throw new IllegalArgumentException(
                    "No scan for the rule " + rule.check().yamlName());
        }

        /** The table's columns as the engine sees them now. */
        private TableSchema schema() {
            return lookup.find(table)
                    .orElseThrow(() ->
                            new SluiceException(ErrorCode.TABLE_NOT_FOUND, "Table " + table + " no longer exists"));
        }
    }

    /** Where scan reports go when they are complete. */
    @FunctionalInterface
    public interface ScanResultsSink {
        ScanResultsSink NONE = report -> {};

        void scanned(ScanReport report);
    }
}
