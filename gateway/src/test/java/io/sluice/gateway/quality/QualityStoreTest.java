package io.sluice.gateway.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.jdbc.duckdb.DuckDbSourceConfig;
import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.quality.store.QualityStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB-file results store behind real queries: outcomes and quarantined rows are readable as sluice.* tables
 * right after the query, with filters pushed to the store, and survive closing and reopening the store.
 */
class QualityStoreTest {

    @TempDir
    static Path dir;

    static SourceCatalog catalog;

    @BeforeAll
    static void setUp() throws Exception {
        Path database = dir.resolve("shop.duckdb");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE orders (id INTEGER, status VARCHAR)");
            s.execute("INSERT INTO orders SELECT i, CASE WHEN i % 4 = 0 THEN 'X' ELSE 'O' END FROM range(1, 101) t(i)");
        }
        Path config = dir.resolve("sluice.yaml");
        Files.writeString(config, "sources:\n  shop:\n    type: duckdb\n    path: " + database + "\n");
        catalog = SourceCatalog.open(new ConfigLoader().load(config).sources(), SourceContext.standalone());
    }

    @AfterAll
    static void tearDown() {
        catalog.close();
    }

    private static QualityStore openStore() {
        return QualityStore.open(
                new DuckDbSourceConfig(Optional.of(dir.resolve("quality.duckdb")), false),
                SourceContext.standalone(),
                Clock.systemUTC());
    }

    private static List<String> rows(QueryEngine engine, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = engine.openConnection("test");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    @Test
    void outcomesAndQuarantinedRows_areQueryableAtOnce_andSurviveReopening() throws Exception {
        RowRuleSet rules = (source, schema, table) -> List.of(
                new RowRuleSet.RuleSql("status_known", "status", CheckAction.QUARANTINE, "\"status\" NOT IN ('O')"));
        try (QualityStore store = openStore()) {
            QueryEngine engine = new QueryEngine(catalog, rules, store);
            QueryQuality quality = new QueryQuality("query-42", "alice", store);
            List<String> result;
            try (QueryQuality.Scope ignored = QueryQuality.enter(quality)) {
                result = rows(engine, "SELECT id, status FROM shop.main.orders WHERE id <= 20");
            }
            assertThat(result).hasSize(15).noneMatch(row -> row.endsWith("|X"));

            assertThat(rows(
                            engine,
                            "SELECT user_name, table_name, rule_name, action, rows_checked, violations, samples"
                                    + " FROM sluice.quality_results WHERE query_id = 'query-42'"))
                    .containsExactly(
                            "alice|shop.main.orders|status_known|quarantine|20|5|[\"X\",\"X\",\"X\",\"X\",\"X\"]");
            assertThat(rows(engine, "EXPLAIN PLAN FOR SELECT * FROM sluice.quality_results")
                            .get(0))
                    .as("the system table is read from the store's database")
                    .contains("source=[sluice]");
        }
        try (QualityStore reopened = openStore()) {
            QueryEngine engine = new QueryEngine(catalog, RowRuleSet.NONE, reopened);
            assertThat(rows(
                            engine,
                            "SELECT rule_name, row_json FROM sluice.quarantine WHERE query_id = 'query-42'"
                                    + " ORDER BY row_json"))
                    .containsExactly(
                            "status_known|{\"id\":12,\"status\":\"X\"}",
                            "status_known|{\"id\":16,\"status\":\"X\"}",
                            "status_known|{\"id\":20,\"status\":\"X\"}",
                            "status_known|{\"id\":4,\"status\":\"X\"}",
                            "status_known|{\"id\":8,\"status\":\"X\"}");
            assertThat(rows(engine, "SELECT count(*) FROM sluice.quality_results"))
                    .containsExactly("1");
        }
    }
}
