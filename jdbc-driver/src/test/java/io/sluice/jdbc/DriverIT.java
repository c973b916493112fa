package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The driver against a real Avatica server (the protobuf handler and {@code JdbcMeta} over DuckDB)
 * with the side channel's cancel endpoint, through the public JDBC API only.
 */
class DriverIT {
    /** Runs until cancelled: DuckDB cannot shortcut it. */
    private static final String ENDLESS_QUERY =
            "SELECT count(*) FROM range(1000000000000) t(i) WHERE hash(i) % 1000 = 7";

    private final Driver driver = new Driver();
    private TestingAvaticaGateway gateway;

    @BeforeEach
    void startGateway() throws SQLException, IOException {
        gateway = TestingAvaticaGateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private Connection connect(String query) throws SQLException {
        Properties info = new Properties();
        info.setProperty("password", "s3cret");
        return driver.connect(gateway.url(query), info);
    }

    @Test
    void query_returnsRows() throws SQLException {
        try (Connection connection = connect("user=alice");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 42 AS answer, 'sluice' AS name")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("answer")).isEqualTo(42);
            assertThat(rows.getString("name")).isEqualTo("sluice");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void connect_sendsOnlyUserAndPasswordToGateway() throws SQLException {
        try (Connection connection = connect("user=alice&fetchSize=10")) {
            assertThat(connection.isValid(1)).isTrue();
        }

        assertThat(gateway.openedConnections()).containsExactly(Map.of("user", "alice", "password", "s3cret"));
    }

    @Test
    void connect_refusedByGateway_keepsItsSqlState() {
        gateway.requirePassword("other");

        assertThatThrownBy(() -> connect("user=alice"))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "28000")
                .hasMessageStartingWith(
                        "The Sluice gateway at 127.0.0.1:" + gateway.port() + " refused the connection: ")
                .hasMessageContaining("password authentication failed for user 'alice'");
    }

    @Test
    void databaseMetaData_namesDriverAndHidesPassword() throws SQLException {
        try (Connection connection = connect("user=alice&password=fromUrl")) {
            DatabaseMetaData metaData = connection.getMetaData();

            assertThat(metaData.getDriverName()).isEqualTo("Sluice JDBC Driver");
            assertThat(metaData.getDriverVersion()).matches("[0-9]+\\.[0-9]+.*");
            assertThat(metaData.getDriverMajorVersion()).isEqualTo(driver.getMajorVersion());
            assertThat(metaData.getDatabaseProductName()).isEqualTo("Sluice");
            assertThat(metaData.getURL()).isEqualTo("jdbc:sluice://127.0.0.1:" + gateway.port() + "?user=alice");
            assertThat(metaData.getUserName()).isEqualTo("alice");
        }
    }

    @Test
    void databaseMetaData_listsTables() throws SQLException {
        String table = "orders_" + Long.toUnsignedString(System.nanoTime(), 36);
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            // CREATE TABLE AS: a plain CREATE TABLE trips an assertion in JdbcMeta (DuckDB reports
            // update count -1 and no result set).
            statement.execute("CREATE TABLE " + table + " AS SELECT 1 AS o_orderkey, 'x' AS o_comment");

            try (ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_NAME")).isEqualTo(table);
                assertThat(tables.next()).isFalse();
            }
        }
    }

    @Test
    void fetchSize_property_isStatementDefaultAndFrameSize() throws SQLException {
        try (Connection connection = connect("fetchSize=7");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT i FROM range(250) t(i) ORDER BY i")) {
            assertThat(statement.getFetchSize()).isEqualTo(7);
            long expected = 0;
            while (rows.next()) {
                assertThat(rows.getLong(1)).isEqualTo(expected++);
            }
            assertThat(expected).isEqualTo(250);
        }

        // The first frame comes with the execute response; every later frame has fetchSize rows.
        assertThat(gateway.fetchFrameSizes()).isNotEmpty().containsOnly(7);
    }

    @Test
    void fetchSize_defaultsToAvaticasHundred() throws SQLException {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT i FROM range(1000) t(i)")) {
            assertThat(statement.getFetchSize()).isEqualTo(100);
            int count = 0;
            while (rows.next()) {
                count++;
            }
            assertThat(count).isEqualTo(1000);
        }

        assertThat(gateway.fetchFrameSizes()).isNotEmpty().containsOnly(100);
    }

    @Test
    void preparedStatement_bindsParameters() throws SQLException {
        try (Connection connection = connect("");
                PreparedStatement statement =
                        connection.prepareStatement("SELECT i, 'row ' || i FROM range(100) t(i) WHERE i = ?")) {
            for (long i : new long[] {7, 42}) {
                statement.setLong(1, i);
                try (ResultSet rows = statement.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(i);
                    assertThat(rows.getString(2)).isEqualTo("row " + i);
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // guards against a cancel that does not arrive
    void cancel_stopsQueryRunningOnGateway() throws Exception {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            CompletableFuture<Throwable> execution = CompletableFuture.supplyAsync(() -> {
                try (ResultSet rows = statement.executeQuery(ENDLESS_QUERY)) {
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            gateway.awaitExecutionStarted();

            statement.cancel();

            assertThat(execution.get()).isInstanceOf(SQLException.class);
            assertThat(gateway.cancelRequests()).singleElement().satisfies(request -> {
                assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
                assertThat(request.reason()).isEqualTo("cancel");
                assertThat(request.knownConnection()).isTrue();
                assertThat(request.statementRunning()).isTrue();
            });
        }
    }

    @Test
    void cancel_idleStatement_staysUsable() throws SQLException {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            statement.cancel();

            // Avatica never clears its cancel flag, so its next() would throw "Statement canceled";
            // the driver clears it when an execution starts.
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }

        assertThat(gateway.cancelRequests()).singleElement().satisfies(request -> {
            assertThat(request.knownConnection()).isTrue();
            assertThat(request.statementRunning()).isFalse();
        });
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void queryTimeout_cancelsQueryAndThrowsTimeout() throws SQLException {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);

            assertThatThrownBy(() -> statement.executeQuery(ENDLESS_QUERY))
                    .isInstanceOf(SQLTimeoutException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "HYT00")
                    .hasMessageContaining("query timeout of 1 s");
            assertThat(gateway.cancelRequests()).singleElement().satisfies(request -> {
                assertThat(request.reason()).isEqualTo("timeout");
                assertThat(request.statementRunning()).isTrue();
            });
            assertThat((Throwable) statement.getWarnings()).isNull();
        }
    }

    @Test
    void queryTimeout_notReached_doesNotCancel() throws SQLException {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(60);

            try (ResultSet rows = statement.executeQuery("SELECT 2")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }

        assertThat(gateway.cancelRequests()).isEmpty();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void queryTimeout_preparedStatement() throws SQLException {
        try (Connection connection = connect("");
                PreparedStatement statement = connection.prepareStatement(ENDLESS_QUERY)) {
            statement.setQueryTimeout(1);

            assertThatThrownBy(statement::executeQuery)
                    .isInstanceOf(SQLTimeoutException.class)
                    .hasFieldOrPropertyWithValue("SQLState", "HYT00");
            assertThat(gateway.cancelRequests())
                    .extracting(TestingAvaticaGateway.CancelRequest::statementRunning)
                    .containsExactly(true);
        }
    }
}
