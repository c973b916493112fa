package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import io.sluice.gateway.testing.TestingTcpProxy;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad input or broken source gets its own message and SQLSTATE, and the gateway keeps serving. */
class ErrorReportingIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();

    static String schema;
    static TestingTcpProxy proxy;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        schema = POSTGRES.createSchema("err");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".t (id integer, name text)");
            s.execute("INSERT INTO " + schema + ".t VALUES (1, 'one'), (2, 'two')");
        }
        URI pgUri = URI.create(POSTGRES.jdbcUrl().substring("jdbc:".length()));
        proxy = new TestingTcpProxy(pgUri.getPort());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source(
                        "flaky",
                        TestingSources.postgresql("jdbc:postgresql://127.0.0.1:" + proxy.port() + pgUri.getPath()))
                .source("gone", TestingSources.postgresql("jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere"))
                .start();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void badSql_reportsLineAndColumn() throws Exception {
        assertError(() -> query("SELECT id\nFROM pg." + schema + ".t\nWHERE id = = 1"), "42601")
                .hasMessageContaining("QUERY_SYNTAX")
                .hasMessageContaining("line 3, column 10");
    }

    @Test
    void unknownTable_isNamed() throws Exception {
        assertError(() -> query("SELECT * FROM pg." + schema + ".missing_table"), "42P01")
                .hasMessageContaining("TABLE_NOT_FOUND")
                .hasMessageContaining("missing_table");
    }

    @Test
    void unknownColumn_isNamed() throws Exception {
        assertError(() -> query("SELECT nope FROM pg." + schema + ".t"), "42703")
                .hasMessageContaining("COLUMN_NOT_FOUND")
                .hasMessageContaining("nope");
    }

    @Test
    void unknownSource_listsKnownSources() throws Exception {
        assertError(() -> query("SELECT * FROM shop.public.orders"), "3F000")
                .hasMessageContaining("Unknown source 'shop'")
                .hasMessageContaining("pg, flaky, gone");
    }

    @Test
    void wrongPassword_isRejected() {
        assertThatThrownBy(() -> DriverManager.getConnection(gateway.gateway().jdbcUrl(), TestingGateway.USER, "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("AUTHENTICATION_FAILED")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void missingPassword_isRejected() {
        assertThatThrownBy(() -> DriverManager.getConnection(gateway.gateway().jdbcUrl()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("requires a user name and password")
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void sourceDownAtStartup_failsOnlyItsQueries() throws Exception {
        assertError(() -> query("SELECT * FROM gone.public.anything"), "08001")
                .hasMessageContaining("SOURCE_UNAVAILABLE")
                .hasMessageContaining("'gone'");
        assertThat(query("SELECT count(*) FROM pg." + schema + ".t")).isEqualTo("2");
    }

    @Test
    void sourceDownMidSession_recoversByItself() throws Exception {
        String sql = "SELECT count(*) FROM flaky." + schema + ".t";
        assertThat(query(sql)).isEqualTo("2");
        proxy.stop();
        try {
            assertError(() -> query(sql), "08001")
                    .hasMessageContaining("SOURCE_UNAVAILABLE")
                    .hasMessageContaining("'flaky'");
            assertThat(query("SELECT count(*) FROM pg." + schema + ".t")).isEqualTo("2");
        } finally {
            proxy.start();
        }
        assertThat(query(sql)).isEqualTo("2");
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertError(
            ThrowingCallable call, String sqlState) {
        return assertThatThrownBy(call)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState));
    }
}
