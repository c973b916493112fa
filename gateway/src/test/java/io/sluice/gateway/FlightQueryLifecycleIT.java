package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingFlightReader;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingRows;
import io.sluice.gateway.testing.TestingSources;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.adbc.core.AdbcConnection;
import org.apache.arrow.adbc.core.AdbcDatabase;
import org.apache.arrow.adbc.core.AdbcException;
import org.apache.arrow.adbc.core.AdbcStatement;
import org.apache.arrow.adbc.core.AdbcStatusCode;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlDriver;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient.PreparedStatement;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The life of a Flight query, through real clients over the network against PostgreSQL: cancelling from every client
 * (the Arrow Flight SQL JDBC driver, CancelFlightInfo, a cancelled stream, ADBC), a client killed mid-stream, a client
 * that stops reading, and prepared statements (many parameter rows, expiry). Stopped queries must be gone from
 * PostgreSQL's pg_stat_activity within 2 s; after every test no Arrow memory and no Flight query is left.
 */
class FlightQueryLifecycleIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final String OTHER_USER = "other";
    private static final String OTHER_PASSWORD = "other-s3cret";
    private static final Duration GONE_WITHIN = Duration.ofSeconds(2);

    static String schema;
    static TestingGateway gateway;
    static BufferAllocator clientAllocator;
    /** A count over a same-source join of 800 million pairs: PostgreSQL works on it for minutes, sending nothing. */
    static String slowCount;
    /** The 800 million pairs themselves: rows flow at once, for minutes. */
    static String longStream;
    /** What both look like in pg_stat_activity. */
    static String fragment;

    @BeforeAll
    static void setUp() throws Exception {
        schema = POSTGRES.createSchema("lifecycle");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".big AS SELECT i AS x FROM generate_series(1, 40000) i");
            s.execute("ANALYZE " + schema + ".big");
            s.execute("CREATE TABLE " + schema + ".orders (o_id integer PRIMARY KEY, customer_id integer,"
                    + " amount numeric(12,2), status char(1))");
            s.execute("INSERT INTO " + schema + ".orders SELECT i, i % 50, (i * 7 % 1000) / 10.0,"
                    + " CASE WHEN i % 2 = 0 THEN 'F' ELSE 'O' END FROM generate_series(1, 2000) i");
        }
        String big = "pg." + schema + ".big";
        slowCount = "SELECT count(*) FROM " + big + " b1 JOIN " + big + " b2 ON b1.x < b2.x";
        longStream = "SELECT b1.x, b2.x AS y FROM " + big + " b1 JOIN " + big + " b2 ON b1.x < b2.x";
        fragment = "\"" + schema + "\".\"big\"";
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .user(OTHER_USER, OTHER_PASSWORD)
                .start();
        clientAllocator = new RootAllocator();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (clientAllocator != null) {
            clientAllocator.close();
        }
    }

    @AfterEach
    void nothingLeft() throws Exception {
        POSTGRES.awaitStatementOpen(fragment, false, GONE_WITHIN);
        TestingFlight.assertClean(gateway.gateway());
    }

    // Cancelling, from each client

    @Test
    void jdbcDriver_statementCancel_stopsTheQueryAtPostgreSql() throws Exception {
        try (Connection flight = TestingFlight.jdbc(gateway.gateway());
                Statement statement = flight.createStatement()) {
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try (ResultSet rs = statement.executeQuery(slowCount)) {
                    rs.next();
                    return new AssertionError("the slow query finished instead of being stopped");
                } catch (Throwable e) {
                    return e;
                }
            });
            POSTGRES.awaitStatementActive(fragment, true, Duration.ofSeconds(30));
            long start = System.nanoTime();
            statement.cancel();
            reportGone("Flight SQL JDBC driver Statement.cancel()", start);
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void flightSqlClient_cancelFlightInfo_stopsTheRunningQueryAtPostgreSql() throws Exception {
        try (TestingFlight.Client client = TestingFlight.client(gateway.gateway(), clientAllocator)) {
            FlightInfo info = client.sql().execute(slowCount, client.token());
            CompletableFuture<Throwable> read = readInBackground(client, info);
            POSTGRES.awaitStatementActive(fragment, true, Duration.ofSeconds(30));
            long start = System.nanoTime();
            CancelStatus status = client.sql()
                    .cancelFlightInfo(new CancelFlightInfoRequest(info), client.token())
                    .getStatus();
            reportGone("FlightSqlClient.cancelFlightInfo", start);
            assertThat(status).isEqualTo(CancelStatus.CANCELLED);
            assertThat(statusOf(read.get(10, TimeUnit.SECONDS))).isEqualTo(FlightStatusCode.CANCELLED);
            // Asking again is answered the same way.
            assertThat(client.sql()
                            .cancelFlightInfo(new CancelFlightInfoRequest(info), client.token())
                            .getStatus())
                    .isEqualTo(CancelStatus.CANCELLED);
        }
    }

    @Test
    void flightStream_cancel_stopsTheQueryAtPostgreSql() throws Exception {
        try (TestingFlight.Client client = TestingFlight.client(gateway.gateway(), clientAllocator)) {
            FlightInfo info = client.sql().execute(slowCount, client.token());
            try (FlightStream stream =
                    client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.token())) {
                POSTGRES.awaitStatementActive(fragment, true, Duration.ofSeconds(30));
                long start = System.nanoTime();
                stream.cancel("the test cancels", null);
                reportGone("FlightStream.cancel (native client)", start);
                assertThat(statusOf(catchThrowableOfType(FlightRuntimeException.class, stream::next)))
                        .isEqualTo(FlightStatusCode.CANCELLED);
            }
        }
    }

    /**
     * ADBC's Java Flight SQL driver (0.20) does not implement {@code AdbcStatement.cancel()} (it throws
     * NOT_IMPLEMENTED, a client limitation); closing the result mid-stream cancels its stream, which must stop the
     * query.
     */
    @Test
    void adbc_closingTheResultMidStream_stopsTheQueryAtPostgreSql() throws Exception {
        String uri = "grpc+tcp://127.0.0.1:" + gateway.gateway().flightPort();
        try (AdbcDatabase database = new FlightSqlDriver(clientAllocator).open(TestingFlight.adbcParameters(uri));
                AdbcConnection connection = database.connect();
                AdbcStatement statement = connection.createStatement()) {
            statement.setSqlQuery(longStream);
            AdbcStatement.QueryResult result = statement.executeQuery();
            ArrowReader reader = result.getReader();
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(reader.loadNextBatch()).isTrue();
            assertThat(catchThrowableOfType(AdbcException.class, statement::cancel)
                            .getStatus())
                    .isEqualTo(AdbcStatusCode.NOT_IMPLEMENTED);
            POSTGRES.awaitStatementOpen(fragment, true, Duration.ofSeconds(5));
            long start = System.nanoTime();
            result.close();
            reportGone("ADBC QueryResult.close mid-stream", start);
        }
    }

    // CancelFlightInfo's answers

    @Test
    void cancelFlightInfo_beforeTheStreamStarts_makesTheReadFailCancelled() throws Exception {
        try (TestingFlight.Client client = TestingFlight.client(gateway.gateway(), clientAllocator)) {
            FlightInfo info = client.sql().execute(slowCount, client.token());
            assertThat(cancel(client, info)).isEqualTo(CancelStatus.CANCELLED);
            assertThat(cancel(client, info)).isEqualTo(CancelStatus.CANCELLED);
            try (FlightStream stream =
                    client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.token())) {
                FlightRuntimeException failure = catchThrowableOfType(FlightRuntimeException.class, stream::next);
                assertThat(failure.status().code()).isEqualTo(FlightStatusCode.CANCELLED);
                assertThat(failure.getMessage()).contains("QUERY_CANCELLED", "before it was read");
            }
            assertThat(POSTGRES.isStatementOpen(fragment)).isFalse();
        }
    }

    @Test
    void cancelFlightInfo_ofAFinishedQueryOrACatalogListing_isNotCancellable() throws Exception {
        try (TestingFlight.Client client = TestingFlight.client(gateway.gateway(), clientAllocator)) {
            FlightInfo info = client.sql().execute("SELECT count(*) FROM pg." + schema + ".orders", client.token());
            try (FlightStream stream =
                    client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.token())) {
                assertThat(TestingRows.of(stream)).containsExactly(List.of("2000"));
            }
            assertThat(cancel(client, info)).isEqualTo(CancelStatus.NOT_CANCELLABLE);
            assertThat(cancel(client, client.sql().getCatalogs(client.token())))
                    .isEqualTo(CancelStatus.NOT_CANCELLABLE);
        }
    }

    @Test
    void cancelFlightInfo_byAnotherUser_isRefusedAndTheQueryRuns() throws Exception {
        try (TestingFlight.Client owner = TestingFlight.client(gateway.gateway(), clientAllocator);
                TestingFlight.Client other =
                        TestingFlight.client(gateway.gateway(), clientAllocator, OTHER_USER, OTHER_PASSWORD)) {
            FlightInfo info = owner.sql().execute("SELECT count(*) FROM pg." + schema + ".orders", owner.token());
            FlightRuntimeException refused =
                    catchThrowableOfType(FlightRuntimeException.class, () -> cancel(other, info));
            assertThat(refused.status().code()).isEqualTo(FlightStatusCode.UNAUTHORIZED);
            assertThat(refused.getMessage()).contains("PERMISSION_DENIED", "Only the user who ran a query");
            // Nor may the other user read it.
            try (FlightStream stream =
                    other.sql().getStream(info.getEndpoints().get(0).getTicket(), other.token())) {
                assertThat(catchThrowableOfType(FlightRuntimeException.class, stream::next)
                                .status()
                                .code())
                        .isEqualTo(FlightStatusCode.UNAUTHORIZED);
            }
            try (FlightStream stream =
                    owner.sql().getStream(info.getEndpoints().get(0).getTicket(), owner.token())) {
                assertThat(TestingRows.of(stream)).containsExactly(List.of("2000"));
            }
        }
    }

    /**
     * Tickets are self-contained: one issued by another gateway runs here. Cancelling one this gateway never issued is
     * answered UNSPECIFIED (its fate elsewhere is unknown), and from then on this gateway refuses to run it.
     */
    @Test
    void ticketFromAnotherGateway_runsHere_andCancellingItHereIsUnspecified() throws Exception {
        String sql = "SELECT count(*) FROM pg." + schema + ".orders WHERE status = 'F'";
        try (TestingGateway second = TestingGateway.builder()
                        .source("pg", TestingSources.postgresql())
                        .start();
                TestingFlight.Client there = TestingFlight.client(second.gateway(), clientAllocator);
                TestingFlight.Client here = TestingFlight.client(gateway.gateway(), clientAllocator)) {
            FlightInfo info = there.sql().execute(sql, there.token());
            try (FlightStream stream =
                    here.sql().getStream(info.getEndpoints().get(0).getTicket(), here.token())) {
                assertThat(TestingRows.of(stream)).containsExactly(List.of("1000"));
            }
            FlightInfo other = there.sql().execute(sql, there.token());
            assertThat(cancel(here, other)).isEqualTo(CancelStatus.UNSPECIFIED);
            try (FlightStream stream =
                    here.sql().getStream(other.getEndpoints().get(0).getTicket(), here.token())) {
                assertThat(catchThrowableOfType(FlightRuntimeException.class, stream::next)
                                .status()
                                .code())
                        .isEqualTo(FlightStatusCode.CANCELLED);
            }
            TestingFlight.assertClean(second.gateway());
        }
    }

    // Clients that go away or stop reading

    @Test
    void clientKilledMidStream_leavesNoQueryRunning() throws Exception {
        try (TestingFlightReader reader =
                TestingFlightReader.start(gateway.gateway().flightPort(), longStream, 3)) {
            POSTGRES.awaitStatementOpen(fragment, true, Duration.ofSeconds(5));
            assertThat(gateway.gateway().runningQueries().running()).anyMatch(q -> q.startsWith("flight-"));
            long start = System.nanoTime();
            reader.kill();
            reportGone("client JVM killed (SIGKILL) mid-stream", start);
        }
    }

    /**
     * A client that keeps its connection but stops reading: the gateway waits for it (gRPC readiness) instead of
     * buffering the result, so its Arrow memory stays flat and PostgreSQL is paused too (its cursor waits between
     * fetches, "idle in transaction", instead of producing all 800 million rows).
     */
    @Test
    void clientThatStopsReading_isWaitedFor_withFlatMemory() throws Exception {
        try (TestingFlight.Client client = TestingFlight.client(gateway.gateway(), clientAllocator)) {
            FlightInfo info = client.sql().execute(longStream, client.token());
            try (FlightStream stream =
                    client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.token())) {
                for (int i = 0; i < 3; i++) {
                    assertThat(stream.next()).isTrue();
                }
                Thread.sleep(2000);
                long first = gateway.gateway().flightServer().allocatedMemory();
                Thread.sleep(2000);
                long second = gateway.gateway().flightServer().allocatedMemory();
                System.out.printf(
                        "Stalled client: gateway Arrow memory %d bytes, then %d bytes 2 s later%n", first, second);
                assertThat(second).isEqualTo(first).isLessThan(64L << 20);
                assertThat(POSTGRES.isStatementOpen(fragment)).isTrue();
                assertThat(POSTGRES.isStatementActive(fragment))
                        .as("PostgreSQL keeps producing rows for a client that does not read")
                        .isFalse();
                assertThat(gateway.gateway().runningQueries().running()).anyMatch(q -> q.startsWith("flight-"));
                stream.cancel("the test is done", null);
            }
        }
    }

    // Prepared statements

    @Test
    void preparedStatement_manyParameterRows_returnsTheResultsOneAfterTheOther() throws Exception {
        String sql = "SELECT o_id, amount FROM pg." + schema + ".orders WHERE customer_id = ? AND status = ?"
                + " ORDER BY o_id";
        List<Object[]> parameterRows = List.of(new Object[] {8, "F"}, new Object[] {13, "O"}, new Object[] {24, "F"});
        List<List<String>> expected = new ArrayList<>();
        try (Connection pg = POSTGRES.openConnection()) {
            for (Object[] row : parameterRows) {
                List<List<String>> part = TestingRows.of(
                        pg,
                        "SELECT o_id, amount FROM " + schema + ".orders WHERE customer_id = " + row[0]
                                + " AND status = '" + row[1] + "' ORDER BY o_id");
                assertThat(part).isNotEmpty();
                expected.addAll(part);
            }
        }
        try (TestingFlight.Client client = TestingFlight.client(gateway.gateway(), clientAllocator);
                PreparedStatement statement = client.sql().prepare(sql, client.token());
                VectorSchemaRoot parameters =
                        VectorSchemaRoot.create(statement.getParameterSchema(), clientAllocator)) {
            fill(parameters, parameterRows);
            statement.setParameters(parameters);
            assertThat(rows(client, statement.execute(client.token()))).isEqualTo(expected);
            statement.close(client.token());
        }
    }

    @Test
    void preparedStatement_leftIdle_expiresAndSaysToPrepareAgain() throws Exception {
        try (TestingGateway shortLived = TestingGateway.builder()
                        .source("pg", TestingSources.postgresql())
                        .preparedStatementIdleTimeout(Duration.ofSeconds(1))
                        .start();
                TestingFlight.Client client = TestingFlight.client(shortLived.gateway(), clientAllocator)) {
            PreparedStatement statement =
                    client.sql().prepare("SELECT count(*) FROM pg." + schema + ".orders", client.token());
            assertThat(rows(client, statement.execute(client.token()))).containsExactly(List.of("2000"));
            Thread.sleep(3000);
            FlightRuntimeException expired =
                    catchThrowableOfType(FlightRuntimeException.class, () -> statement.execute(client.token()));
            assertThat(expired.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND);
            assertThat(expired.getMessage()).contains("expired after 1s without use", "prepare it again");
            FlightRuntimeException closing =
                    catchThrowableOfType(FlightRuntimeException.class, () -> statement.close(client.token()));
            assertThat(closing.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND);
            TestingFlight.assertClean(shortLived.gateway());
        }
    }

    private static CancelStatus cancel(TestingFlight.Client client, FlightInfo info) {
        return client.sql()
                .cancelFlightInfo(new CancelFlightInfoRequest(info), client.token())
                .getStatus();
    }

    private static List<List<String>> rows(TestingFlight.Client client, FlightInfo info) throws Exception {
        try (FlightStream stream =
                client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.token())) {
            return TestingRows.of(stream);
        }
    }

    /** Reads the query's stream on another thread; completes with what reading threw (or an AssertionError). */
    private static CompletableFuture<Throwable> readInBackground(TestingFlight.Client client, FlightInfo info) {
        return CompletableFuture.supplyAsync(() -> {
            try (FlightStream stream =
                    client.sql().getStream(info.getEndpoints().get(0).getTicket(), client.token())) {
                while (stream.next()) {
                    // drain
                }
                return new AssertionError("the slow query finished instead of being stopped");
            } catch (Throwable e) {
                return e;
            }
        });
    }

    private static FlightStatusCode statusOf(Throwable failure) {
        assertThat(failure).isInstanceOf(FlightRuntimeException.class);
        return ((FlightRuntimeException) failure).status().code();
    }

    /** Waits until the query is gone from PostgreSQL (at most 2 s) and prints how long that took since {@code start}. */
    private static void reportGone(String client, long start) throws Exception {
        POSTGRES.awaitStatementOpen(fragment, false, GONE_WITHIN);
        System.out.printf(
                "Cancel to gone from pg_stat_activity, %s: %d ms%n", client, (System.nanoTime() - start) / 1_000_000);
    }

    private static void fill(VectorSchemaRoot parameters, List<Object[]> rows) {
        parameters.allocateNew();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < parameters.getFieldVectors().size(); c++) {
                set(parameters.getVector(c), r, rows.get(r)[c]);
            }
        }
        parameters.setRowCount(rows.size());
    }

    private static void set(FieldVector vector, int row, Object value) {
        if (vector instanceof IntVector ints) {
            ints.setSafe(row, (Integer) value);
        } else if (vector instanceof BigIntVector longs) {
            longs.setSafe(row, (Integer) value);
        } else if (vector instanceof VarCharVector text) {
            text.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new AssertionError("unexpected parameter type " + vector.getField());
        }
    }
}
