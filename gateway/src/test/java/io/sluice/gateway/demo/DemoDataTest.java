package io.sluice.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.execution.QueryEngine;
import io.trino.tpch.TpchTable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    @TempDir
    static Path dir;

    static DemoData data;
    static List<DemoDatabase> generated;
    static StringWriter progress = new StringWriter();

    @BeforeAll
    static void generate() throws Exception {
        data = new DemoData(dir.resolve("demo"), DemoData.SCALE_FACTOR, new PrintWriter(progress, true));
        generated = data.ensure();
    }

    @Test
    void ensure_firstCall_generatesBothDatabasesAndReportsProgress() {
        assertThat(generated).containsExactly(DemoDatabase.WAREHOUSE, DemoDatabase.CRM);
        assertThat(data.path(DemoDatabase.WAREHOUSE)).isRegularFile();
        assertThat(data.path(DemoDatabase.CRM)).isRegularFile();
        assertThat(data.directory().toFile().list()).containsExactlyInAnyOrder("warehouse.duckdb", "crm.duckdb");
        assertThat(progress.toString())
                .contains("warehouse.main.lineitem")
                .contains("crm.main.customer")
                .contains("1,500 rows");
    }

    @Test
    void tables_haveTheGeneratorsRowCounts() throws Exception {
        for (DemoDatabase database : DemoDatabase.values()) {
            Map<String, Long> actual = new HashMap<>();
            Map<String, Long> expected = new HashMap<>();
            try (Connection connection = openReadOnly(database);
                    Statement statement = connection.createStatement()) {
                for (TpchTable<?> table : database.tables()) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM main." + table.getTableName())) {
                        rs.next();
                        actual.put(table.getTableName(), rs.getLong(1));
                    }
                    expected.put(table.getTableName(), generatedRows(table));
                }
            }
            assertThat(actual).as(database.fileName()).isEqualTo(expected);
        }
    }

    @Test
    void tables_useSpecificationTypes() throws Exception {
        Map<String, String> types = new HashMap<>();
        try (Connection connection = openReadOnly(DemoDatabase.WAREHOUSE);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name IN ('orders', 'lineitem')")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(types)
                .containsEntry("o_orderkey", "BIGINT")
                .containsEntry("o_totalprice", "DECIMAL(15,2)")
                .containsEntry("o_orderdate", "DATE")
                .containsEntry("o_shippriority", "INTEGER")
                .containsEntry("o_comment", "VARCHAR")
                .containsEntry("l_discount", "DECIMAL(15,2)");
    }

    @Test
    void ensure_secondCall_doesNotRegenerate() throws Exception {
        FileTime before = Files.getLastModifiedTime(data.path(DemoDatabase.WAREHOUSE));

        List<DemoDatabase> again =
                new DemoData(data.directory(), DemoData.SCALE_FACTOR, new PrintWriter(new StringWriter())).ensure();

        assertThat(again).isEmpty();
        assertThat(Files.getLastModifiedTime(data.path(DemoDatabase.WAREHOUSE))).isEqualTo(before);
    }

    @Test
    void ensure_afterInterruptedStart_replacesThePartialFile() throws Exception {
        Path directory = dir.resolve("interrupted");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("crm.duckdb.partial"), "half-written");
        Files.writeString(directory.resolve("crm.duckdb.partial.wal"), "half-written");
        // A smaller scale keeps this test fast; what matters is the recovery, not the size.
        DemoData small = new DemoData(directory, 0.001, new PrintWriter(new StringWriter()));

        assertThat(small.ensure()).containsExactly(DemoDatabase.WAREHOUSE, DemoDatabase.CRM);

        assertThat(directory.toFile().list()).containsExactlyInAnyOrder("warehouse.duckdb", "crm.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + small.path(DemoDatabase.CRM));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM main.nation")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(25);
        }
    }

    @Test
    void exampleQueries_allRunOverTheDemoConfig() throws Exception {
        Path configFile = DemoConfig.write(data, 0);
        SluiceConfig config = new ConfigLoader().load(configFile);
        assertThat(config.sources()).containsOnlyKeys("warehouse", "crm");
        assertThat(config.security().allowAnonymous()).isTrue();
        // Asked first: DuckDB refuses a second in-process instance of a file with other settings than the source's.
        String expectedTopCustomer = topCustomerFromDuckDb();

        try (SourceCatalog catalog = SourceCatalog.open(config.sources(), SourceContext.standalone());
                Connection connection = new QueryEngine(catalog).openConnection("test");
                Statement statement = connection.createStatement()) {
            for (DemoQueries.DemoQuery query : DemoQueries.ALL) {
                try (ResultSet rs = statement.executeQuery(query.sql())) {
                    assertThat(rs.next()).as(query.title()).isTrue();
                }
            }
            // The cross-source join agrees with the same question asked of DuckDB with both files attached.
            try (ResultSet rs = statement.executeQuery(DemoQueries.ALL.get(2).sql())) {
                rs.next();
                assertThat(rs.getString("customer") + " " + rs.getBigDecimal("revenue"))
                        .isEqualTo(expectedTopCustomer);
            }
        }
    }

    private static String topCustomerFromDuckDb() throws Exception {
        try (Connection connection = openReadOnly(DemoDatabase.WAREHOUSE);
                Statement statement = connection.createStatement()) {
            statement.execute("ATTACH '" + data.path(DemoDatabase.CRM) + "' AS crm (READ_ONLY)");
            try (ResultSet rs = statement.executeQuery("SELECT c.c_name, sum(o.o_totalprice) AS revenue"
                    + " FROM main.orders o JOIN crm.main.customer c ON o.o_custkey = c.c_custkey"
                    + " GROUP BY c.c_name ORDER BY revenue DESC LIMIT 1")) {
                rs.next();
                return rs.getString(1) + " " + rs.getBigDecimal(2);
            }
        }
    }

    private static long generatedRows(TpchTable<?> table) {
        long rows = 0;
        for (Object ignored : table.createGenerator(DemoData.SCALE_FACTOR, 1, 1)) {
            rows++;
        }
        return rows;
    }

    private static Connection openReadOnly(DemoDatabase database) throws Exception {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + data.path(database), properties);
    }
}
