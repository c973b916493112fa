package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.gateway.testing.TestingGateway;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayDuckDbIT {

    @TempDir
    static Path dir;

    static TestingGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        Path file = dir.resolve("warehouse.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE orders (id INTEGER, customer_id INTEGER, amount DECIMAL(12,2), status VARCHAR)");
            s.execute("INSERT INTO orders SELECT i, i % 10, i * 1.5, CASE WHEN i % 3 = 0 THEN 'F' ELSE 'O' END"
                    + " FROM range(1, 1001) t(i)");
        }
        gateway = TestingGateway.builder()
                .source("wh", new DuckDbSourceConfig(Optional.of(file), true))
                .start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void query_aggregateOverDuckDb() throws Exception {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT status, count(*) AS n, sum(amount) AS total FROM wh.main.orders GROUP BY status ORDER BY status")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "," + rs.getLong(2) + "," + rs.getBigDecimal(3));
            }
            assertThat(rows).containsExactly("F,333,250249.50", "O,667,500500.50");
        }
    }

    @Test
    void query_thatTheSourceRejects_isASourceError() throws Exception {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT CAST(status AS INTEGER) FROM wh.main.orders"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SOURCE_ERROR")
                    .hasMessageContaining("A source failed the statement sent to it")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("58030"));
        }
    }

    @Test
    void explain_showsSqlSentToSource() throws Exception {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "EXPLAIN PLAN FOR SELECT status, count(*) FROM wh.main.orders WHERE id > 10 GROUP BY status")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(1));
            }
            assertThat(plan.toString())
                    .contains("source=[wh]")
                    .contains("GROUP BY")
                    .contains("WHERE");
        }
    }

    @Test
    void query_unknownTable_namesIt() throws Exception {
        try (Connection c = gateway.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM wh.main.nosuch"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("TABLE_NOT_FOUND")
                    .hasMessageContaining("nosuch")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
        }
    }
}
