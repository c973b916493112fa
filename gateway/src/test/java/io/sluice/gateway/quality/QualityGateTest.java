package io.sluice.gateway.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality gates in real plans over a DuckDB source: rows checked are the rows the query reads, filters and column
 * pruning still reach the source, drop removes rows, fail stops the query naming the rule and value. Counts are
 * checked against the same conditions asked of DuckDB directly.
 */
class QualityGateTest {

    @TempDir
    static Path dir;

    static SourceCatalog catalog;
    static Path database;
    static final Map<String, List<RowRuleSet.RuleSql>> RULES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() throws Exception {
        database = dir.resolve("shop.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE orders (id INTEGER, status VARCHAR, price DECIMAL(10,2), note VARCHAR)");
            s.execute("INSERT INTO orders SELECT i,"
                    + " CASE WHEN i % 10 = 0 THEN NULL WHEN i % 7 = 0 THEN 'X' ELSE 'O' END,"
                    + " CASE WHEN i % 13 = 0 THEN -1 ELSE i END, 'n' || i FROM range(1, 1001) t(i)");
        }
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(
                config,
                "sources:\n  shop:\n    type: duckdb\n    path: " + database
                        + "\nsecurity:\n  allow_anonymous: true\n");
        SluiceConfig loaded = new ConfigLoader().load(config);
        catalog = SourceCatalog.open(loaded.sources(), SourceContext.standalone());
    }

    @AfterAll
    static void tearDown() {
        catalog.close();
    }

    private static QueryEngine engine(RowRuleSet.RuleSql... rules) {
        return new QueryEngine(
                catalog, (source, schema, table) -> table.equals("orders") ? List.of(rules) : List.of(), null);
    }

    private static RowRuleSet.RuleSql notNull(String column, CheckAction action) {
        return new RowRuleSet.RuleSql(column + "_not_null", column, action, "\"" + column + "\" IS NULL");
    }

    private static RowRuleSet.RuleSql nonNegative(CheckAction action) {
        return new RowRuleSet.RuleSql("price_range", "price", action, "\"price\" < 0");
    }

    private static RowRuleSet.RuleSql acceptedStatus(CheckAction action) {
        return new RowRuleSet.RuleSql("status_accepted", "status", action, "\"status\" NOT IN ('O', 'F')");
    }

    private record Run(List<List<Object>> rows, List<CheckOutcome> outcomes) {}

    private static Run run(QueryEngine engine, String sql) throws SQLException {
        List<CheckOutcome> reported = new CopyOnWriteArrayList<>();
        QueryQuality quality = new QueryQuality("q1", "test", new RecordingListener(reported));
        List<List<Object>> rows = new ArrayList<>();
        try (QueryQuality.Scope ignored = QueryQuality.enter(quality);
                Connection connection = engine.openConnection("test");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return new Run(rows, reported);
    }

    /** The reference: DuckDB counts the rows matching {@code where} (the whole query is pushed to it). */
    private static long duckCount(String where) throws SQLException {
        try (Connection connection = engine().openConnection("test");
                Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM shop.main.orders WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CheckOutcome outcome(Run run, String rule) {
        return run.outcomes().stream()
                .filter(o -> o.rule().equals(rule))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void warn_countsViolationsOfTheRowsRead_andPassesEveryRow() throws Exception {
        QueryEngine engine = engine(notNull("status", CheckAction.WARN), nonNegative(CheckAction.WARN));

        Run run = run(engine, "SELECT id FROM shop.main.orders WHERE id <= 500");

        assertThat(run.rows()).hasSize(500);
        assertThat(outcome(run, "status_not_null").rowsChecked()).isEqualTo(500);
        assertThat(outcome(run, "status_not_null").violations()).isEqualTo(duckCount("id <= 500 AND status IS NULL"));
        assertThat(outcome(run, "price_range").violations()).isEqualTo(duckCount("id <= 500 AND price < 0"));
        assertThat(outcome(run, "price_range").samples()).containsOnly("-1.00");
    }

    @Test
    void expressionWithRemainderOperator_isChecked() throws Exception {
        QueryEngine engine =
                engine(new RowRuleSet.RuleSql("no_sevens", null, CheckAction.WARN, "NOT (\"id\" % 7 <> 0)"));

        Run run = run(engine, "SELECT id FROM shop.main.orders");

        assertThat(run.rows()).hasSize(1000);
        assertThat(outcome(run, "no_sevens").violations()).isEqualTo(duckCount("id % 7 = 0"));
    }

    @Test
    void drop_removesViolatingRows() throws Exception {
        QueryEngine engine = engine(nonNegative(CheckAction.DROP), acceptedStatus(CheckAction.WARN));

        Run run = run(engine, "SELECT id, price FROM shop.main.orders");

        assertThat(run.rows()).hasSize((int) duckCount("NOT (price < 0)"));
        assertThat(run.rows()).allSatisfy(row -> assertThat(((java.math.BigDecimal) row.get(1)).signum())
                .isNotNegative());
        assertThat(outcome(run, "price_range").violations()).isEqualTo(duckCount("price < 0"));
        assertThat(outcome(run, "status_accepted").violations()).isEqualTo(duckCount("status NOT IN ('O', 'F')"));
    }

    @Test
    void fail_stopsTheQueryNamingRuleTableColumnAndValue() {
        QueryEngine engine = engine(acceptedStatus(CheckAction.FAIL));

        Throwable error = catchThrowable(() -> run(engine, "SELECT id FROM shop.main.orders"));

        SluiceException cause = findCause(error, SluiceException.class);
        assertThat(cause.code()).isEqualTo(ErrorCode.QUALITY_FAILED);
        assertThat(cause.getMessage()).contains("status_accepted", "shop.main.orders", "status", "X");
    }

    @Test
    void explain_showsFilterAndColumnPruningPushedBelowTheGate() throws Exception {
        QueryEngine engine = engine(notNull("status", CheckAction.WARN));

        Run run = run(engine, "EXPLAIN PLAN FOR SELECT id FROM shop.main.orders WHERE price > 100");

        String plan = run.rows().get(0).get(0).toString();
        assertThat(plan).contains("QualityGate(table=[shop.main.orders]");
        assertThat(plan)
                .containsPattern(
                        "QualityGate.*\n *SourceToEnumerableConverter\\(source=\\[shop\\], sql=\\[SELECT \"id\","
                                + " \"status\" FROM \"shop\".\"main\".\"orders\" WHERE .*\"price\".* > 100");
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + error, error);
    }

    private record RecordingListener(List<CheckOutcome> outcomes) implements QueryQuality.QualityListener {
        @Override
        public void checked(QueryQuality query, List<CheckOutcome> gateOutcomes) {
            outcomes.addAll(gateOutcomes);
        }

        @Override
        public void quarantined(
                QueryQuality query, String table, List<String> fields, List<QueryQuality.QuarantinedRow> rows) {}
    }
}
