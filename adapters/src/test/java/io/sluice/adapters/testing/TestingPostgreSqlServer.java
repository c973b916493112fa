package io.sluice.adapters.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The local PostgreSQL test server started by {@code scripts/test}, with helpers that give each test its own names. */
public final class TestingPostgreSqlServer {

    private static final String KIND = "POSTGRES";
    /** pg_stat_activity states of a running statement, and of one whose transaction is still open. */
    private static final String ACTIVE = "'active'";

    private static final String OPEN = "'active', 'idle in transaction', 'idle in transaction (aborted)'";
    private static TestingPostgreSqlServer instance;

    private final TestingServerEndpoint endpoint;

    private TestingPostgreSqlServer(TestingServerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The server named by {@code SLUICE_TEST_POSTGRES_URL} ({@code _USER}, {@code _PASSWORD}, {@code _LOG}; system
     * properties {@code sluice.test.postgres.*} win). When none is configured, aborts the calling test, or throws
     * {@link IllegalStateException} under {@code CI=true}.
     */
    public static synchronized TestingPostgreSqlServer instance() {
        if (instance == null) {
            instance = new TestingPostgreSqlServer(TestingServerEndpoint.fromEnvironment(KIND, "PostgreSQL"));
        }
        return instance;
    }

    /** JDBC URL of the {@code sluice_test} database. */
    public String jdbcUrl() {
        return endpoint.jdbcUrl();
    }

    /** JDBC URL of another database on the same server (one from {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        return endpoint.jdbcUrl(database);
    }

    /** A superuser. */
    public String user() {
        return endpoint.user();
    }

    public String password() {
        return endpoint.password();
    }

    /** The server log; every statement is in it ({@code log_statement=all}). */
    public Path logFile() {
        return endpoint.requireLogFile(KIND);
    }

    /** The statements this server received, as {@code pg_stat_statements} counts them. */
    public PostgreSqlStatementLog statementLog() {
        return new PostgreSqlStatementLog(this);
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
     * Creates a database no other test uses.
     *
     * @param prefix lower-case start of the name
     * @return the name, {@code <prefix>_<random>}
     */
    public String createDatabase(String prefix) throws SQLException {
        String name = TestingServerEndpoint.uniqueName(prefix);
        execute("CREATE DATABASE " + name);
        return name;
    }

    /**
     * Creates a schema in {@code sluice_test} that no other test uses.
     *
     * @param prefix lower-case start of the name
     * @return the name, {@code <prefix>_<random>}
     */
    public String createSchema(String prefix) throws SQLException {
        String name = TestingServerEndpoint.uniqueName(prefix);
        execute("CREATE SCHEMA " + name);
        return name;
    }

    /**
     * Waits until a statement whose text contains {@code fragment} is (or, with {@code running} false, is no longer)
     * active in {@code pg_stat_activity}; fails with an AssertionError when that does not happen {@code within}.
     */
    public void awaitStatementActive(String fragment, boolean running, Duration within)
            throws SQLException, InterruptedException {
        await(fragment, running, within, ACTIVE, "running");
    }

    /**
     * Like {@link #awaitStatementActive}, but a statement also counts while its transaction is still open (a cursor
     * whose rows are being fetched is "idle in transaction" between fetches).
     */
    public void awaitStatementOpen(String fragment, boolean open, Duration within)
            throws SQLException, InterruptedException {
        await(fragment, open, within, OPEN, "open");
    }

    /** Whether a statement whose text contains {@code fragment} is active in {@code pg_stat_activity} right now. */
    public boolean isStatementActive(String fragment) throws SQLException {
        return isStatementIn(fragment, ACTIVE);
    }

    /** Whether a statement whose text contains {@code fragment} is active or waits in its open transaction. */
    public boolean isStatementOpen(String fragment) throws SQLException {
        return isStatementIn(fragment, OPEN);
    }

    private void await(String fragment, boolean expected, Duration within, String states, String what)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (isStatementIn(fragment, states) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("A statement containing '" + fragment + "' is " + (expected ? "not" : "still")
                        + " " + what + " at PostgreSQL after " + within.toMillis() + " ms");
            }
            Thread.sleep(50);
        }
    }

    private boolean isStatementIn(String fragment, String states) throws SQLException {
        try (Connection connection = openConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE state IN (" + states + ") AND query LIKE ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, "%" + fragment + "%");
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = openConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return endpoint.toString();
    }
}
