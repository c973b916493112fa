package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality rules checked inline on the rows queries read, over the Sluice JDBC driver, on tables with seeded defects
 * in PostgreSQL and MariaDB. The expected counts come from the seeding predicates, asked of the databases themselves.
 */
class QualityInlineIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB = TestingMariaDbServer.instance();

    /** Which rows of orders carry which defect; each defect is seeded by a predicate on o_id. */
    private static final String NULL_STATUS = "o_id % 50 = 0";

    private static final String UNKNOWN_STATUS = "o_id % 37 = 0 AND o_id % 50 <> 0";
    private static final String NEGATIVE_AMOUNT = "o_id % 41 = 0";
    private static final String BAD_EMAIL = "o_id % 29 = 0";
    private static final String MOJIBAKE_NOTE = "o_id % 43 = 0";
    private static final String ORPHAN_CUSTOMER = "o_id % 31 = 0";

    @TempDir
    static Path rules;

    static String pgSchema;
    static String myDatabase;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("quality");
        myDatabase = MARIADB.createDatabase("quality");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".orders (o_id integer PRIMARY KEY, customer_id integer,"
                    + " status text, amount numeric(10,2), email text, note text)");
            s.execute("INSERT INTO " + pgSchema + ".orders SELECT i,"
                    + " CASE WHEN " + ORPHAN_CUSTOMER.replace("o_id", "i") + " THEN 1000 + i ELSE i % 40 END,"
                    + " CASE WHEN " + NULL_STATUS.replace("o_id", "i") + " THEN NULL"
                    + " WHEN " + UNKNOWN_STATUS.replace("o_id", "i") + " THEN 'Z' ELSE 'O' END,"
                    + " CASE WHEN " + NEGATIVE_AMOUNT.replace("o_id", "i") + " THEN -i ELSE i END,"
                    + " CASE WHEN " + BAD_EMAIL.replace("o_id", "i") + " THEN 'user' || i || '-at-example.com'"
                    + " ELSE 'user' || i || '@example.com' END,"
                    + " CASE WHEN " + MOJIBAKE_NOTE.replace("o_id", "i") + " THEN 'caf' || chr(195) || chr(169)"
                    + " ELSE 'café' END FROM generate_series(1, 1000) i");
            s.execute("CREATE TABLE " + pgSchema + ".strict_orders AS SELECT * FROM " + pgSchema + ".orders");
        }
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement()) {
            s.execute("CREATE TABLE customers (c_id INT PRIMARY KEY, country VARCHAR(20))");
            StringBuilder insert = new StringBuilder("INSERT INTO customers VALUES ");
            for (int i = 0; i < 40; i++) {
                insert.append(i == 0 ? "" : ",")
                        .append("(")
                        .append(i)
                        .append(",'")
                        .append(i % 10 == 0 ? "Atlantis" : "DE")
                        .append("')");
            }
            s.execute(insert.toString());
        }
        Files.writeString(
                rules.resolve("orders.yaml"),
                "table: pg." + pgSchema + ".orders\n"
                        + "rules:\n"
                        + "  - { column: status, check: not_null }\n"
                        + "  - { column: status, check: accepted_values, values: [O, F, P] }\n"
                        + "  - { column: amount, check: range, min: 0, action: drop }\n"
                        + "  - { column: email, check: format, format: email }\n"
                        + "  - { column: note, check: valid_encoding, action: quarantine }\n");
        Files.writeString(
                rules.resolve("strict.yaml"),
                "table: pg." + pgSchema + ".strict_orders\n"
                        + "rules:\n"
                        + "  - { column: status, check: accepted_values, values: [O], action: fail }\n");
        Files.writeString(
                rules.resolve("customers.yaml"),
                "table: my." + myDatabase + ".customers\n"
                        + "rules:\n"
                        + "  - { column: country, check: accepted_values, values: [DE, FR], name: known_country }\n");
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source("my", TestingSources.mariaDb(myDatabase))
                .rules(rules)
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Rows of PostgreSQL's orders matching {@code predicate}: the reference. */
    private static long pgCount(String predicate) throws SQLException {
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + pgSchema + ".orders WHERE " + predicate)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private record Result(long rows, List<String> warnings) {}

    private static Result read(Statement statement, String sql) throws SQLException {
        long rows = 0;
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows++;
            }
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = rs.getWarnings(); w != null; w = w.getNextWarning()) {
                assertThat(w.getSQLState()).isEqualTo("01Q00");
                warnings.add(w.getMessage());
            }
            return new Result(rows, warnings);
        }
    }

    private static String warning(Result result, String rule) {
        return result.warnings().stream()
                .filter(w -> w.startsWith("Quality rule '" + rule + "'"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no warning for " + rule + " in " + result.warnings()));
    }

    private static String orders() {
        return "pg." + pgSchema + ".orders";
    }

    @Test
    void wholeTable_countsEverySeededDefect_dropsAndQuarantines() throws Exception {
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            Result result = read(statement, "SELECT o_id, status FROM " + orders());

            long removed = pgCount(NEGATIVE_AMOUNT + " OR " + MOJIBAKE_NOTE);
            assertThat(result.rows()).isEqualTo(1000 - removed);
            assertThat(warning(result, "not_null_status")).contains(": " + pgCount(NULL_STATUS) + " of 1000 row(s)");
            assertThat(warning(result, "accepted_values_status"))
                    .contains(": " + pgCount(UNKNOWN_STATUS) + " of 1000 row(s)");
            assertThat(warning(result, "range_amount"))
                    .contains("action drop): " + pgCount(NEGATIVE_AMOUNT) + " of 1000");
            assertThat(warning(result, "format_email")).contains(": " + pgCount(BAD_EMAIL) + " of 1000");
            assertThat(warning(result, "valid_encoding_note"))
                    .contains("action quarantine): " + pgCount(MOJIBAKE_NOTE) + " of 1000");
        }
    }

    @Test
    void whereClause_countsOnlyTheRowsRead() throws Exception {
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            Result result = read(statement, "SELECT o_id FROM " + orders() + " WHERE o_id <= 300");

            assertThat(warning(result, "not_null_status"))
                    .contains(": " + pgCount("o_id <= 300 AND " + NULL_STATUS) + " of 300 row(s)");
            assertThat(warning(result, "format_email"))
                    .contains(": " + pgCount("o_id <= 300 AND " + BAD_EMAIL) + " of 300 row(s)");
        }
    }

    @Test
    void crossSourceJoin_checksBothTables_forTheRowsEachSideReads() throws Exception {
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            Result result = read(
                    statement,
                    "SELECT o.o_id, c.country FROM " + orders() + " o JOIN my." + myDatabase
                            + ".customers c ON o.customer_id = c.c_id WHERE o.o_id <= 500");

            assertThat(warning(result, "known_country")).contains(": 4 of 40 row(s)");
            assertThat(warning(result, "not_null_status"))
                    .contains(": " + pgCount("o_id <= 500 AND " + NULL_STATUS) + " of 500 row(s)");
        }
    }

    @Test
    void outcome_isStoredWithTheQueryId_andQuarantinedRowsAreReadable() throws Exception {
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            Result result = read(statement, "SELECT o_id FROM " + orders() + " WHERE o_id <= 100");
            String queryId = warning(result, "range_amount").replaceAll(".*query_id = '([^']+)'.*", "$1");

            try (ResultSet rs = statement.executeQuery("SELECT rule_name, rows_checked, violations"
                    + " FROM sluice.quality_results WHERE query_id = '" + queryId + "' ORDER BY rule_name")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1) + "=" + rs.getLong(2) + "/" + rs.getLong(3));
                }
                assertThat(rows)
                        .containsExactly(
                                "accepted_values_status=100/" + pgCount("o_id <= 100 AND " + UNKNOWN_STATUS),
                                "format_email=100/" + pgCount("o_id <= 100 AND " + BAD_EMAIL),
                                "not_null_status=100/" + pgCount("o_id <= 100 AND " + NULL_STATUS),
                                "range_amount=100/" + pgCount("o_id <= 100 AND " + NEGATIVE_AMOUNT),
                                "valid_encoding_note=100/" + pgCount("o_id <= 100 AND " + MOJIBAKE_NOTE));
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sluice.quarantine WHERE query_id = '"
                    + queryId + "' AND user_name = '" + TestingGateway.USER + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(pgCount("o_id <= 100 AND " + MOJIBAKE_NOTE));
            }
        }
    }

    @Test
    void rulesOfASourceThatIsDownAtStart_doNotStopTheGateway(@TempDir Path otherRules) throws Exception {
        Files.writeString(
                otherRules.resolve("down.yaml"), "table: down.public.t\nrules:\n  - { column: x, check: not_null }\n");
        try (TestingGateway withDownSource = TestingGateway.builder()
                        .source("pg", TestingSources.postgresql())
                        .source("down", TestingSources.postgresql("jdbc:postgresql://127.0.0.1:9/nowhere"))
                        .rules(otherRules)
                        .start();
                Connection connection = withDownSource.connectWithDriver();
                Statement statement = connection.createStatement()) {
            assertThat(read(statement, "SELECT o_id FROM " + orders() + " WHERE o_id <= 10")
                            .rows())
                    .isEqualTo(10);
        }
    }

    @Test
    void rules_reloadOnFileChange_andOnRequest_keepingTheOldRulesWhenTheNewOnesAreBad() throws Exception {
        Path file = rules.resolve("orders_extra.yaml");
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            String sql = "SELECT o_id FROM " + orders() + " WHERE o_id <= 200";
            Files.writeString(
                    file,
                    "table: " + orders() + "\nrules:\n  - { check: expression, sql: \"MOD(o_id, 7) <> 0\","
                            + " name: no_sevens }\n");
            long deadline = System.nanoTime() + 10_000_000_000L;
            Result result = read(statement, sql);
            while (result.warnings().stream().noneMatch(w -> w.contains("'no_sevens'"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
                result = read(statement, sql);
            }
            assertThat(warning(result, "no_sevens")).contains(": 28 of 200 row(s)");

            Files.writeString(
                    file,
                    "table: " + orders() + "\nrules:\n  - { check: expression, sql: \"no_such_column > 0\","
                            + " name: broken }\n");
            try (ResultSet rs = statement.executeQuery("SELECT status, detail FROM TABLE(sluice.reload_rules())")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("rejected");
                assertThat(rs.getString(2)).contains("orders_extra.yaml:3:").contains("no_such_column");
            }
            assertThat(warning(read(statement, sql), "no_sevens")).contains(": 28 of 200 row(s)");
        } finally {
            Files.deleteIfExists(file);
            try (Connection connection = gateway.connectWithDriver();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT status FROM TABLE(sluice.reload_rules())")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("reloaded");
            }
        }
    }

    @Test
    void quarantinedRowsAndOutcomes_surviveAGatewayRestart(@TempDir Path data) throws Exception {
        String queryId;
        try (TestingGateway first = restartable(data);
                Connection connection = first.connectWithDriver();
                Statement statement = connection.createStatement()) {
            Result result = read(statement, "SELECT o_id FROM " + orders() + " WHERE o_id <= 100");
            queryId = warning(result, "valid_encoding_note").replaceAll(".*query_id = '([^']+)'.*", "$1");
        }
        try (TestingGateway second = restartable(data);
                Connection connection = second.connectWithDriver();
                Statement statement = connection.createStatement();
                ResultSet rs =
                        statement.executeQuery("SELECT (SELECT count(*) FROM sluice.quarantine WHERE query_id = '"
                                + queryId + "'), (SELECT count(*) FROM sluice.quality_results WHERE query_id = '"
                                + queryId
                                + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(pgCount("o_id <= 100 AND " + MOJIBAKE_NOTE));
            assertThat(rs.getLong(2)).isEqualTo(5);
        }
    }

    private static TestingGateway restartable(Path data) throws SQLException {
        return TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source("my", TestingSources.mariaDb(myDatabase))
                .rules(rules)
                .dataDirectory(data)
                .start();
    }

    @Test
    void rulesInForce_areListedInSluiceQualityRules() throws Exception {
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT rule_name, check_name, columns, action, line"
                        + " FROM sluice.quality_rules WHERE table_name = 'pg." + pgSchema + ".orders' ORDER BY line")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getInt(5));
            }
            assertThat(rows)
                    .containsExactly(
                            "not_null_status not_null status warn 3",
                            "accepted_values_status accepted_values status warn 4",
                            "range_amount range amount drop 5",
                            "format_email format email warn 6",
                            "valid_encoding_note valid_encoding note quarantine 7");
        }
    }

    @Test
    void failRule_stopsTheQuery_namingRuleTableColumnAndValue() throws Exception {
        try (Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            SQLException error = catchThrowableOfType(
                    SQLException.class, () -> read(statement, "SELECT o_id FROM pg." + pgSchema + ".strict_orders"));

            assertThat(error.getSQLState()).isEqualTo("22000");
            assertThat(error.getMessage())
                    .contains("QUALITY_FAILED", "accepted_values_status", "strict_orders", "column status");
            // The connection keeps serving.
            assertThat(read(statement, "SELECT o_id FROM " + orders() + " WHERE o_id = 1")
                            .rows())
                    .isEqualTo(1);
        }
    }
}
