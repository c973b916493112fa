package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingTypeTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arrow fast path for DuckDB: a query pushed down whole is answered with DuckDB's own Arrow batches, and the
 * answer is the general path's — the same schema as announced, the same values for every DuckDB type — read with the
 * native Flight SQL client from two gateways over the same file, one with {@code arrow_pass_through} on and one with
 * it off. That the fast path was taken is read from the server's counter. After every test both servers' Arrow memory
 * is back to zero.
 */
class ArrowPassThroughIT {

    @TempDir
    static Path dir;

    /**
     * The cells of {@code types} where the general path loses what the source holds (TypeRoundTripIT pins the same
     * losses on the JDBC path), by {@code id/column}: the general path's value, then the source's own value, which the
     * fast path keeps. The engine reads a TIMESTAMP inside a DST gap of the gateway's zone as the time after the gap.
     * Beyond this cell, times and timestamps lose their fractions on the general path ({@link #inEnginePrecision}).
     */
    private static final Map<String, List<String>> GENERAL_PATH_LOSSES =
            Map.of("3/c_ts", List.of("LocalDateTime:2022-04-03T03:30:00.500", "LocalDateTime:2022-04-03T02:30:00.500"));

    static TestingGateway fast;
    static TestingGateway general;
    static BufferAllocator clientAllocator;

    @BeforeAll
    static void setUp() throws Exception {
        Path file = dir.resolve("passthrough.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement s = duck.createStatement()) {
            for (String sql : TestingTypeTables.DUCKDB) {
                s.execute(sql);
            }
            // Several batches (the fast path asks for 16,384 rows a batch), nulls, every fourth row.
            s.execute("CREATE TABLE big AS SELECT i AS id, CASE WHEN i % 4 = 0 THEN NULL ELSE 'row ' || i END AS label,"
                    + " (i * 0.01)::DECIMAL(15,2) AS amount, DATE '2020-01-01' + (i % 1000)::INTEGER AS day,"
                    + " TIMESTAMP '2020-01-01 00:00:00' + i * INTERVAL '1 second 1 microsecond' AS at"
                    + " FROM range(100000) t(i)");
        }
        Path otherFile = dir.resolve("other.duckdb");
        try (Connection other = DriverManager.getConnection("jdbc:duckdb:" + otherFile);
                Statement s = other.createStatement()) {
            s.execute("CREATE TABLE extra AS SELECT 42 AS id");
        }
        DuckDbSourceConfig source = new DuckDbSourceConfig(Optional.of(file), true);
        DuckDbSourceConfig otherSource = new DuckDbSourceConfig(Optional.of(otherFile), true);
        fast = TestingGateway.builder()
                .source("duck", source)
                .source("other", otherSource)
                .allowAnonymous()
                .start();
        general = TestingGateway.builder()
                .source("duck", source)
                .source("other", otherSource)
                .allowAnonymous()
                .arrowPassThrough(false)
                .start();
        clientAllocator = new RootAllocator();
    }

    @AfterAll
    static void tearDown() {
        if (fast != null) {
            fast.close();
        }
        if (general != null) {
            general.close();
        }
        if (clientAllocator != null) {
            clientAllocator.close();
        }
    }

    @AfterEach
    void noArrowMemoryLeft() throws InterruptedException {
        TestingFlight.assertClean(fast.gateway());
        TestingFlight.assertClean(general.gateway());
    }

    @Test
    void everyDuckDbType_passedThrough_equalsTheGeneralPath() throws Exception {
        String sql = "SELECT * FROM duck.main.types ORDER BY id";
        Result passedThrough = readCounting(fast, sql, 1);
        Result converted = readCounting(general, sql, 0);

        assertThat(passedThrough.schema()).isEqualTo(converted.schema());
        assertThat(passedThrough.rows()).hasSize(5);
        assertThat(converted.rows()).hasSize(5);
        List<Field> columns = passedThrough.schema().getFields();
        for (int row = 0; row < 5; row++) {
            for (int column = 0; column < columns.size(); column++) {
                String cell = (row + 1) + "/" + columns.get(column).getName();
                String fastValue = passedThrough.rows().get(row).get(column);
                String generalValue = converted.rows().get(row).get(column);
                List<String> loss = GENERAL_PATH_LOSSES.get(cell);
                if (loss == null) {
                    assertThat(generalValue)
                            .as(cell)
                            .isEqualTo(inEnginePrecision(
                                    fastValue, columns.get(column).getType()));
                } else {
                    assertThat(generalValue).as(cell + " on the general path").isEqualTo(loss.get(0));
                    assertThat(fastValue).as(cell + " on the fast path").isEqualTo(loss.get(1));
                }
            }
        }
    }

    @Test
    void manyBatches_passedThrough_equalTheGeneralPath() throws Exception {
        // Row i's timestamp is i seconds and i microseconds after 2020: the fast path keeps DuckDB's microseconds, the
        // general path the engine's milliseconds (TypeRoundTripIT pins the same loss on the JDBC path).
        String sql = "SELECT * FROM duck.main.big ORDER BY id";
        Result passedThrough = readCounting(fast, sql, 1);
        Result converted = readCounting(general, sql, 0);

        assertThat(passedThrough.schema()).isEqualTo(converted.schema());
        assertThat(passedThrough.rows()).hasSize(100_000);
        assertThat(converted.rows()).hasSize(100_000);
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int row = 0; row < 100_000; row++) {
            List<String> fastRow = passedThrough.rows().get(row);
            List<String> generalRow = converted.rows().get(row);
            LocalDateTime at = start.plusSeconds(row).plusNanos(row * 1_000L);
            assertThat(fastRow.subList(0, 4)).as("row %d", row).isEqualTo(generalRow.subList(0, 4));
            assertThat(fastRow.get(4)).as("row %d at, fast path", row).isEqualTo("LocalDateTime:" + at);
            assertThat(generalRow.get(4))
                    .as("row %d at, general path", row)
                    .isEqualTo("LocalDateTime:" + at.truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void pushedDownFilterAndProjection_passedThrough() throws Exception {
        String sql = "SELECT label, amount FROM duck.main.big WHERE id BETWEEN 10 AND 19 ORDER BY id";
        Result passedThrough = readCounting(fast, sql, 1);

        assertThat(passedThrough.rows())
                .containsExactlyElementsOf(readCounting(general, sql, 0).rows());
        assertThat(passedThrough.rows()).hasSize(10);
    }

    @Test
    void queryAcrossSources_takesTheGeneralPath() throws Exception {
        // A UNION ALL of two sources runs in the engine: the plan's root is not one source's statement.
        String sql = "SELECT id FROM duck.main.types UNION ALL SELECT id FROM other.main.extra";
        Result result = readCounting(fast, sql, 0);

        assertThat(result.rows()).hasSize(6).contains(List.of("Integer:42"), List.of("Integer:5"));
    }

    @Test
    void cancelledStream_fastPath_stopsTheSourceQuery_andReleasesItsMemory() throws Exception {
        cancelMidStream(fast);
    }

    @Test
    void cancelledStream_generalPath_stopsTheSourceQuery_andReleasesItsMemory() throws Exception {
        cancelMidStream(general);
    }

    private static void cancelMidStream(TestingGateway gateway) throws Exception {
        // Ten billion rows, pushed down whole to DuckDB: only a cancel ends this stream.
        String sql = "SELECT a.id, b.label FROM duck.main.big a CROSS JOIN duck.main.big b";
        long before = passedThrough(gateway);
        Location location =
                Location.forGrpcInsecure("127.0.0.1", gateway.gateway().flightPort());
        try (FlightSqlClient client = new FlightSqlClient(
                FlightClient.builder(clientAllocator, location).build())) {
            FlightInfo info = client.execute(sql);
            try (FlightStream stream =
                    client.getStream(info.getEndpoints().get(0).getTicket())) {
                for (int batch = 0; batch < 3; batch++) {
                    assertThat(stream.next()).isTrue();
                    assertThat(stream.getRoot().getRowCount()).isPositive();
                }
                stream.cancel("enough", null);
            }
        }
        // The memory check after each test waits for the stream to release every buffer, which it does once its
        // DuckDB statement is closed; the gateway then answers the next query. The cancelled stream was on the fast
        // path exactly when the gateway has it on (counted when its first batch went).
        assertThat(passedThrough(gateway)).isEqualTo(before + (gateway == fast ? 1 : 0));
        assertThat(read(gateway, "SELECT count(*) FROM duck.main.types").rows()).containsExactly(List.of("Long:5"));
    }

    @Test
    void preparedStatement_withoutParameters_passedThrough_withParameters_generalPath() throws Exception {
        long before = passedThrough(fast);
        Properties properties = new Properties();
        try (Connection connection = DriverManager.getConnection(fast.gateway().flightJdbcUrl(), properties)) {
            // The Arrow Flight SQL JDBC driver prepares every statement.
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM duck.main.big WHERE label IS NULL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(25_000);
            }
            assertThat(passedThrough(fast)).isEqualTo(before + 1);
            try (PreparedStatement statement =
                    connection.prepareStatement("SELECT count(*) FROM duck.main.big WHERE id < ?")) {
                statement.setInt(1, 10);
                try (ResultSet rs = statement.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(10);
                }
            }
            assertThat(passedThrough(fast)).isEqualTo(before + 1);
        }
    }

    private record Result(Schema announced, Schema schema, List<List<String>> rows, String appMetadata) {}

    /** Reads {@code sql} from {@code gateway}, checking that {@code fastPathStreams} streams took the fast path. */
    private static Result readCounting(TestingGateway gateway, String sql, int fastPathStreams) throws Exception {
        long before = passedThrough(gateway);
        Result result = read(gateway, sql);
        assertThat(passedThrough(gateway) - before).as("streams passed through").isEqualTo(fastPathStreams);
        assertThat(result.schema())
                .as("the streamed schema is the announced one")
                .isEqualTo(result.announced());
        // Both paths end with the quality summary; these tables have no rules.
        assertThat(result.appMetadata()).startsWith("{\"query_id\":").endsWith("\"violations\":0,\"rules\":[]}");
        return result;
    }

    private static Result read(TestingGateway gateway, String sql) throws Exception {
        Location location =
                Location.forGrpcInsecure("127.0.0.1", gateway.gateway().flightPort());
        try (FlightSqlClient client = new FlightSqlClient(
                FlightClient.builder(clientAllocator, location).build())) {
            FlightInfo info = client.execute(sql);
            List<List<String>> rows = new ArrayList<>();
            Schema streamed = null;
            String appMetadata = null;
            for (FlightEndpoint endpoint : info.getEndpoints()) {
                try (FlightStream stream = client.getStream(endpoint.getTicket())) {
                    streamed = stream.getSchema();
                    while (stream.next()) {
                        if (stream.getLatestMetadata() != null) {
                            byte[] bytes =
                                    new byte[(int) stream.getLatestMetadata().readableBytes()];
                            stream.getLatestMetadata().getBytes(0, bytes);
                            appMetadata = new String(bytes, StandardCharsets.UTF_8);
                        }
                        VectorSchemaRoot batch = stream.getRoot();
                        for (int row = 0; row < batch.getRowCount(); row++) {
                            List<String> values = new ArrayList<>();
                            for (FieldVector vector : batch.getFieldVectors()) {
                                values.add(text(vector.getObject(row)));
                            }
                            rows.add(values);
                        }
                    }
                }
            }
            return new Result(info.getSchemaOptional().orElseThrow(), streamed, rows, appMetadata);
        }
    }

    /** A value as comparable text: bytes in hex, everything else as Arrow's Java object prints it. */
    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Text text) {
            return text.toString();
        }
        return value == null ? null : value.getClass().getSimpleName() + ":" + value;
    }

    /**
     * A value as the general path gives it: the engine holds timestamps in milliseconds, so a timestamp's microseconds,
     * which the fast path keeps, are cut off; and DuckDB's JDBC driver gives a TIME without its fraction.
     */
    private static String inEnginePrecision(String value, ArrowType type) {
        if (value == null) {
            return null;
        }
        String timestamp = "LocalDateTime:";
        if (type instanceof ArrowType.Timestamp) {
            return timestamp
                    + LocalDateTime.parse(value.substring(timestamp.length())).truncatedTo(ChronoUnit.MILLIS);
        }
        String time = "Long:";
        if (type instanceof ArrowType.Time) {
            long micros = Long.parseLong(value.substring(time.length()));
            return time + Math.floorDiv(micros, 1_000_000L) * 1_000_000L;
        }
        return value;
    }

    private static long passedThrough(TestingGateway gateway) {
        return gateway.gateway().flightServer().passedThroughStreams();
    }
}
