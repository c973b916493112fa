package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingGatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5M-row result streams through a gateway whose heap is capped at 512 MB: the source is read through a cursor, the
 * client fetches in frames, nothing holds the whole result.
 */
class StreamingMemoryIT {

    private static final long ROWS = 5_000_000;

    @TempDir
    Path dir;

    private static double readDirectly(TestingPostgreSqlServer postgres, String sql) throws Exception {
        long start = System.nanoTime();
        try (Connection pg = postgres.openConnection()) {
            pg.setAutoCommit(false);
            try (Statement s = pg.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery(sql)) {
                    long rows = 0;
                    while (rs.next()) {
                        rows += rs.getLong(1) > 0 ? 1 : 0;
                        rs.getString(2);
                        rs.getBigDecimal(3);
                    }
                    assertThat(rows).isEqualTo(ROWS);
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    void fiveMillionRows_streamThroughA512MbGateway() throws Exception {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.instance();
        String schema = postgres.createSchema("big");
        try (Connection pg = postgres.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE UNLOGGED TABLE " + schema + ".big AS SELECT i::bigint AS id,"
                    + " 'row number ' || i AS label, (i % 100000) / 100.0 AS amount"
                    + " FROM generate_series(1, " + ROWS + ") i");
        }
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(
                config,
                """
                server:
                  jdbc: { host: 127.0.0.1, port: 0 }
                  flight: { port: 0 }
                  admin: { port: 0 }
                security:
                  allow_anonymous: true
                sources:
                  pg:
                    type: postgresql
                    url: "%s"
                    user: %s
                    password: ${env:PG_PASSWORD}
                """
                        .formatted(postgres.jdbcUrl(), postgres.user()));
        try (TestingGatewayProcess gateway =
                TestingGatewayProcess.start(config, "512m", Map.of("PG_PASSWORD", postgres.password()))) {
            long start = System.nanoTime();
            long count = 0;
            long sum = 0;
            try (Connection c = DriverManager.getConnection(gateway.jdbcUrl());
                    Statement s = c.createStatement()) {
                s.setFetchSize(10_000);
                try (ResultSet rs = s.executeQuery("SELECT id, label, amount FROM pg." + schema + ".big")) {
                    while (rs.next()) {
                        count++;
                        sum += rs.getLong(1);
                        rs.getString(2);
                        rs.getBigDecimal(3);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            // For the record, not asserted: the same read straight from PostgreSQL with pgjdbc, side by side.
            double directSeconds = readDirectly(postgres, "SELECT id, label, amount FROM " + schema + ".big");
            System.out.printf(
                    "5M rows: Sluice JDBC %.1f s (%,.0f rows/s), pgjdbc direct %.1f s (%,.0f rows/s), ratio %.1fx%n",
                    seconds, count / seconds, directSeconds, ROWS / directSeconds, seconds / directSeconds);
            assertThat(count).isEqualTo(ROWS);
            assertThat(sum).isEqualTo(ROWS * (ROWS + 1) / 2);
            assertThat(gateway.isAlive()).isTrue();
        } finally {
            try (Connection pg = postgres.openConnection();
                    Statement s = pg.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
