package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.config.FlightStreamConfig;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Record batches sized by bytes and rows, and the Arrow memory limit of a query, seen by a plain Flight SQL client:
 * the batches it receives, and the status (code, description, {@code sluice-error-code} metadata) a query over its
 * limit ends with. After every test both gateways' Arrow memory is back to zero.
 */
class FlightStreamLimitsIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();

    /** Limits of the second gateway: 64KiB batches, 256KiB per query. */
    private static final FlightStreamConfig TINY = new FlightStreamConfig(64L << 10, 65_536, 256L << 10, 64L << 20);

    static String pgSchema;
    static TestingGateway gateway;
    static TestingGateway tiny;
    static BufferAllocator clientAllocator;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("flight_limits");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".narrow AS SELECT i AS id FROM generate_series(1, 200000) i");
            // 10 000 bytes of text per row: 30 MB in all.
            s.execute("CREATE TABLE " + pgSchema + ".wide AS SELECT i AS id, repeat(chr(65 + i % 26), 10000) AS body"
                    + " FROM generate_series(1, 3000) i");
            // 100 000 bytes per row: more than a 64KiB batch, less than 256KiB.
            s.execute("CREATE TABLE " + pgSchema + ".wider AS SELECT i AS id, repeat('y', 100000) AS body"
                    + " FROM generate_series(1, 20) i");
            // 1 000 000 bytes per row: one row is more than 256KiB.
            s.execute("CREATE TABLE " + pgSchema + ".huge AS SELECT i AS id, repeat('z', 1000000) AS body"
                    + " FROM generate_series(1, 3) i");
        }
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .start();
        tiny = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .flightStreams(TINY)
                .start();
        clientAllocator = new RootAllocator();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (tiny != null) {
            tiny.close();
        }
        if (clientAllocator != null) {
            clientAllocator.close();
        }
    }

    @AfterEach
    void noArrowMemoryLeft() throws InterruptedException {
        TestingFlight.assertClean(gateway.gateway());
        TestingFlight.assertClean(tiny.gateway());
    }

    /** 4-byte rows: far more than 4096 fit in 2MiB, so the row cap (65536) cuts the batches. */
    @Test
    void narrowRows_batchesOfTheRowCap() {
        List<Batch> batches = read(gateway, "SELECT id FROM pg." + pgSchema + ".narrow ORDER BY id");
        assertThat(batches).extracting(Batch::rows).containsExactly(65_536, 65_536, 65_536, 3_392);
        assertThat(batches.stream().mapToLong(Batch::sum).sum()).isEqualTo(200_000L * 200_001 / 2);
    }

    /** 10 000-byte rows: a batch ends at the first row that takes it to 2MiB, so each holds 210 rows. */
    @Test
    void wideRows_batchesOfTheByteBudget() {
        List<Batch> batches = read(gateway, "SELECT id, body FROM pg." + pgSchema + ".wide ORDER BY id");
        long budget = FlightStreamConfig.DEFAULT_BATCH_BYTES;
        for (Batch batch : batches.subList(0, batches.size() - 1)) {
            // Each row adds 10 000 bytes of text plus 4 + 4 bytes of offset and value and 2 bits of validity.
            assertThat(batch.textBytes()).isBetween(budget - 10_000 - batch.rows() * 9L, budget + 10_000);
        }
        assertThat(batches).extracting(Batch::rows).startsWith(210, 210).hasSize(15);
        assertThat(batches.stream().mapToInt(Batch::rows).sum()).isEqualTo(3000);
        assertThat(batches.stream().mapToLong(Batch::textBytes).sum()).isEqualTo(3000L * 10_000);
        assertThat(batches.stream().mapToLong(Batch::sum).sum()).isEqualTo(3000L * 3001 / 2);
    }

    /** Rows wider than the batch budget go one per batch and stay within the per-query limit. */
    @Test
    void rowsWiderThanABatch_streamOneRowPerBatchWithinTheLimit() {
        List<Batch> batches = read(tiny, "SELECT id, body FROM pg." + pgSchema + ".wider ORDER BY id");
        // The 20th row fills its batch before the result is known to end: an empty batch carrying the quality
        // summary ends the stream.
        assertThat(batches).hasSize(21);
        assertThat(batches.subList(0, 20)).allMatch(batch -> batch.rows() == 1 && batch.textBytes() == 100_000);
        assertThat(batches.get(20).rows()).isZero();
    }

    @Test
    void rowOverTheQueryLimit_resourceExhaustedAndTheGatewayGoesOn() {
        FlightRuntimeException failure = catchThrowableOfType(
                FlightRuntimeException.class,
                () -> read(tiny, "SELECT id, body FROM pg." + pgSchema + ".huge ORDER BY id"));
        CallStatus status = failure.status();
        assertThat(status.code()).isEqualTo(FlightStatusCode.RESOURCE_EXHAUSTED);
        assertThat(status.description())
                .startsWith("RESOURCE_EXHAUSTED: The query needs more than server.flight.memory_per_query (256KiB)")
                .contains("raise server.flight.memory_per_query");
        assertThat(status.metadata().get("sluice-error-code")).isEqualTo("RESOURCE_EXHAUSTED");
        // Other queries go on, on the same gateway.
        assertThat(read(tiny, "SELECT id FROM pg." + pgSchema + ".narrow WHERE id <= 1000"))
                .extracting(Batch::rows)
                .containsExactly(1000);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One record batch as received: its rows, the sum of its {@code id} column and the bytes of its text column. */
    record Batch(int rows, long sum, long textBytes) {}

    private static List<Batch> read(TestingGateway target, String sql) {
        try (FlightClient client = FlightClient.builder(
                                clientAllocator,
                                Location.forGrpcInsecure(
                                        "127.0.0.1", target.gateway().flightPort()))
                        .build();
                FlightSqlClient sqlClient = new FlightSqlClient(client)) {
            CredentialCallOption token = client.authenticateBasicToken(TestingGateway.USER, TestingGateway.PASSWORD)
                    .orElseThrow();
            FlightInfo info = sqlClient.execute(sql, token);
            List<Batch> batches = new ArrayList<>();
            try (FlightStream stream =
                    sqlClient.getStream(info.getEndpoints().get(0).getTicket(), token)) {
                while (stream.next()) {
                    batches.add(batch(stream.getRoot()));
                }
            }
            return batches;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (FlightRuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Batch batch(VectorSchemaRoot root) {
        IntVector ids = (IntVector) root.getVector(0);
        long sum = 0;
        for (int i = 0; i < root.getRowCount(); i++) {
            sum += ids.get(i);
        }
        long textBytes = root.getFieldVectors().size() > 1 && root.getRowCount() > 0
                ? ((VarCharVector) root.getVector(1)).getStartOffset(root.getRowCount())
                : 0;
        return new Batch(root.getRowCount(), sum, textBytes);
    }
}
