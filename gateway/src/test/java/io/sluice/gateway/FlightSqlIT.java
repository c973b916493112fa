package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingRows;
import io.sluice.gateway.testing.TestingSources;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Arrow Flight SQL endpoint through the real Arrow Flight SQL JDBC driver from Maven Central, over the network:
 * answers equal the Sluice JDBC path's, catalog metadata as BI tools read it, errors and authentication. After every
 * test the Flight server's Arrow memory is back to zero.
 */
class FlightSqlIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB = TestingMariaDbServer.instance();

    static String pgSchema;
    static String myDatabase;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("flight");
        myDatabase = MARIADB.createDatabase("flight");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".orders (o_id integer PRIMARY KEY, customer_id integer,"
                    + " amount numeric(12,2), status char(1), ordered date, updated timestamp)");
            s.execute("INSERT INTO " + pgSchema + ".orders SELECT i, i % 50, (i * 7 % 1000) / 10.0,"
                    + " CASE WHEN i % 3 = 0 THEN 'F' WHEN i % 3 = 1 THEN 'O' ELSE NULL END,"
                    + " DATE '2024-03-01' + i % 40, TIMESTAMP '2024-03-10 01:30:00' + i * INTERVAL '37 minutes'"
                    + " FROM generate_series(1, 20000) i");
        }
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement()) {
            s.execute("CREATE TABLE customers (c_id INT PRIMARY KEY, name VARCHAR(40), country VARCHAR(20))");
            StringBuilder insert = new StringBuilder("INSERT INTO customers VALUES ");
            for (int i = 0; i < 60; i++) {
                insert.append(i == 0 ? "" : ",")
                        .append("(")
                        .append(i)
                        .append(",'customer ")
                        .append(i)
                        .append("','")
                        .append(List.of("DE", "FR", "MX", "US").get(i % 4))
                        .append("')");
            }
            s.execute(insert.toString());
        }
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .source("my", TestingSources.mariaDb(myDatabase))
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void noArrowMemoryLeft() throws InterruptedException {
        TestingFlight.assertClean(gateway.gateway());
    }

    @Test
    void crossSourceJoin_sameRowsAsSluiceJdbc() throws Exception {
        String sql = "SELECT o.o_id, o.amount, o.status, c.name, c.country FROM pg." + pgSchema + ".orders o"
                + " JOIN my." + myDatabase + ".customers c ON o.customer_id = c.c_id ORDER BY o.o_id";
        List<List<String>> expected;
        try (Connection sluice = gateway.connectWithDriver()) {
            expected = rows(sluice, sql);
        }
        try (Connection flight = connectFlight()) {
            List<List<String>> actual = rows(flight, sql);
            assertThat(actual).hasSize(20000).isEqualTo(expected);
        }
    }

    /**
     * Compared with PostgreSQL itself: through the Sluice JDBC driver, timestamps after the first fetched frame (100
     * rows) come back shifted by the JVM's offset (a JDBC-path bug, reported separately).
     */
    @Test
    void datesAndTimestamps_sameWallClockValuesAsPostgreSql() throws Exception {
        String sql = "SELECT o_id, ordered, updated FROM %s.orders WHERE o_id <= 500 ORDER BY o_id";
        List<List<String>> expected;
        try (Connection pg = POSTGRES.openConnection()) {
            expected = temporalRows(pg, sql.formatted(pgSchema));
        }
        try (Connection flight = connectFlight()) {
            assertThat(temporalRows(flight, sql.formatted("pg." + pgSchema)))
                    .hasSize(500)
                    .isEqualTo(expected);
        }
    }

    @Test
    void preparedStatement_bindsParameters() throws Exception {
        String sql = "SELECT count(*) AS n, sum(amount) AS total FROM pg." + pgSchema
                + ".orders WHERE customer_id = ? AND status = ?";
        try (Connection flight = connectFlight();
                PreparedStatement statement = flight.prepareStatement(sql);
                Connection pg = POSTGRES.openConnection()) {
            for (int customer : new int[] {7, 13}) {
                statement.setInt(1, customer);
                statement.setString(2, "F");
                List<List<String>> expected = rows(
                        pg,
                        "SELECT count(*), sum(amount) FROM " + pgSchema + ".orders WHERE customer_id = " + customer
                                + " AND status = 'F'");
                try (ResultSet rs = statement.executeQuery()) {
                    assertThat(rows(rs)).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void databaseMetaData_listsSourcesSchemasTablesAndColumns() throws Exception {
        try (Connection flight = connectFlight()) {
            DatabaseMetaData metadata = flight.getMetaData();
            assertThat(column(metadata.getCatalogs(), "TABLE_CAT")).contains("pg", "my");
            assertThat(column(metadata.getSchemas("pg", pgSchema), "TABLE_SCHEM"))
                    .containsExactly(pgSchema);
            assertThat(column(metadata.getTables("my", myDatabase, "%", null), "TABLE_NAME"))
                    .containsExactly("customers");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = metadata.getColumns("pg", pgSchema, "orders", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME") + " " + rs.getInt("DATA_TYPE") + " "
                            + rs.getString("TYPE_NAME") + " " + rs.getInt("COLUMN_SIZE") + " "
                            + rs.getInt("DECIMAL_DIGITS"));
                }
            }
            assertThat(columns).hasSize(6);
            assertThat(columns.get(0)).startsWith("o_id " + Types.INTEGER + " INTEGER");
            assertThat(columns.get(2)).isEqualTo("amount " + Types.DECIMAL + " DECIMAL 12 2");
            assertThat(column(metadata.getPrimaryKeys("pg", pgSchema, "orders"), "COLUMN_NAME"))
                    .containsExactly("o_id");
            assertThat(column(metadata.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
            assertThat(metadata.getDatabaseProductName()).isEqualTo("Sluice");
            assertThat(metadata.getIdentifierQuoteString()).isEqualTo("\"");
            assertThat(metadata.isReadOnly()).isTrue();
            assertThat(metadata.supportsTransactions()).isFalse();
        }
    }

    @Test
    void badSql_isRejectedWithTheSluiceCode() throws Exception {
        try (Connection flight = connectFlight();
                Statement statement = flight.createStatement()) {
            assertThat(failure(() -> statement.executeQuery("SELEC 1")))
                    .contains("FlightRuntimeException: INVALID_ARGUMENT: QUERY_SYNTAX: Syntax error at line 1");
            assertThat(failure(() -> statement.executeQuery("SELECT * FROM pg." + pgSchema + ".no_such_table")))
                    .contains("FlightRuntimeException: NOT_FOUND: TABLE_NOT_FOUND: ");
            assertThat(failure(() -> statement.executeQuery("SELECT nope FROM pg." + pgSchema + ".orders")))
                    .contains("FlightRuntimeException: INVALID_ARGUMENT: COLUMN_NOT_FOUND: ");
        }
    }

    @Test
    void wrongPassword_isRejected() {
        Properties properties = new Properties();
        properties.setProperty("user", TestingGateway.USER);
        properties.setProperty("password", "wrong");
        assertThat(failure(() -> DriverManager.getConnection(gateway.gateway().flightJdbcUrl(), properties)
                        .close()))
                .contains("FlightRuntimeException: UNAUTHENTICATED: AUTHENTICATION_FAILED: ");
    }

    @Test
    void noCredentials_areRejectedWhenAnonymousIsNotAllowed() {
        assertThat(failure(() -> {
                    try (Connection anonymous = DriverManager.getConnection(
                                    gateway.gateway().flightJdbcUrl());
                            Statement statement = anonymous.createStatement()) {
                        statement.executeQuery("SELECT 1").close();
                    }
                }))
                .contains("FlightRuntimeException: UNAUTHENTICATED: AUTHENTICATION_FAILED: ");
    }

    /** The exception chain of what {@code call} threw, as text (the driver's Flight classes are shaded). */
    private static String failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(SQLException.class);
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t).append('\n');
        }
        return chain.toString();
    }

    @Test
    void noCredentials_areAnonymousWhereAllowed() throws Exception {
        try (TestingGateway open = TestingGateway.builder()
                        .source("pg", TestingSources.postgresql())
                        .allowAnonymous()
                        .start();
                Connection anonymous =
                        DriverManager.getConnection(open.gateway().flightJdbcUrl());
                Statement statement = anonymous.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg." + pgSchema + ".orders")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(20_000);
        }
    }

    private static Connection connectFlight() throws SQLException {
        return TestingFlight.jdbc(gateway.gateway());
    }

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(name));
            }
        }
        return values;
    }

    private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        return TestingRows.of(connection, sql);
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        return TestingRows.of(rs);
    }

    /**
     * A TIMESTAMP as wall-clock time. The Flight SQL JDBC driver's {@code getTimestamp()} shifts zone-less timestamps
     * by the JVM's offset (it takes them for UTC instants); {@code getObject(LocalDateTime.class)} reads them as sent.
     */
    private static LocalDateTime wallClock(ResultSet rs, int column) throws SQLException {
        if (rs.getClass().getName().contains("arrow")) {
            return rs.getObject(column, LocalDateTime.class);
        }
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }

    /** Dates and timestamps as their wall-clock text, read the way most JDBC code reads them. */
    private static List<List<String>> temporalRows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(List.of(
                        String.valueOf(rs.getInt(1)), String.valueOf(rs.getDate(2)), String.valueOf(wallClock(rs, 3))));
            }
        }
        return rows;
    }
}
