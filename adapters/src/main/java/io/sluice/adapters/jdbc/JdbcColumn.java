package io.sluice.adapters.jdbc;

/**
 * One column as described by {@code DatabaseMetaData.getColumns}.
 *
 * @param name column name
 * @param jdbcType {@code java.sql.Types} code ({@code DATA_TYPE})
 * @param typeName the database's own type name ({@code TYPE_NAME}), e.g. {@code "timestamptz"}
 * @param size {@code COLUMN_SIZE}, or -1 when the driver reports none
 * @param scale {@code DECIMAL_DIGITS}, or -1 when the driver reports none
 * @param nullable whether the column may hold NULL
 * @param remarks the column's comment ({@code REMARKS}), or null when it has none
 */
public record JdbcColumn(
        String name, int jdbcType, String typeName, int size, int scale, boolean nullable, String remarks) {}
