package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingFlightSqlClient;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingTypeTables;
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
import java.util.Optional;
import java.util.TreeMap;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row rules on the Arrow fast path: a DuckDB table with row rules is still answered with
 * DuckDB's own batches, each row checked in the batch before it is sent, and the counts, samples and stored outcome are
 * the general path's (a second gateway over the same file with {@code arrow_pass_through} off) and DuckDB's own counts
 * of the seeded defects. Rules that remove rows ({@code drop}, {@code quarantine}) remove them from the batches sent.
 * That the fast path was (or was not) taken is read from the server's counter.
 */
class ArrowPassThroughQualityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READINGS = 60_000;
    private static final String SUBSET = "id BETWEEN 10000 AND 45000";

    /** The seeded defects of {@code readings}, by predicate on its columns as DuckDB evaluates them. */
    private static final Map<String, String> READING_DEFECTS = Map.of(
            "not_null_sensor", "sensor IS NULL",
            "range_value", "value < 0",
            "read_in_2024", "NOT (read_on < DATE '2025-01-01')",
            "valid_encoding_note", "note LIKE '%' || chr(1) || '%'",
            "accepted_values_unit", "unit NOT IN ('C', 'F')",
            "sensor_8_bytes", "sensor NOT IN ('sensor-1', 'sensor-2', 'sensor-4')",
            "sensor_9_bytes", "sensor NOT IN ('sensor-1', 'sensor-10', 'sensor-49')",
            "length_note", "length(note) > 2");

    private static final int AMOUNTS = 40_000;

    /**
     * The rules of {@code amounts} (a DECIMAL(9,3), every step of 0.001 from -10 to 10, with nulls only in its third
     * batch), by the predicate DuckDB counts their violations with. The fast path compares the decimals as unscaled
     * longs, rounding the bounds with more digits than the scale (-0.0005, 0.0125) to the neighbours that keep the
     * outcome, and as BigDecimals where they are computed ({@code amount * 2}).
     */
    private static final Map<String, String> AMOUNT_RULES = Map.of(
            "outside", "amount < -9.5 OR amount > 9.345",
            "near_zero", "amount < -0.0005 OR amount > 0.0125",
            "exactly_1_3", "amount = 1.3",
            "doubled_below_19", "NOT (amount * 2 < 19)",
            "exclusive_bounds", "NOT (amount > -5 AND amount <= 5)");

    private static final int SHIPMENTS = 50_000;

    /** The rules of {@code shipments}, by the predicate DuckDB counts their violations with. */
    private static final Map<String, String> SHIPMENT_RULES = Map.of(
            "range_price", "price < 0",
            "accepted_values_mode", "mode NOT IN ('AIR', 'SHIP')",
            "not_null_note", "note IS NULL");

    @TempDir
    static Path dir;

    static Path database;
    /** DuckDB's count of the rows matching each predicate, asked before the gateways open the file. */
    static final Map<String, Long> DUCKDB_COUNTS = new TreeMap<>();

    static TestingGateway fast;
    static TestingGateway general;

    @BeforeAll
    static void setUp() throws Exception {
        database = dir.resolve("checked.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement s = duck.createStatement()) {
            for (String sql : TestingTypeTables.DUCKDB) {
                s.execute(sql);
            }
            // Several of the fast path's batches (16,384 rows each), defects seeded by predicates on i.
            s.execute("CREATE TABLE readings AS SELECT i AS id,"
                    + " CASE WHEN i % 17 = 0 THEN NULL ELSE 'sensor-' || (i % 50) END AS sensor,"
                    + " (CASE WHEN i % 23 = 0 THEN -i ELSE i END * 0.25)::DECIMAL(12,2) AS value,"
                    + " DATE '2024-06-01' + (i % 400)::INTEGER AS read_on,"
                    + " CASE WHEN i % 31 = 0 THEN 'bad' || chr(1) ELSE 'ok' END AS note,"
                    + " CASE WHEN i % 29 = 0 THEN 'K' ELSE 'C' END AS unit"
                    + " FROM range(1, " + (READINGS + 1) + ") t(i)");
            s.execute("CREATE TABLE guarded AS SELECT i AS id, CASE WHEN i = 40000 THEN NULL ELSE i END AS amount"
                    + " FROM range(1, 50001) t(i)");
            s.execute("CREATE TABLE amounts AS SELECT i AS id, CASE WHEN i > 33000 AND i % 7 = 0 THEN NULL"
                    + " ELSE ((i % 20001) - 10000) * 0.001 END::DECIMAL(9,3) AS amount"
                    + " FROM range(1, " + (AMOUNTS + 1) + ") t(i)");
            countInDuckDb(s, "amounts", AMOUNT_RULES.values());
            s.execute("CREATE TABLE shipments AS SELECT i AS id, DATE '2024-01-01' + (i % 300)::INTEGER AS shipped_on,"
                    + " (CASE WHEN i % 997 = 0 THEN -i ELSE i END * 0.01)::DECIMAL(10,2) AS price,"
                    + " CASE WHEN i % 1009 = 0 THEN 'LOST' WHEN i % 2 = 0 THEN 'AIR' ELSE 'SHIP' END AS mode,"
                    + " CASE WHEN i % 13 = 0 THEN NULL ELSE 'n' || i END AS note"
                    + " FROM range(1, " + (SHIPMENTS + 1) + ") t(i)");
            countInDuckDb(s, "shipments", SHIPMENT_RULES.values());
            s.execute("CREATE TABLE filtered AS SELECT i AS id, i - 10 AS amount FROM range(1, 101) t(i)");
            for (String defect : READING_DEFECTS.values()) {
                countInDuckDb(s, "readings", List.of(defect, SUBSET + " AND " + defect));
            }
        }
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("types.yaml"),
                String.join(
                        "\n",
                        "table: duck.main.types",
                        "rules:",
                        "  - { column: c_dec38, check: range, min: -1, max: 1 }",
                        "  - { column: c_dec10, check: range, min: 0 }",
                        "  - { check: expression, name: date_after_2000, sql: \"c_date >= DATE '2000-01-01'\" }",
                        "  - { check: expression, name: time_before_noon, sql: \"c_time < TIME '12:00:00'\" }",
                        "  - { check: expression, name: ts_after_2000,"
                                + " sql: \"c_ts >= TIMESTAMP '2000-01-01 00:00:00'\" }",
                        "  - { column: c_date, check: range, max: '2023-12-31' }",
                        "  - { column: c_ts, check: range, max: '2024-01-01 00:00:00' }",
                        "  - { column: c_tstz, check: not_null }",
                        "  - { check: expression, name: bool_true, sql: \"c_bool\" }",
                        "  - { column: c_varchar, check: length, max: 3 }",
                        "  - { column: c_varchar, check: valid_encoding }",
                        "  - { column: c_varchar, check: accepted_values, values: [x, ''] }",
                        "  - { column: c_small, check: range, min: 0 }",
                        "  - { column: c_int, check: range, min: 0 }",
                        "  - { column: c_big, check: range, min: 0 }",
                        "  - { column: c_real, check: range, min: 0 }",
                        "  - { column: c_double, check: range, min: 0 }",
                        ""));
        Files.writeString(
                rules.resolve("readings.yaml"),
                String.join(
                        "\n",
                        "table: duck.main.readings",
                        "rules:",
                        "  - { column: sensor, check: not_null }",
                        "  - { column: value, check: range, min: 0 }",
                        "  - { check: expression, name: read_in_2024, sql: \"read_on < DATE '2025-01-01'\" }",
                        "  - { column: note, check: valid_encoding }",
                        "  - { column: note, check: length, max: 2 }",
                        "  - { column: unit, check: accepted_values, values: [C, F] }",
                        "  - { name: sensor_8_bytes, column: sensor, check: accepted_values,"
                                + " values: [sensor-1, sensor-2, sensor-4] }",
                        "  - { name: sensor_9_bytes, column: sensor, check: accepted_values,"
                                + " values: [sensor-1, sensor-10, sensor-49] }",
                        ""));
        Files.writeString(
                rules.resolve("guarded.yaml"),
                "table: duck.main.guarded\nrules:\n  - { column: amount, check: not_null, action: fail }\n");
        Files.writeString(
                rules.resolve("amounts.yaml"),
                String.join(
                        "\n",
                        "table: duck.main.amounts",
                        "rules:",
                        "  - { name: outside, column: amount, check: range, min: -9.5, max: 9.345 }",
                        "  - { name: near_zero, column: amount, check: range, min: -0.0005, max: 0.0125 }",
                        "  - { name: exactly_1_3, check: expression, sql: \"amount <> 1.3\" }",
                        "  - { name: doubled_below_19, check: expression, sql: \"amount * 2 < 19\" }",
                        "  - { name: exclusive_bounds, check: expression, sql: \"amount > -5 AND amount <= 5\" }",
                        ""));
        Files.writeString(
                rules.resolve("shipments.yaml"),
                String.join(
                        "\n",
                        "table: duck.main.shipments",
                        "rules:",
                        "  - { column: price, check: range, min: 0, action: quarantine }",
                        "  - { column: mode, check: accepted_values, values: [AIR, SHIP], action: drop }",
                        "  - { column: note, check: not_null }",
                        ""));
        Files.writeString(
                rules.resolve("filtered.yaml"),
                "table: duck.main.filtered\nrules:\n  - { column: amount, check: range, min: 0, action: drop }\n");
        DuckDbSourceConfig source = new DuckDbSourceConfig(Optional.of(database), true);
        fast = TestingGateway.builder().source("duck", source).rules(rules).start();
        general = TestingGateway.builder()
                .source("duck", source)
                .rules(rules)
                .arrowPassThrough(false)
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (fast != null) {
            fast.close();
        }
        if (general != null) {
            general.close();
        }
    }

    @AfterEach
    void noArrowMemoryLeft() throws InterruptedException {
        TestingFlight.assertClean(fast.gateway());
        TestingFlight.assertClean(general.gateway());
    }

    @Test
    void rulesOverEveryType_checkedInTheBatches_judgeAsTheGeneralPath() throws Exception {
        String sql = "SELECT * FROM duck.main.types";
        Outcome passedThrough = read(fast, sql, 1);
        Outcome converted = read(general, sql, 0);

        assertThat(passedThrough.result().rows()).hasSize(5);
        assertThat(passedThrough.stored()).hasSize(17).isEqualTo(converted.stored());
        // Samples read as SQL shows the values, not as the engine holds them (days, milliseconds).
        assertThat(passedThrough.stored().get("range_c_date")).isEqualTo("5/1 [\"2024-02-29\"]");
        assertThat(passedThrough.stored().get("range_c_ts")).isEqualTo("5/1 [\"2024-03-10 12:34:56.123\"]");
        assertThat(passedThrough.summary()).isEqualTo(converted.summary());
        // Not vacuous: every rule read its column's values, and most found some.
        assertThat(passedThrough.summary().values()).allMatch(counts -> counts.startsWith("warn 5/"));
        assertThat(passedThrough.stored().values().stream().filter(stored -> !stored.endsWith("/0 []")))
                .hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void wholeTable_countsAreDuckDbsCountsOfTheSeededDefects() throws Exception {
        Outcome passedThrough = read(fast, "SELECT * FROM duck.main.readings", 1);

        assertThat(passedThrough.result().rows()).hasSize(READINGS);
        for (Map.Entry<String, String> defect : READING_DEFECTS.entrySet()) {
            long expected = duckCount(defect.getValue());
            assertThat(expected).as(defect.getKey() + " seeded").isPositive();
            assertThat(passedThrough.summary().get(defect.getKey()))
                    .as(defect.getKey())
                    .isEqualTo("warn " + READINGS + "/" + expected);
        }
        assertThat(passedThrough.stored())
                .isEqualTo(read(general, "SELECT * FROM duck.main.readings", 0).stored());
    }

    @Test
    void decimalComparisons_inBatchesWithAndWithoutNulls_countAsDuckDb() throws Exception {
        String sql = "SELECT * FROM duck.main.amounts";
        Outcome passedThrough = read(fast, sql, 1);

        assertThat(passedThrough.result().rows()).hasSize(AMOUNTS);
        for (Map.Entry<String, String> rule : AMOUNT_RULES.entrySet()) {
            long expected = duckCount(rule.getValue());
            assertThat(expected).as(rule.getKey() + " finds some").isPositive();
            assertThat(passedThrough.summary().get(rule.getKey()))
                    .as(rule.getKey())
                    .isEqualTo("warn " + AMOUNTS + "/" + expected);
        }
        assertThat(passedThrough.stored()).isEqualTo(read(general, sql, 0).stored());
    }

    @Test
    void filterAndProjection_checkTheRowsRead_andSendOnlyTheColumnsAsked() throws Exception {
        // The rules read sensor, value, read_on, note and unit: the source sends them, the client gets id and read_on
        // only.
        String sql = "SELECT id, read_on FROM duck.main.readings WHERE " + SUBSET + " ORDER BY id";
        Outcome passedThrough = read(fast, sql, 1);
        Outcome converted = read(general, sql, 0);

        assertThat(passedThrough.result().schema().getFields())
                .extracting(field -> field.getName())
                .containsExactly("id", "read_on");
        assertThat(passedThrough.result().rows()).isEqualTo(converted.result().rows());
        assertThat(passedThrough.result().rows()).hasSize(35_001);
        for (Map.Entry<String, String> defect : READING_DEFECTS.entrySet()) {
            assertThat(passedThrough.summary().get(defect.getKey()))
                    .as(defect.getKey())
                    .isEqualTo("warn 35001/" + duckCount(SUBSET + " AND " + defect.getValue()));
        }
        assertThat(passedThrough.stored()).isEqualTo(converted.stored());
    }

    @Test
    void failRule_stopsTheStreamBeforeTheOffendingRowIsSent() throws Exception {
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(fast)) {
            long before = fast.gateway().flightServer().passedThroughStreams();
            List<Long> received = new ArrayList<>();
            FlightRuntimeException error = catchThrowableOfType(FlightRuntimeException.class, () -> {
                var info = client.sql().execute("SELECT id, amount FROM duck.main.guarded", client.bearer());
                try (FlightStream stream =
                        client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.bearer())) {
                    while (stream.next()) {
                        VectorSchemaRoot root = stream.getRoot();
                        for (int row = 0; row < root.getRowCount(); row++) {
                            received.add(((Number) root.getVector(0).getObject(row)).longValue());
                        }
                    }
                }
            });

            assertThat(error).as("the stream failed").isNotNull();
            assertThat(error.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
            assertThat(error.status().metadata().get("sluice-error-code")).isEqualTo("QUALITY_FAILED");
            assertThat(error.getMessage()).contains("not_null_amount", "duck.main.guarded", "column amount");
            assertThat(received).doesNotContain(40_000L).hasSizeLessThan(50_000);
            // The stream that failed was on the fast path.
            assertThat(fast.gateway().flightServer().passedThroughStreams()).isEqualTo(before + 1);
            // The same client goes on with the next query, on the fast path.
            assertThat(client.read(client.sql()
                                    .execute("SELECT id FROM duck.main.guarded WHERE id < 5", client.bearer()))
                            .rows())
                    .hasSize(4);
            assertThat(fast.gateway().flightServer().passedThroughStreams()).isEqualTo(before + 2);
        }
    }

    @Test
    void dropAndQuarantine_sendTheBatchesWithoutTheRowsRemoved_andStoreWhatTheGeneralPathStores() throws Exception {
        String sql = "SELECT id, shipped_on, price FROM duck.main.shipments ORDER BY id";
        Outcome passedThrough = read(fast, sql, 1);
        Outcome converted = read(general, sql, 0);

        long quarantined = duckCount("price < 0");
        long dropped = duckCount("mode NOT IN ('AIR', 'SHIP')");
        assertThat(quarantined).isPositive();
        assertThat(dropped).isPositive();
        assertThat(passedThrough.result().rows())
                .hasSize((int) (SHIPMENTS - quarantined - dropped))
                .isEqualTo(converted.result().rows());
        assertThat(passedThrough.result().rows()).noneMatch(row -> ((java.math.BigDecimal) row.get(2)).signum() < 0);
        assertThat(passedThrough.summary())
                .containsEntry("range_price", "quarantine " + SHIPMENTS + "/" + quarantined)
                .containsEntry("accepted_values_mode", "drop " + SHIPMENTS + "/" + dropped)
                .containsEntry("not_null_note", "warn " + SHIPMENTS + "/" + duckCount("note IS NULL"));
        assertThat(passedThrough.stored()).isEqualTo(converted.stored());

        List<String> stored = quarantinedRows(fast, passedThrough.queryId());
        assertThat(stored).hasSize((int) quarantined).isEqualTo(quarantinedRows(general, converted.queryId()));
        // The whole row, with its values as SQL shows them.
        assertThat(stored).anySatisfy(row -> assertThat(row)
                .startsWith("range_price ")
                .contains("\"id\":997,")
                .contains("\"shipped_on\":\"2024-04-07\"")
                .contains("\"price\":-9.97")
                .contains("\"mode\":\"SHIP\""));
    }

    @Test
    void dropRule_onATableOfOneBatch() throws Exception {
        String sql = "SELECT id, amount FROM duck.main.filtered ORDER BY id";
        Outcome kept = read(fast, sql, 1);

        assertThat(kept.result().rows())
                .hasSize(91)
                .isEqualTo(read(general, sql, 0).result().rows());
        assertThat(kept.summary()).containsEntry("range_amount", "drop 100/9");
    }

    /**
     * What a read through Flight gave: the result, its summary (rule to "action checked/violations") and the outcome
     * stored under its query id (rule to "checked/violations [samples]").
     */
    private record Outcome(
            TestingFlightSqlClient.Result result,
            Map<String, String> summary,
            Map<String, String> stored,
            String queryId) {}

    /** Reads {@code sql} from {@code gateway}, checking that {@code fastPathStreams} streams took the fast path. */
    private static Outcome read(TestingGateway gateway, String sql, int fastPathStreams) throws Exception {
        long before = gateway.gateway().flightServer().passedThroughStreams();
        TestingFlightSqlClient.Result result;
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            result = client.read(client.sql().execute(sql, client.bearer()));
        }
        assertThat(gateway.gateway().flightServer().passedThroughStreams() - before)
                .as("streams passed through")
                .isEqualTo(fastPathStreams);
        JsonNode summary = JSON.readTree(result.appMetadata());
        Map<String, String> counts = new TreeMap<>();
        for (JsonNode rule : summary.get("rules")) {
            counts.put(
                    rule.get("rule").asText(),
                    rule.get("action").asText() + " " + rule.get("rows_checked").asLong() + "/"
                            + rule.get("violations").asLong());
        }
        String queryId = summary.get("query_id").asText();
        return new Outcome(result, counts, stored(gateway, queryId), queryId);
    }

    private static Map<String, String> stored(TestingGateway gateway, String queryId) throws SQLException {
        Map<String, String> stored = new TreeMap<>();
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT rule_name, rows_checked, violations, samples"
                        + " FROM sluice.quality_results WHERE query_id = '" + queryId + "'")) {
            while (rs.next()) {
                stored.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3) + " " + rs.getString(4));
            }
        }
        return stored;
    }

    /** The rows quarantined by query {@code queryId}, as "rule row_json", in the order of their JSON. */
    private static List<String> quarantinedRows(TestingGateway gateway, String queryId) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = gateway.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT rule_name, row_json FROM sluice.quarantine"
                        + " WHERE query_id = '" + queryId + "' ORDER BY row_json")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    /** Asks DuckDB how many rows of {@code table} match each of {@code predicates}, for {@link #duckCount}. */
    private static void countInDuckDb(Statement duck, String table, java.util.Collection<String> predicates)
            throws SQLException {
        for (String predicate : predicates) {
            try (ResultSet rs = duck.executeQuery("SELECT count(*) FROM " + table + " WHERE " + predicate)) {
                rs.next();
                DUCKDB_COUNTS.put(predicate, rs.getLong(1));
            }
        }
    }

    private static long duckCount(String predicate) {
        return DUCKDB_COUNTS.get(predicate);
    }
}
