package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.testing.PostgreSqlStatementLog;
import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import io.sluice.gateway.testing.TestingSqlLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries over a real PostgreSQL and a real MariaDB: answers are compared with the same query run inside PostgreSQL
 * on copies of both tables, and pushdown is proven by what PostgreSQL recorded in {@code pg_stat_statements}.
 */
class FederatedQueryIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();
    private static final TestingMariaDbServer MARIADB = TestingMariaDbServer.instance();

    static String pgSchema;
    static String myDatabase;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        pgSchema = POSTGRES.createSchema("fed");
        myDatabase = MARIADB.createDatabase("fed");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".orders (o_id integer PRIMARY KEY, customer_id integer,"
                    + " amount numeric(12,2), status char(1))");
            s.execute("INSERT INTO " + pgSchema + ".orders SELECT i, i % 50, (i * 7 % 1000) / 10.0,"
                    + " CASE WHEN i % 3 = 0 THEN 'F' WHEN i % 3 = 1 THEN 'O' ELSE 'P' END"
                    + " FROM generate_series(1, 5000) i");
            s.execute("CREATE TABLE " + pgSchema + ".items (o_id integer, line integer, qty integer)");
            s.execute("INSERT INTO " + pgSchema
                    + ".items SELECT i / 3 + 1, i % 3, i % 7 FROM generate_series(0, 14999) i");
            s.execute("ANALYZE " + pgSchema + ".orders");
            s.execute("ANALYZE " + pgSchema + ".items");
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
        // The reference: a copy of the MariaDB table inside PostgreSQL, next to the orders.
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement();
                Connection my = MARIADB.openConnection(myDatabase);
                Statement ms = my.createStatement();
                ResultSet rows = ms.executeQuery("SELECT c_id, name, country FROM customers")) {
            s.execute("CREATE TABLE " + pgSchema
                    + ".customers_copy (c_id integer, name varchar(40), country varchar(20))");
            try (var insert = pg.prepareStatement("INSERT INTO " + pgSchema + ".customers_copy VALUES (?, ?, ?)")) {
                while (rows.next()) {
                    insert.setInt(1, rows.getInt(1));
                    insert.setString(2, rows.getString(2));
                    insert.setString(3, rows.getString(3));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
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

    @Test
    void crossSourceJoin_matchesPostgreSqlOnCopies() throws Exception {
        String federated = "SELECT c.country, count(*) AS orders, sum(o.amount) AS revenue"
                + " FROM pg." + pgSchema + ".orders o JOIN my." + myDatabase + ".customers c ON o.customer_id = c.c_id"
                + " WHERE o.status <> 'P' GROUP BY c.country ORDER BY c.country";
        String reference = "SELECT c.country, count(*) AS orders, sum(o.amount) AS revenue"
                + " FROM " + pgSchema + ".orders o JOIN " + pgSchema + ".customers_copy c ON o.customer_id = c.c_id"
                + " WHERE o.status <> 'P' GROUP BY c.country ORDER BY c.country";
        List<List<String>> expected;
        try (Connection pg = POSTGRES.openConnection()) {
            expected = rows(pg, reference);
        }
        try (Connection c = gateway.connect()) {
            assertThat(rows(c, federated)).isNotEmpty().isEqualTo(expected);
        }
    }

    /**
     * The "must show" of the foundation: a separate JVM with only SQLLine and the shaded driver jar on its class path
     * runs the cross-source join and prints the same rows PostgreSQL computes on copies of both tables.
     */
    @Test
    void crossSourceJoin_fromSqlLineInASeparateJvm_matchesPostgreSql() throws Exception {
        String join = "SELECT c.country, count(*) AS orders, sum(o.amount) AS revenue FROM %s o JOIN %s c"
                + " ON o.customer_id = c.c_id GROUP BY c.country ORDER BY c.country";
        List<List<String>> expected;
        try (Connection pg = POSTGRES.openConnection()) {
            expected = rows(pg, join.formatted(pgSchema + ".orders", pgSchema + ".customers_copy"));
        }
        List<String> printed = TestingSqlLine.run(
                gateway.gateway().jdbcUrl(),
                TestingGateway.USER,
                TestingGateway.PASSWORD,
                join.formatted("pg." + pgSchema + ".orders", "my." + myDatabase + ".customers"));
        List<String> expectedLines = expected.stream()
                .map(row ->
                        String.join(",", row.stream().map(v -> "'" + v + "'").toList()))
                .toList();
        assertThat(printed.stream().map(FederatedQueryIT::normalizeCsvLine).toList())
                .isEqualTo(expectedLines);
    }

    /** SQLLine prints DECIMALs with their scale; the reference strips trailing zeros. */
    private static String normalizeCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",")) {
            String value = cell.substring(1, cell.length() - 1);
            if (value.matches("-?\\d+\\.\\d+")) {
                value = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
            }
            cells.add("'" + value + "'");
        }
        return String.join(",", cells);
    }

    @Test
    void filterAndGroupBy_arriveAtPostgreSqlAsOneStatement() throws Exception {
        PostgreSqlStatementLog log = POSTGRES.statementLog();
        log.reset();
        List<List<String>> result;
        try (Connection c = gateway.connect()) {
            result = rows(
                    c,
                    "SELECT status, count(*) AS n FROM pg." + pgSchema + ".orders WHERE amount > 10"
                            + " GROUP BY status ORDER BY status");
        }
        assertThat(result).hasSize(3);
        List<PostgreSqlStatementLog.Entry> received = log.entriesContaining(pgSchema + "\".\"orders");
        assertThat(received).hasSize(1);
        PostgreSqlStatementLog.Entry statement = received.get(0);
        assertThat(statement.query()).containsIgnoringCase("WHERE").containsIgnoringCase("GROUP BY");
        assertThat(statement.calls()).isEqualTo(1);
        // Only the aggregated rows crossed the wire.
        assertThat(statement.rows()).isEqualTo(3);
    }

    @Test
    void sameSourceJoin_arrivesAtPostgreSqlAsOneStatementWithTheJoin() throws Exception {
        PostgreSqlStatementLog log = POSTGRES.statementLog();
        log.reset();
        String sql = "SELECT o.status, sum(i.qty) AS qty FROM pg." + pgSchema + ".orders o JOIN pg." + pgSchema
                + ".items i ON i.o_id = o.o_id GROUP BY o.status ORDER BY o.status";
        List<List<String>> result;
        try (Connection c = gateway.connect()) {
            result = rows(c, sql);
        }
        try (Connection pg = POSTGRES.openConnection()) {
            assertThat(result).isEqualTo(rows(pg, sql.replace("pg." + pgSchema, pgSchema)));
        }
        List<PostgreSqlStatementLog.Entry> received = log.entriesContaining(pgSchema + "\".\"items");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).query()).containsIgnoringCase("JOIN").contains("\"orders\"");
    }

    @Test
    void nonLatinLiterals_arePushedDownIntact() throws Exception {
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + pgSchema + ".cities (name text)");
            s.execute("INSERT INTO " + pgSchema + ".cities VALUES ('東京'), ('Zürich'), ('Paris')");
        }
        try (Connection my = MARIADB.openConnection(myDatabase);
                Statement s = my.createStatement()) {
            s.execute("CREATE TABLE cities (name VARCHAR(20)) CHARACTER SET utf8mb4");
            s.execute("INSERT INTO cities VALUES ('東京'), ('Zürich'), ('Paris')");
        }
        try (Connection c = gateway.connect()) {
            for (String table : List.of("pg." + pgSchema + ".cities", "my." + myDatabase + ".cities")) {
                assertThat(rows(c, "SELECT name FROM " + table + " WHERE name = '東京'"))
                        .as(table)
                        .containsExactly(List.of("東京"));
                assertThat(rows(c, "SELECT name FROM " + table + " WHERE name LIKE 'Z%'"))
                        .as(table)
                        .containsExactly(List.of("Zürich"));
            }
        }
    }

    @Test
    void preparedStatement_bindsParametersAndRunsAgain() throws Exception {
        String sql =
                "SELECT count(*), sum(amount) FROM pg." + pgSchema + ".orders WHERE customer_id = ? AND status = ?";
        try (Connection c = gateway.connect();
                PreparedStatement ps = c.prepareStatement(sql);
                Connection pg = POSTGRES.openConnection()) {
            for (int customer : new int[] {7, 13}) {
                ps.setInt(1, customer);
                ps.setString(2, "F");
                String expected = rows(
                                pg,
                                "SELECT count(*), sum(amount) FROM " + pgSchema + ".orders WHERE customer_id = "
                                        + customer + " AND status = 'F'")
                        .toString();
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(List.of(List.of(
                                            String.valueOf(rs.getLong(1)),
                                            rs.getBigDecimal(2)
                                                    .stripTrailingZeros()
                                                    .toPlainString()))
                                    .toString())
                            .isEqualTo(expected);
                }
            }
        }
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(
                            value instanceof java.math.BigDecimal d
                                    ? d.stripTrailingZeros().toPlainString()
                                    : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
