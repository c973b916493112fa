package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.TableComments;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of a JDBC source. Scans translate to Calcite's own JDBC table scan (so pushdown works unchanged); what this
 * adds is column types derived in the session's type factory (DECIMAL up to 38 digits, unbounded text) and the
 * database's row-count estimate for the cost model, which otherwise costs every JDBC table at 100 rows.
 */
final class JdbcSourceTable extends AbstractTable implements TranslatableTable, TableComments {

    private final JdbcSource source;
    private final JdbcTable jdbcTable;
    private volatile List<JdbcColumn> columns;

    JdbcSourceTable(JdbcSource source, JdbcTable jdbcTable) {
        this.source = source;
        this.jdbcTable = jdbcTable;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder row = typeFactory.builder();
        for (JdbcColumn column : columns()) {
            RelDataType type = source.dialect().columnType(typeFactory, column);
            row.add(column.name(), type).nullable(column.nullable());
        }
        return row.build();
    }

    private List<JdbcColumn> columns() {
        List<JdbcColumn> result = columns;
        if (result == null) {
            result = readColumns();
            columns = result;
        }
        return result;
    }

    private List<JdbcColumn> readColumns() {
        List<JdbcColumn> result = new ArrayList<>();
        try (Connection connection = source.schemaDataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getColumns(
                    jdbcTable.jdbcCatalogName, jdbcTable.jdbcSchemaName, jdbcTable.jdbcTableName, null)) {
                while (rs.next()) {
                    if (!isThisTable(rs)) {
                        continue;
                    }
                    int size = rs.getInt("COLUMN_SIZE");
                    size = rs.wasNull() ? -1 : size;
                    int scale = rs.getInt("DECIMAL_DIGITS");
                    scale = rs.wasNull() ? -1 : scale;
                    result.add(new JdbcColumn(
                            rs.getString("COLUMN_NAME"),
                            rs.getInt("DATA_TYPE"),
                            rs.getString("TYPE_NAME"),
                            size,
                            scale,
                            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                            JdbcSourceDialect.comment(rs.getString("REMARKS")).orElse(null)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return List.copyOf(result);
    }

    @Override
    public Optional<String> tableComment() {
        return source.tableComment(jdbcTable.jdbcCatalogName, jdbcTable.jdbcSchemaName, jdbcTable.jdbcTableName);
    }

    @Override
    public Optional<String> columnComment(String column) {
        return columns().stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .map(JdbcColumn::remarks);
    }

    /** Whether a metadata row is about this table: names are LIKE patterns there, so {@code _} matches any char. */
    private boolean isThisTable(ResultSet rs) throws SQLException {
        return jdbcTable.jdbcTableName.equals(rs.getString("TABLE_NAME"))
                && (jdbcTable.jdbcSchemaName == null || jdbcTable.jdbcSchemaName.equals(rs.getString("TABLE_SCHEM")));
    }

    @Override
    public Statistic getStatistic() {
        OptionalLong rowCount = source.rowCount(jdbcTable.jdbcSchemaName, jdbcTable.jdbcTableName);
        return rowCount.isPresent() ? Statistics.of(Math.max(1, rowCount.getAsLong()), List.of()) : Statistics.UNKNOWN;
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return jdbcTable.toRel(context, relOptTable);
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return jdbcTable.getJdbcTableType();
    }

    @Override
    public <C> C unwrap(Class<C> type) {
        if (type.isInstance(jdbcTable)) {
            return type.cast(jdbcTable);
        }
        return super.unwrap(type);
    }

    @Override
    public String toString() {
        return "JdbcSourceTable {" + source.name() + "." + jdbcTable.jdbcSchemaName + "." + jdbcTable.jdbcTableName
                + "}";
    }
}
