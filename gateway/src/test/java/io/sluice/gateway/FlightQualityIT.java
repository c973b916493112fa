package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingFlightSqlClient;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality rules over Arrow Flight SQL: warn counts, drop and quarantine remove rows, fail ends the stream with
 * INVALID_ARGUMENT and the code QUALITY_FAILED; the stream's last message carries the query's quality summary as JSON
 * app metadata. Expected counts are asked of PostgreSQL with the seeding predicates. After every test the Flight
 * server's Arrow memory is back to zero and no Flight query is left running.
 */
class FlightQualityIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which rows of readings carry which defect, by a predicate on id. */
    private static final String MISSING_SENSOR = "id % 17 = 0";

    private static final String NEGATIVE_VALUE = "id % 23 = 0";
    private static final String CONTROL_CHARACTER = "id % 19 = 0 AND id % 23 <> 0";

    @TempDir
    static Path rules;

    static String pgSchema;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("flight_quality");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".readings (id integer PRIMARY KEY, sensor text, value numeric(8,2),"
                    + " label text)");
            s.execute("INSERT INTO " + pgSchema + ".readings SELECT i,"
                    + " CASE WHEN " + predicate(MISSING_SENSOR) + " THEN NULL ELSE 's' || (i % 7) END,"
                    + " CASE WHEN " + predicate(NEGATIVE_VALUE) + " THEN -i ELSE i / 10.0 END,"
                    + " CASE WHEN " + predicate(CONTROL_CHARACTER) + " THEN 'bad' || chr(7) ELSE 'ok' END"
                    + " FROM generate_series(1, 600) i");
            s.execute("CREATE TABLE " + pgSchema + ".calibrations AS SELECT id, sensor FROM " + pgSchema + ".readings");
        }
        Files.writeString(
                rules.resolve("readings.yaml"),
                "table: pg." + pgSchema + ".readings\n"
                        + "rules:\n"
                        + "  - { column: sensor, check: not_null }\n"
                        + "  - { column: value, check: range, min: 0, action: drop }\n"
                        + "  - { column: label, check: valid_encoding, action: quarantine }\n");
        Files.writeString(
                rules.resolve("calibrations.yaml"),
                "table: pg." + pgSchema + ".calibrations\n"
                        + "rules:\n"
                        + "  - { column: sensor, check: not_null, action: fail }\n");
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .rules(rules)
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void clean() throws InterruptedException {
        TestingFlight.assertClean(gateway.gateway());
    }

    private static String predicate(String onId) {
        return onId.replace("id", "i");
    }

    private static long pgCount(String predicate) throws SQLException {
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + pgSchema + ".readings WHERE " + predicate)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String readings() {
        return "pg." + pgSchema + ".readings";
    }

    /** Rule name to {rows_checked, violations} from a summary, which must hold each rule once. */
    private static Map<String, String> counts(JsonNode summary) {
        Map<String, String> counts = new HashMap<>();
        for (JsonNode rule : summary.get("rules")) {
            String previous = counts.put(
                    rule.get("rule").asText(),
                    rule.get("action").asText() + " " + rule.get("rows_checked").asLong() + "/"
                            + rule.get("violations").asLong());
            assertThat(previous).as("rule listed twice in " + summary).isNull();
        }
        return counts;
    }

    @Test
    void summaryInAppMetadata_countsTheRowsRead_andDropAndQuarantineRemoveRows() throws Exception {
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            String where = "id <= 400";
            TestingFlightSqlClient.Result result = client.read(
                    client.sql().execute("SELECT id, sensor FROM " + readings() + " WHERE " + where, client.bearer()));

            long removed = pgCount(where + " AND (" + NEGATIVE_VALUE + " OR " + CONTROL_CHARACTER + ")");
            assertThat(result.rows()).hasSize((int) (400 - removed));
            assertThat(result.appMetadata())
                    .as("app metadata of the last batch")
                    .isNotNull();
            JsonNode summary = JSON.readTree(result.appMetadata());
            long missing = pgCount(where + " AND " + MISSING_SENSOR);
            long negative = pgCount(where + " AND " + NEGATIVE_VALUE);
            long control = pgCount(where + " AND " + CONTROL_CHARACTER);
            assertThat(counts(summary))
                    .containsOnly(
                            Map.entry("not_null_sensor", "warn 400/" + missing),
                            Map.entry("range_value", "drop 400/" + negative),
                            Map.entry("valid_encoding_label", "quarantine 400/" + control));
            assertThat(summary.get("violations").asLong()).isEqualTo(missing + negative + control);

            // The summary's query id finds the stored outcome and the quarantined rows, attributed to the Flight user.
            String queryId = summary.get("query_id").asText();
            try (Connection connection = gateway.connectWithDriver();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT (SELECT sum(violations) FROM sluice.quality_results"
                            + " WHERE query_id = '" + queryId + "'), (SELECT count(*) FROM sluice.quarantine"
                            + " WHERE query_id = '" + queryId + "' AND user_name = '" + TestingGateway.USER + "')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(missing + negative + control);
                assertThat(rs.getLong(2)).isEqualTo(control);
            }
        }
    }

    @Test
    void resultWithoutRows_stillCarriesTheSummary() throws Exception {
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            TestingFlightSqlClient.Result result = client.read(
                    client.sql().execute("SELECT id FROM " + readings() + " WHERE id > 100000", client.bearer()));

            assertThat(result.rows()).isEmpty();
            JsonNode summary = JSON.readTree(result.appMetadata());
            assertThat(counts(summary)).containsEntry("not_null_sensor", "warn 0/0");
            assertThat(summary.get("violations").asLong()).isZero();
        }
    }

    @Test
    void flightJdbcDriver_seesTheRowsDropAndQuarantineLeave() throws Exception {
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                Statement statement = flight.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + readings())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(600 - pgCount(NEGATIVE_VALUE + " OR " + CONTROL_CHARACTER));
        }
    }

    @Test
    void failRule_endsTheStreamWithInvalidArgument_namingRuleTableColumnAndValue() throws Exception {
        try (TestingFlightSqlClient client = new TestingFlightSqlClient(gateway)) {
            FlightRuntimeException error = catchThrowableOfType(
                    FlightRuntimeException.class,
                    () -> client.read(
                            client.sql().execute("SELECT id FROM pg." + pgSchema + ".calibrations", client.bearer())));

            assertThat(error.status().code()).isEqualTo(FlightStatusCode.INVALID_ARGUMENT);
            assertThat(error.status().metadata().get("sluice-error-code")).isEqualTo("QUALITY_FAILED");
            assertThat(error.getMessage()).contains("not_null_sensor", "calibrations", "column sensor");
            // The server keeps serving the same client.
            assertThat(client.read(client.sql()
                                    .execute("SELECT id FROM " + readings() + " WHERE id = 1", client.bearer()))
                            .rows())
                    .hasSize(1);
        }
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                Statement statement = flight.createStatement()) {
            SQLException error = catchThrowableOfType(SQLException.class, () -> statement
                    .executeQuery("SELECT id FROM pg." + pgSchema + ".calibrations")
                    .next());
            // SQLException is Iterable too: cast to pick the Throwable assertions.
            assertThat((Throwable) error).hasStackTraceContaining("QUALITY_FAILED");
        }
    }
}
