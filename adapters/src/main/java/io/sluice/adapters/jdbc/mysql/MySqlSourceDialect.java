package io.sluice.adapters.jdbc.mysql;

import io.sluice.adapters.jdbc.JdbcSourceDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;

/** MySQL's and MariaDB's quirks. */
final class MySqlSourceDialect extends JdbcSourceDialect {

    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("information_schema", "mysql", "performance_schema", "sys");
    private static final String ROW_COUNT_SQL =
            "SELECT table_rows FROM information_schema.tables WHERE table_schema = ? AND table_name = ?";

    @Override
    public SqlDialect sqlDialect() {
        return MysqlSqlDialect.DEFAULT;
    }

    @Override
    public String urlPrefix() {
        return "jdbc:mysql:";
    }

    @Override
    public Map<String, String> streamingProperties(int fetchSize) {
        return Map.of(
                // Connector/J buffers whole results unless it uses server-side cursors.
                "useCursorFetch", "true",
                "defaultFetchSize", String.valueOf(fetchSize),
                // Databases are schemas (source.database.table), as they are in MySQL's own SQL.
                "databaseTerm", "SCHEMA",
                "zeroDateTimeBehavior", "CONVERT_TO_NULL",
                "connectionAttributes", "program_name:sluice");
    }

    @Override
    public boolean isSystemSchema(String schemaName) {
        return SYSTEM_SCHEMAS.contains(schemaName.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public OptionalLong estimatedRowCount(Connection connection, String schema, String table) throws SQLException {
        return rowCountFrom(connection, ROW_COUNT_SQL, schema, table);
    }
}
