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
                .hasMessageStartingWith("The Sluice gateway at 127.0.0.1:" + gateway.port() + " refused the connection: ")
                .hasMessageContaining("password authentication failed for user 'alice'");
    }

    @Test
    void databaseMetaData_namesDriverAndHidesPassword() throws SQLException {
        try (Connection connection = connect("user=alice&password=fromUrl")) {
            DatabaseMetaData metaData = connection.getMetaData();

            assertThat(metaData.getDriverName()).isEqualTo("Sluice JDBC Driver");
            assertThat(metaData.getDriverVersion()).isEqualTo(driver.getDriverVersion().versionString);
            assertThat(metaData.getDriverMajorVersion()).isEqualTo(driver.getMajorVersion());
            assertThat(metaData.getDatabaseProductName()).isEqualTo("Sluice");
            assertThat(metaData.getURL()).isEqualTo("jdbc:sluice://127.0.0.1:" + gateway.port() + "?user=alice");
            assertThat(metaData.getUserName()).isEqualTo("alice");
        }
    }

    @Test
    void databaseMetaData_listsTables() throws SQLException {
        try (Connection connection = connect("");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (o_orderkey INTEGER PRIMARY KEY, o_comment VARCHAR)");

            try (ResultSet tables = connection.getMetaData().getTables(null, null, "orders", null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_NAME")).isEqualTo("orders");
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
                PreparedStatement statement = connection.prepareStatement("SELECT CAST(? AS INTEGER) + 1, ?")) {
            statement.setInt(1, 41);
            statement.setString(2, "x");
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
                assertThat(rows.getString(2)).isEqualTo("x");
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
                assertThat(request.knownConnection()).isTrue();
                assertThat(request.statementRunning()).isTrue();
            });

            // Avatica never resets its cancel flag; the driver does, so the statement stays usable.
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
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
            assertThat(gateway.cancelRequests())
                    .extracting(TestingAvaticaGateway.CancelRequest::statementRunning)
                    .containsExactly(true);
            assertThat((Throwable) statement.getWarnings()).isNull();

            try (ResultSet rows = statement.executeQuery("SELECT 2")) {
                assertThat(rows.next()).isTrue();
            }
        }
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
