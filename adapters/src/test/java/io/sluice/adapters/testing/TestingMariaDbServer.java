package io.sluice.adapters.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The local MariaDB (MySQL-protocol) test server started by {@code scripts/test}, reached with MySQL's driver. */
public final class TestingMariaDbServer {

    private static final String KIND = "MYSQL";
    private static TestingMariaDbServer instance;

    private final TestingServerEndpoint endpoint;

    private TestingMariaDbServer(TestingServerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The server named by {@code SLUICE_TEST_MYSQL_URL} ({@code _USER}, {@code _PASSWORD}, {@code _LOG}; system
     * properties {@code sluice.test.mysql.*} win). When none is configured, aborts the calling test, or throws
     * {@link IllegalStateException} under {@code CI=true}.
     */
    public static synchronized TestingMariaDbServer instance() {
        if (instance == null) {
            instance = new TestingMariaDbServer(TestingServerEndpoint.fromEnvironment(KIND, "MySQL/MariaDB"));
        }
        return instance;
    }

    /** JDBC URL ({@code jdbc:mysql:}) of the {@code sluice_test} database. */
    public String jdbcUrl() {
        return endpoint.jdbcUrl();
    }

    /** JDBC URL of another database on the same server (one from {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        return endpoint.jdbcUrl(database);
    }

    /** A user with all privileges, including creating databases. */
    public String user() {
        return endpoint.user();
    }

    public String password() {
        return endpoint.password();
    }

    /** The general query log; every statement received is in it. */
    public Path logFile() {
        return endpoint.requireLogFile(KIND);
    }

    /** A reader of {@link #logFile()}. */
    public MariaDbGeneralLog generalLog() {
        return new MariaDbGeneralLog(logFile());
    }

    /** A new connection to {@code sluice_test}. */
    public Connection openConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    /** A new connection to the given database. */
    public Connection openConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }

    /**
     * Creates a database (in MySQL, the same thing as a schema) no other test uses.
     *
     * @param prefix lower-case start of the name
     * @return the name, {@code <prefix>_<random>}
     */
    public String createDatabase(String prefix) throws SQLException {
        String name = TestingServerEndpoint.uniqueName(prefix);
        try (Connection connection = openConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
