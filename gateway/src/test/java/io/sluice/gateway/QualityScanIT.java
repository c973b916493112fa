package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.adapters.testing.MariaDbGeneralLog;
import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.cli.SluiceCommand;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Quality scans over a seeded-defect data set: a PostgreSQL table and a MariaDB table with known numbers of each kind
 * of defect (duplicate keys, orphans across the two sources, NULLs, encoding errors, bad formats, unknown labels,
 * out-of-range values, too few rows, stale data). {@code sluice check} (run in process through picocli) and {@code
 * sluice.scan()} from SQL report exactly the counts the databases themselves give for the seeding predicates, and the
 * aggregates are pushed to the sources (PostgreSQL's statement log shows them).
 */
class QualityScanIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB = TestingMariaDbServer.instance();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int ROWS = 600;
    private static final int COUNTRIES = 20;

    @TempDir
    static Path dir;

    static String pgSchema;
    static String myDatabase;
    static Path rules;
    static Path config;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("scan");
        myDatabase = MARIADB.createDatabase("scan");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".accounts (id integer, account_no integer, email text,"
                    + " status text, score integer, note text, country_id integer, updated_at timestamp,"
                    // An ICU collation orders text unlike the gateway (a < B < c), as a database's default may.
                    + " label text COLLATE \"en-US-x-icu\", owner_id integer)");
            // Each defect comes from a predicate on i; the expected counts are asked of PostgreSQL, never computed
            // here.
            s.execute("INSERT INTO " + pgSchema + ".accounts SELECT i,"
                    + " CASE WHEN i % 50 = 0 THEN i - 1 ELSE i END,"
                    + " CASE WHEN i % 40 = 0 THEN NULL WHEN i % 33 = 0 THEN 'user' || i || '.example.com'"
                    + " ELSE 'user' || i || '@example.com' END,"
                    + " CASE WHEN i % 27 = 0 THEN 'Z' ELSE 'open' END,"
                    + " CASE WHEN i % 31 = 0 THEN -i ELSE i % 100 END,"
                    + " CASE WHEN i % 45 = 0 THEN 'bad ' || chr(65533) WHEN i % 46 = 0 THEN 'bell' || chr(7)"
                    + " WHEN i % 47 = 0 THEN 'caf' || chr(195) || chr(169) ELSE 'fine' END,"
                    + " CASE WHEN i % 37 = 0 THEN 100 + i ELSE i % " + COUNTRIES + " + 1 END,"
                    + " now()::timestamp - interval '2 days' - i * interval '1 minute',"
                    + " (ARRAY['alpha', 'ALPHA', 'Beta', 'beta', 'gamma_1', 'gamma1', chr(128512), 'éclair', 'delta',"
                    + " NULL])[i % 10 + 1],"
                    + " i % 60 + 1"
                    + " FROM generate_series(1, " + ROWS + ") i");
            s.execute("CREATE TABLE " + pgSchema + ".owners (id integer)");
            s.execute("INSERT INTO " + pgSchema + ".owners SELECT i FROM generate_series(1, 50) i");
        }
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement()) {
            s.execute("CREATE TABLE countries (id INT PRIMARY KEY, code VARCHAR(3), region VARCHAR(10))");
            StringBuilder insert = new StringBuilder("INSERT INTO countries VALUES ");
            for (int id = 1; id <= COUNTRIES; id++) {
                String code = id % 9 == 0 ? "NULL" : "'C" + (id % 7 == 0 ? id - 1 : id) + "'";
                String region = id % 6 == 0 ? "'Atlantis'" : "'EU'";
                insert.append(id == 1 ? "" : ",")
                        .append("(")
                        .append(id)
                        .append(",")
                        .append(code)
                        .append(",")
                        .append(region)
                        .append(")");
            }
            s.execute(insert.toString());
            // Text keys under MariaDB's default case- and trailing-space-insensitive collation, some only a case or
            // a space away from PostgreSQL's: a cross-source foreign key matches the exact characters.
            s.execute("CREATE TABLE labels (code VARCHAR(20)) CHARACTER SET utf8mb4");
            s.execute("INSERT INTO labels VALUES ('alpha'), ('Beta'), ('beta '), ('gamma_1'), ('gamma1'),"
                    + " ('\uD83D\uDE00'), ('éclair'), ('Zulu'), ('zulu'), (NULL)");
        }
        rules = Files.createDirectories(dir.resolve("rules"));
        String accounts = "pg." + pgSchema + ".accounts";
        Files.writeString(
                rules.resolve("accounts.yaml"),
                "table: " + accounts + "\n"
                        + "rules:\n"
                        + "  - { check: unique, column: account_no }\n"
                        + "  - { column: email, check: not_null }\n"
                        + "  - { column: email, check: format, format: email }\n"
                        + "  - { column: status, check: accepted_values, values: [open, closed], action: fail }\n"
                        + "  - { column: score, check: range, min: 0, max: 100 }\n"
                        + "  - { column: note, check: valid_encoding }\n"
                        + "  - { check: foreign_key, column: country_id, references: my." + myDatabase
                        + ".countries.id }\n"
                        + "  - { check: foreign_key, column: label, references: my." + myDatabase + ".labels.code }\n"
                        + "  - { check: foreign_key, column: owner_id, references: pg." + pgSchema + ".owners.id }\n"
                        + "  - { check: row_count, min: 1000 }\n"
                        + "  - { check: completeness, column: email, max_null_ratio: 0.01 }\n"
                        + "  - { check: freshness, column: updated_at, max_age: 1d }\n"
                        + "  - { check: schema, columns: { id: INTEGER, email: VARCHAR } }\n");
        Files.writeString(
                rules.resolve("countries.yaml"),
                "table: my." + myDatabase + ".countries\n"
                        + "rules:\n"
                        + "  - { column: code, check: not_null }\n"
                        + "  - { check: unique, column: code }\n"
                        + "  - { column: region, check: accepted_values, values: [EU, NA] }\n");
        config = Files.writeString(
                dir.resolve("sluice.yaml"),
                "sources:\n"
                        + "  pg: { type: postgresql, url: \"" + POSTGRES.jdbcUrl() + "\", user: " + POSTGRES.user()
                        + ", password: " + POSTGRES.password() + " }\n"
                        + "  my: { type: mysql, url: \"" + MARIADB.jdbcUrl(myDatabase) + "\", user: "
                        + MARIADB.user() + ", password: " + MARIADB.password() + " }\n"
                        + "rules: rules\n"
                        + "security:\n  allow_anonymous: true\n");
    }

    /** The count PostgreSQL gives for {@code sql}. */
    private static long pg(String sql) throws SQLException {
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement();
                ResultSet rs = s.executeQuery(sql.replace("$t", pgSchema + ".accounts"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long my(String sql) throws SQLException {
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Orphans: PostgreSQL rows whose country_id is not an id in MariaDB, found with the ids MariaDB lists. */
    private static long orphans() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM countries")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return pg("SELECT count(*) FROM $t WHERE country_id IS NOT NULL AND country_id NOT IN (" + String.join(",", ids)
                + ")");
    }

    /**
     * Orphans of the text key: PostgreSQL rows whose label is not exactly (case and spaces included) a code MariaDB
     * lists.
     */
    private static long labelOrphans() throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM labels WHERE code IS NOT NULL")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        try (Connection pg = POSTGRES.openConnection();
                PreparedStatement s = pg.prepareStatement("SELECT count(*) FROM " + pgSchema
                        + ".accounts WHERE label IS NOT NULL AND label <> ALL (?)")) {
            s.setArray(1, pg.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rule name to "status violations" for every rule of the seeded tables, from the references. */
    private static Map<String, String> expected() throws SQLException {
        Map<String, String> expected = new HashMap<>();
        expected.put("unique_account_no", "warn " + pg("SELECT count(*) - count(DISTINCT account_no) FROM $t"));
        expected.put("not_null_email", "warn " + pg("SELECT count(*) FROM $t WHERE email IS NULL"));
        expected.put("format_email", "warn " + pg("SELECT count(*) FROM $t WHERE email NOT LIKE '%@%'"));
        expected.put(
                "accepted_values_status",
                "fail " + pg("SELECT count(*) FROM $t WHERE status NOT IN ('open', 'closed')"));
        expected.put("range_score", "warn " + pg("SELECT count(*) FROM $t WHERE score < 0 OR score > 100"));
        expected.put(
                "valid_encoding_note",
                "warn "
                        + pg(
                                "SELECT count(*) FROM $t WHERE note ~ '[\\x01-\\x08]' OR note LIKE '%' || chr(65533) || '%'"
                                        + " OR note LIKE '%' || chr(195) || chr(169) || '%'"));
        expected.put("foreign_key_country_id", "warn " + orphans());
        expected.put("foreign_key_label", "warn " + labelOrphans());
        expected.put(
                "foreign_key_owner_id",
                "warn "
                        + pg("SELECT count(*) FROM $t a WHERE NOT EXISTS (SELECT 1 FROM " + pgSchema
                                + ".owners o WHERE o.id = a.owner_id)"));
        expected.put("row_count", "warn " + (pg("SELECT count(*) FROM $t") < 1000 ? 1 : 0));
        expected.put("completeness_email", "warn " + pg("SELECT count(*) FROM $t WHERE email IS NULL"));
        expected.put(
                "freshness_updated_at",
                "warn "
                        + pg("SELECT CASE WHEN max(updated_at) < now()::timestamp - interval '1 day' THEN 1 ELSE 0 END"
                                + " FROM $t"));
        expected.put("schema", "pass 0");
        expected.put("not_null_code", "warn " + my("SELECT count(*) FROM countries WHERE code IS NULL"));
        expected.put(
                "unique_code",
                "warn " + my("SELECT count(code) - count(DISTINCT code) FROM countries WHERE code IS NOT NULL"));
        expected.put(
                "accepted_values_region",
                "warn " + my("SELECT count(*) FROM countries WHERE region NOT IN ('EU', 'NA')"));
        return expected;
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run sluice(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SluiceCommand(InputStream.nullInputStream()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void check_json_reportsExactlyTheSeededCounts_exitsOneForTheViolatedFailRule() throws Exception {
        Run run = sluice("check", "--config", config.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        Map<String, String> actual = statuses(report);
        Map<String, String> expected = expected();
        assertThat(actual).isEqualTo(expected);
        // Every seeded kind is really there: no reference count is zero where a defect was seeded.
        assertThat(expected.values()).filteredOn(value -> value.endsWith(" 0")).containsExactly("pass 0");
        assertThat(report.get("status").asText()).isEqualTo("fail");
        // The text foreign key: MariaDB's collation would match ALPHA to alpha and beta to 'beta ', and sort the keys
        // unlike PostgreSQL's ICU collation; the merge matches exact characters, each source sorting by code point.
        JsonNode labels = result(report, "foreign_key_label");
        assertThat(labels.get("samples"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "ALPHA (" + pg("SELECT count(*) FROM $t WHERE label = 'ALPHA'") + " rows)",
                        "beta (" + pg("SELECT count(*) FROM $t WHERE label = 'beta'") + " rows)",
                        "delta (" + pg("SELECT count(*) FROM $t WHERE label = 'delta'") + " rows)");
        assertThat(labels.get("statements"))
                .extracting(JsonNode::asText)
                .anyMatch(sql -> sql.startsWith("pg: ") && sql.contains("COLLATE \"C\"") && sql.contains("ORDER BY"))
                .anyMatch(sql -> sql.startsWith("my: ") && sql.contains("CAST(CONVERT(") && sql.contains("ORDER BY"));
        // Progress went to stderr, one line per table and rule.
        assertThat(run.err()).contains("[1/2]", "[2/2]", "unique_account_no");
    }

    /** Rule name to "status violations" for every result of a JSON report. */
    private static Map<String, String> statuses(JsonNode report) {
        Map<String, String> statuses = new HashMap<>();
        for (JsonNode result : report.get("results")) {
            statuses.put(
                    result.get("rule").asText(),
                    result.get("status").asText() + " "
                            + result.get("violations").asLong());
        }
        return statuses;
    }

    private static JsonNode result(JsonNode report, String rule) {
        for (JsonNode result : report.get("results")) {
            if (result.get("rule").asText().equals(rule)) {
                return result;
            }
        }
        throw new AssertionError("No result for rule " + rule + " in " + report);
    }

    @Test
    void check_sourceDown_itsRulesAreErrors_theOtherTablesStillScan(@TempDir Path data) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path down = Files.writeString(
                data.resolve("sluice.yaml"),
                Files.readString(config)
                        .replace(MARIADB.jdbcUrl(myDatabase), "jdbc:mysql://127.0.0.1:" + closedPort + "/" + myDatabase)
                        .replace(MARIADB.password() + " }", MARIADB.password() + ", connect_timeout: 1s }")
                        .replace("rules: rules", "rules: " + rules));

        Run run = sluice("check", "--config", down.toString(), "--format", "json");

        // accepted_values_status (action fail) is violated: that outweighs the rules that could not run.
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        Map<String, String> actual = statuses(report);
        Map<String, String> expected = expected();
        for (String rule : List.of(
                "foreign_key_country_id",
                "foreign_key_label",
                "not_null_code",
                "unique_code",
                "accepted_values_region")) {
            expected.put(rule, "error 0");
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(result(report, "not_null_code").get("detail").asText()).contains("'my'", "unavailable");
        assertThat(report.get("counts").get("error").asLong()).isEqualTo(5);

        // Only the table of the source that is down: no fail rule violated, some rule could not run.
        Run countries = sluice("check", "--config", down.toString(), "my." + myDatabase + ".countries");
        assertThat(countries.exitCode()).as(countries.err()).isEqualTo(4);
        assertThat(countries.out()).contains("0 fail, 3 error", "error: my." + myDatabase + ".countries not_null_code");
    }

    @Test
    void check_table_printsOneTableAndRecordsTheScanInTheStore() throws Exception {
        String countries = "my." + myDatabase + ".countries";
        Run run = sluice("check", "--config", config.toString(), countries);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("not_null_code", "unique_code", "accepted_values_region", "0 fail, 0 error")
                .doesNotContain("accounts");
        String scanId = run.out().replaceAll("(?s).*Scan (scan-[0-9a-f-]+):.*", "$1");
        try (Connection store = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("sluice-quality.duckdb"));
                Statement s = store.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), min(origin), min(user_name), sum(violations)"
                        + " FROM sluice_quality.quality_results WHERE query_id = '" + scanId + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(3);
            assertThat(rs.getString(2)).isEqualTo("scan");
            assertThat(rs.getString(3)).isEqualTo("cli");
            assertThat(rs.getLong(4))
                    .isEqualTo(my("SELECT count(*) FROM countries WHERE code IS NULL")
                            + my("SELECT count(code) - count(DISTINCT code) FROM countries")
                            + my("SELECT count(*) FROM countries WHERE region NOT IN ('EU', 'NA')"));
        }
    }

    @Test
    void check_unknownTable_namesTheTablesWithRules() {
        Run run = sluice("check", "--config", config.toString(), "pg.public.nothing");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No quality rules for table 'pg.public.nothing'", "countries", "accounts");
    }

    @Test
    void checkFromSql_samesCounts_aggregatesPushedToPostgreSql_andADroppedTableIsAnErrorNotTheEnd(@TempDir Path data)
            throws Exception {
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".ephemeral (id integer)");
        }
        Path sqlRules = Files.createDirectories(data.resolve("rules"));
        for (String file : List.of("accounts.yaml", "countries.yaml")) {
            Files.copy(rules.resolve(file), sqlRules.resolve(file));
        }
        Files.writeString(
                sqlRules.resolve("ephemeral.yaml"),
                "table: pg." + pgSchema + ".ephemeral\nrules:\n  - { column: id, check: not_null }\n");
        try (TestingGateway gateway = TestingGateway.builder()
                        .source("pg", TestingSources.postgresql())
                        .source("my", TestingSources.mariaDb(myDatabase))
                        .rules(sqlRules)
                        .dataDirectory(data)
                        .start();
                Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            try (Statement s = POSTGRES.openConnection().createStatement()) {
                s.execute("DROP TABLE " + pgSchema + ".ephemeral");
            }
            POSTGRES.statementLog().reset();
            MariaDbGeneralLog.Mark mariaDbMark = MARIADB.generalLog().mark();
            Map<String, String> actual = new HashMap<>();
            String scanId = null;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT scan_id, rule_name, status, violations, detail FROM TABLE(sluice.scan())")) {
                while (rs.next()) {
                    scanId = rs.getString(1);
                    actual.put(rs.getString(2), rs.getString(3) + " " + rs.getLong(4));
                    if (rs.getString(2).equals("not_null_id")) {
                        assertThat(rs.getString(5)).contains("ephemeral");
                    }
                }
            }
            Map<String, String> expected = expected();
            expected.put("not_null_id", "error 0");
            assertThat(actual).isEqualTo(expected);
            // The range rule's count ran in PostgreSQL as one aggregate returning one row, not as rows fetched into
            // the gateway (Calcite quotes the column; the reference queries above do not).
            assertThat(POSTGRES.statementLog().entriesContaining("\"score\""))
                    .as("statements PostgreSQL ran for the range rule")
                    .anyMatch(entry ->
                            entry.query().toUpperCase(java.util.Locale.ROOT).contains("COUNT(")
                                    && entry.calls() == 1
                                    && entry.rows() == 1);
            // unique: the GROUP BY and the totals over it ran in PostgreSQL as one statement returning one row.
            assertThat(POSTGRES.statementLog().entriesContaining("GROUP BY \"account_no\""))
                    .anyMatch(entry -> entry.calls() == 1 && entry.rows() == 1);
            // The foreign key within PostgreSQL: one anti-join PostgreSQL ran, returning one row of totals.
            assertThat(POSTGRES.statementLog().entriesContaining("LEFT JOIN"))
                    .anyMatch(entry -> entry.query().contains("owners") && entry.rows() == 1);
            // The text foreign key across sources: each source grouped and sorted its keys by code point, and sent
            // one row per distinct key, not one per row.
            long distinctLabels = pg("SELECT count(DISTINCT label) FROM $t");
            assertThat(POSTGRES.statementLog().entriesContaining("COLLATE \"C\""))
                    .anyMatch(entry -> entry.query().contains("ORDER BY") && entry.rows() == distinctLabels);
            assertThat(MARIADB.generalLog().statementsSince(mariaDbMark))
                    .anyMatch(
                            sql -> sql.contains("CAST(CONVERT(") && sql.contains("ORDER BY") && sql.contains("labels"));
            try (ResultSet rs = statement.executeQuery("SELECT count(*), min(user_name) FROM sluice.quality_results"
                    + " WHERE query_id = '" + scanId + "' AND origin = 'scan'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(expected.size());
                assertThat(rs.getString(2)).isEqualTo(TestingGateway.USER);
            }
        }
    }

    @Test
    void scheduledScan_runsOnTheGateway_asTheScheduler(@TempDir Path data) throws Exception {
        Path scheduled = Files.createDirectories(data.resolve("rules"));
        Files.writeString(
                scheduled.resolve("countries.yaml"),
                "table: my." + myDatabase + ".countries\nschedule: 1s\nrules:\n"
                        + "  - { column: code, check: not_null }\n");
        try (TestingGateway gateway = TestingGateway.builder()
                        .source("my", TestingSources.mariaDb(myDatabase))
                        .rules(scheduled)
                        .dataDirectory(data)
                        .start();
                Connection connection = gateway.connectWithDriver();
                Statement statement = connection.createStatement()) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            long scans = 0;
            while (scans < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                try (ResultSet rs = statement.executeQuery("SELECT count(DISTINCT query_id), max(violations)"
                        + " FROM sluice.quality_results WHERE user_name = 'scheduler' AND origin = 'scan'")) {
                    rs.next();
                    scans = rs.getLong(1);
                    if (scans > 0) {
                        assertThat(rs.getLong(2)).isEqualTo(my("SELECT count(*) FROM countries WHERE code IS NULL"));
                    }
                }
            }
            assertThat(scans).as("scheduled scans recorded within 20 s").isGreaterThanOrEqualTo(2);

            // Reloaded rules are what the next scheduled scan judges.
            Files.writeString(
                    scheduled.resolve("countries.yaml"),
                    "table: my." + myDatabase + ".countries\nschedule: 1s\nrules:\n"
                            + "  - { column: code, check: not_null }\n"
                            + "  - { check: unique, column: code }\n");
            long uniqueScans = 0;
            deadline = System.nanoTime() + 30_000_000_000L;
            while (uniqueScans == 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                try (ResultSet rs =
                        statement.executeQuery("SELECT count(*), max(violations) FROM sluice.quality_results"
                                + " WHERE user_name = 'scheduler' AND rule_name = 'unique_code'")) {
                    rs.next();
                    uniqueScans = rs.getLong(1);
                    if (uniqueScans > 0) {
                        assertThat(rs.getLong(2))
                                .isEqualTo(my("SELECT count(code) - count(DISTINCT code) FROM countries"));
                    }
                }
            }
            assertThat(uniqueScans)
                    .as("a scheduled scan with the reloaded rule within 30 s")
                    .isPositive();
        }
        // Closing the gateway stopped the scheduler thread.
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("sluice-scheduled-scans") && thread.isAlive());
    }
}
