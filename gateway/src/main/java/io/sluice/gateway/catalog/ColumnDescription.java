package io.sluice.gateway.catalog;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column as {@code DatabaseMetaData.getColumns} describes it: JDBC type code and name, size and decimal digits in
 * the JDBC sense (precision for numbers, length for text, display width for date-times).
 */
public record ColumnDescription(
        String name,
        int ordinal,
        int jdbcType,
        String typeName,
        Integer columnSize,
        Integer decimalDigits,
        Integer radix,
        boolean nullable,
        Integer charOctetLength,
        String remarks) {

    /** A column of a table, with its comment (null when none). */
    public static ColumnDescription of(RelDataTypeField field, String remarks) {
        return of(field.getName(), field.getIndex() + 1, field.getType(), remarks);
    }

    /** A column named {@code name} at position {@code ordinal} (from 1) of type {@code type}. */
    public static ColumnDescription of(String name, int ordinal, RelDataType type, String remarks) {
        SqlTypeName typeName = type.getSqlTypeName();
        Integer size = null;
        Integer digits = null;
        Integer radix = null;
        Integer octets = null;
        int precision = type.getPrecision();
        switch (typeName) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, REAL, DOUBLE -> {
                size = precision;
                digits = 0;
                radix = 10;
            }
            case DECIMAL -> {
                size = precision;
                digits = type.getScale();
                radix = 10;
            }
            case CHAR, VARCHAR -> {
                size = precision == RelDataType.PRECISION_NOT_SPECIFIED ? Integer.MAX_VALUE : precision;
                octets = size == Integer.MAX_VALUE ? Integer.MAX_VALUE : size * 4;
            }
            case BINARY, VARBINARY -> size =
                    precision == RelDataType.PRECISION_NOT_SPECIFIED ? Integer.MAX_VALUE : precision;
            case DATE -> {
                size = 10;
                digits = 0;
            }
            case TIME -> {
                size = precision > 0 ? 9 + precision : 8;
                digits = precision;
            }
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> {
                size = precision > 0 ? 20 + precision : 19;
                digits = precision;
            }
            case BOOLEAN -> size = 1;
            default -> {}
        }
        if (typeName == SqlTypeName.DOUBLE || typeName == SqlTypeName.FLOAT) {
            size = 15;
        } else if (typeName == SqlTypeName.REAL) {
            size = 7;
        }
        return new ColumnDescription(
                name,
                ordinal,
                typeName.getJdbcOrdinal(),
                typeName(typeName),
                size,
                digits,
                radix,
                type.isNullable(),
                octets,
                remarks);
    }

    /** The name clients see for a type: Calcite's, but a timestamp with a zone is named as in JDBC and PostgreSQL. */
    public static String typeName(SqlTypeName typeName) {
        return typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE ? "TIMESTAMP WITH TIME ZONE" : typeName.getName();
    }
}
