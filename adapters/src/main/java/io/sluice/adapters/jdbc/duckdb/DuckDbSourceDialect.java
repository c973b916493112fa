package io.sluice.adapters.jdbc.duckdb;

import io.sluice.adapters.jdbc.JdbcColumn;
import io.sluice.adapters.jdbc.JdbcColumnTypes;
import io.sluice.adapters.jdbc.JdbcSourceDialect;
import io.sluice.adapters.spi.ArrowExport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/** DuckDB's quirks. */
final class DuckDbSourceDialect extends JdbcSourceDialect {

    /** Calcite's DuckDB dialect, minus {@code CAST(… AS VARCHAR CHARACTER SET …)}, which DuckDB rejects. */
    private static final SqlDialect SQL_DIALECT = new DuckDBSqlDialect(DuckDBSqlDialect.DEFAULT_CONTEXT) {
        @Override
        public boolean supportsCharSet() {
            return false;
        }
    };

    private static final String ROW_COUNT_SQL = "SELECT estimated_size FROM duckdb_tables()"
            + " WHERE database_name = current_database() AND schema_name = ? AND table_name = ?";

    @Override
    public SqlDialect sqlDialect() {
        return SQL_DIALECT;
    }

    @Override
    public String urlPrefix() {
        return "jdbc:duckdb:";
    }

    @Override
    public Map<String, String> streamingProperties(int fetchSize) {
        return Map.of();
    }

    @Override
    public String catalog(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public boolean isSystemSchema(String schemaName) {
        return schemaName.equals("information_schema") || schemaName.equals("pg_catalog");
    }

    @Override
    public OptionalLong estimatedRowCount(Connection connection, String schema, String table) throws SQLException {
        return rowCountFrom(connection, ROW_COUNT_SQL, schema, table);
    }

    @Override
    public Optional<ArrowExport> arrowExport(DataSource dataSource) {
        return Optional.of(new DuckDbArrowExport(dataSource));
    }

    @Override
    public RelDataType columnType(RelDataTypeFactory typeFactory, JdbcColumn column) {
        return switch (column.typeName()) {
                // DuckDB's 4-byte FLOAT (alias REAL) is reported as JDBC FLOAT, which is double precision.
            case "FLOAT", "REAL" -> typeFactory.createSqlType(SqlTypeName.REAL);
            case "UUID" -> typeFactory.createSqlType(SqlTypeName.VARCHAR, 36);
            default -> JdbcColumnTypes.standard(typeFactory, column);
        };
    }
}
