package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout()} through Sluice's driver stop the query in the gateway AND
 * at PostgreSQL: the statement disappears from {@code pg_stat_activity}.
 */
class QueryCancellationIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();

    static String schema;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        schema = POSTGRES.createSchema("cancel");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".a AS SELECT i AS x FROM generate_series(1, 40000) i");
            s.execute("ANALYZE " + schema + ".a");
        }
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** A same-source join that PostgreSQL works on for minutes: 1.6 billion pairs. */
    private static String slowQuery() {
        return "SELECT count(*) FROM pg." + schema + ".a a1 JOIN pg." + schema + ".a a2 ON a1.x < a2.x";
    }

    @Test
    void cancel_stopsTheQueryAtPostgreSql() throws Exception {
        try (Connection c = gateway.connectWithDriver();
                Statement statement = c.createStatement()) {
            CompletableFuture<Throwable> outcome = runExpectingFailure(statement);
            POSTGRES.awaitStatementActive(schema, true, Duration.ofSeconds(30));
            long start = System.nanoTime();
            statement.cancel();
            Throwable failure = outcome.get(10, TimeUnit.SECONDS);
            long cancelMillis = (System.nanoTime() - start) / 1_000_000;
            POSTGRES.awaitStatementActive(schema, false, Duration.ofSeconds(2));
            System.out.printf("cancel() -> query failed after %d ms, gone from pg_stat_activity%n", cancelMillis);
            assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("QUERY_CANCELLED");
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
        }
    }

    @Test
    void queryTimeout_stopsTheQueryAtPostgreSql() throws Exception {
        try (Connection c = gateway.connectWithDriver();
                Statement statement = c.createStatement()) {
            statement.setQueryTimeout(2);
            long start = System.nanoTime();
            Throwable failure = runExpectingFailure(statement).get(30, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            POSTGRES.awaitStatementActive(schema, false, Duration.ofSeconds(2));
            assertThat(failure).isInstanceOf(SQLTimeoutException.class);
            assertThat(millis).as("timed out after the 2 s timeout, not before").isGreaterThanOrEqualTo(2_000);
        }
    }

    @Test
    void connectionStaysUsableAfterCancel() throws Exception {
        try (Connection c = gateway.connectWithDriver();
                Statement statement = c.createStatement()) {
            CompletableFuture<Throwable> outcome = runExpectingFailure(statement);
            POSTGRES.awaitStatementActive(schema, true, Duration.ofSeconds(30));
            statement.cancel();
            outcome.get(10, TimeUnit.SECONDS);
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg." + schema + ".a")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(40_000);
            }
        }
    }

    private static CompletableFuture<Throwable> runExpectingFailure(Statement statement) {
        return CompletableFuture.supplyAsync(() -> {
            try (ResultSet rs = statement.executeQuery(slowQuery())) {
                rs.next();
                return new AssertionError("the slow query finished instead of being stopped");
            } catch (Throwable e) {
                return e;
            }
        });
    }
}
