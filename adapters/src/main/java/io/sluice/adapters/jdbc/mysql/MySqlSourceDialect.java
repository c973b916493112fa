package io.sluice.adapters.jdbc.mysql;

import io.sluice.adapters.jdbc.JdbcColumn;
import io.sluice.adapters.jdbc.JdbcColumnTypes;
import io.sluice.adapters.jdbc.JdbcSourceDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/** MySQL's and MariaDB's quirks. */
final class MySqlSourceDialect extends JdbcSourceDialect {

    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("information_schema", "mysql", "performance_schema", "sys");
    private static final String TABLE_COMMENTS_SQL =
            "SELECT table_name, table_comment FROM information_schema.tables WHERE table_schema = ?";
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
        // Time zones stay at Connector/J's defaults (connectionTimeZone=LOCAL, no session zone forced): the engine
        // reads
        // every date-time with getTimestamp, so DATETIME keeps its wall-clock time and TIMESTAMP reads as the
        // wall-clock
        // time of the server's session zone. connectionTimeZone=SERVER or UTC would make TIMESTAMP the exact instant
        // but shift every DATETIME by the zones' difference; forcing the JVM's zone on the session needs the server's
        // time-zone tables, which MariaDB does not load by default.
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

    /** From the information schema: Connector/J's {@code getTables} leaves REMARKS empty. */
    @Override
    public Map<String, String> tableComments(Connection connection, String catalog, String schema) throws SQLException {
        Map<String, String> comments = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLE_COMMENTS_SQL)) {
            statement.setString(1, schema != null ? schema : catalog);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    comment(rs.getString(2)).ifPresent(c -> comments.put(table, c));
                }
            }
        }
        return comments;
    }

    @Override
    public RelDataType columnType(RelDataTypeFactory typeFactory, JdbcColumn column) {
        if (column.jdbcType() == Types.CHAR || column.jdbcType() == Types.NCHAR) {
            // MySQL returns CHAR(n) values without their trailing spaces; as CHAR(n) the engine would pad them again.
            return typeFactory.createSqlType(SqlTypeName.VARCHAR, column.size());
        }
        // Unsigned integers take the next wider signed type (Connector/J reports them with the signed type's code, and
        // reading the largest values as that type fails).
        return switch (column.typeName().toUpperCase(Locale.ROOT)) {
            case "TINYINT UNSIGNED" -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case "SMALLINT UNSIGNED", "MEDIUMINT UNSIGNED" -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case "INT UNSIGNED", "INTEGER UNSIGNED" -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case "BIGINT UNSIGNED" -> JdbcColumnTypes.decimal(typeFactory, 20, 0);
            default -> JdbcColumnTypes.standard(typeFactory, column);
        };
    }

    /**
     * The UTF-8 bytes as a binary string, which compares byte by byte without padding: the default collations compare
     * ignoring case and trailing spaces (so GROUP BY would merge {@code a} and {@code A}), and {@code utf8mb4_bin} still
     * ignores trailing spaces. The value reads back as bytes.
     */
    @Override
    public String codePointOrder(String expression) {
        return "CAST(CONVERT(" + expression + " USING utf8mb4) AS BINARY)";
    }
}
