package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingSources;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a BI tool sees when it browses the gateway: sources as catalogs, their schemas, tables, columns and keys. */
class DatabaseMetadataIT {

    static String schema;
    static TestingGateway gateway;

    @BeforeAll
    static void setUp() throws Exception {
        TestingPostgreSqlServer postgres = TestingPostgreSqlServer.instance();
        schema = postgres.createSchema("meta");
        try (Connection pg = postgres.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + schema + ".orders (o_id integer, line smallint, amount numeric(12,2) NOT NULL,"
                    + " note varchar(40), placed date, shipped timestamp(3), PRIMARY KEY (o_id, line))");
            s.execute(
                    "CREATE VIEW " + schema + ".big_orders AS SELECT * FROM " + schema + ".orders WHERE amount > 100");
        }
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void catalogsAndSchemas_areSourcesAndTheirSchemas() throws Exception {
        try (Connection c = gateway.connectWithDriver()) {
            DatabaseMetaData md = c.getMetaData();
            assertThat(strings(md.getCatalogs(), "TABLE_CAT")).containsExactly("pg");
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = md.getSchemas("pg", schema)) {
                while (rs.next()) {
                    schemas.add(rs.getString("TABLE_CATALOG") + "." + rs.getString("TABLE_SCHEM"));
                }
            }
            assertThat(schemas).containsExactly("pg." + schema);
        }
    }

    @Test
    void tables_listTablesAndViewsWithTheirCatalog() throws Exception {
        try (Connection c = gateway.connectWithDriver()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables("pg", schema, "%", null)) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_CAT") + "." + rs.getString("TABLE_SCHEM") + "."
                            + rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
                }
            }
            assertThat(tables).containsExactly("pg." + schema + ".big_orders:VIEW", "pg." + schema + ".orders:TABLE");
        }
    }

    @Test
    void columns_haveJdbcTypesSizesAndNullability() throws Exception {
        try (Connection c = gateway.connectWithDriver()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns("pg", schema, "orders", "%")) {
                while (rs.next()) {
                    columns.add(rs.getInt("ORDINAL_POSITION") + " " + rs.getString("COLUMN_NAME") + " "
                            + rs.getInt("DATA_TYPE") + " " + rs.getString("TYPE_NAME") + " "
                            + rs.getInt("COLUMN_SIZE") + " " + rs.getObject("DECIMAL_DIGITS") + " "
                            + rs.getString("IS_NULLABLE"));
                }
            }
            assertThat(columns)
                    .containsExactly(
                            "1 o_id " + Types.INTEGER + " INTEGER 10 0 NO",
                            "2 line " + Types.SMALLINT + " SMALLINT 5 0 NO",
                            "3 amount " + Types.DECIMAL + " DECIMAL 12 2 NO",
                            "4 note " + Types.VARCHAR + " VARCHAR 40 null YES",
                            "5 placed " + Types.DATE + " DATE 10 0 YES",
                            "6 shipped " + Types.TIMESTAMP + " TIMESTAMP 23 3 YES");
        }
    }

    @Test
    void primaryKeys_comeFromTheSource() throws Exception {
        try (Connection c = gateway.connectWithDriver();
                ResultSet rs = c.getMetaData().getPrimaryKeys("pg", schema, "orders")) {
            List<String> key = new ArrayList<>();
            while (rs.next()) {
                key.add(rs.getString("TABLE_CAT") + "." + rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME")
                        + " " + rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
            }
            // Ordered by COLUMN_NAME, as JDBC specifies.
            assertThat(key).containsExactly("pg." + schema + ".orders 2:line", "pg." + schema + ".orders 1:o_id");
        }
    }

    @Test
    void typeInfo_isNotEmpty() throws Exception {
        try (Connection c = gateway.connectWithDriver()) {
            assertThat(strings(c.getMetaData().getTypeInfo(), "TYPE_NAME")).contains("INTEGER", "VARCHAR", "DECIMAL");
        }
    }

    private static List<String> strings(ResultSet rs, String column) throws Exception {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }
}
