package io.sluice.gateway.server.jdbc;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One column as {@code DatabaseMetaData.getColumns} describes it: JDBC type code and name, size and decimal digits in
 * the JDBC sense (precision for numbers, length for text, display width for date-times).
 */
record ColumnDescription(
        String name,
        int ordinal,
        int jdbcType,
        String typeName,
        Integer columnSize,
        Integer decimalDigits,
        Integer radix,
        boolean nullable,
        Integer charOctetLength) {

    static final List<ColumnMetaData> COLUMNS = columns();

    static ColumnDescription of(RelDataTypeField field) {
        RelDataType type = field.getType();
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
            case DATE -> size = 10;
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
                field.getName(),
                field.getIndex() + 1,
                typeName.getJdbcOrdinal(),
                typeName == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                        ? "TIMESTAMP WITH TIME ZONE"
                        : typeName.getName(),
                size,
                digits,
                radix,
                type.isNullable(),
                octets);
    }

    Object[] toRow(String catalog, String schema, String table) {
        return new Object[] {
            catalog,
            schema,
            table,
            name,
            jdbcType,
            typeName,
            columnSize,
            null,
            decimalDigits,
            radix,
            nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            null,
            null,
            null,
            null,
            charOctetLength,
            ordinal,
            nullable ? "YES" : "NO",
            null,
            null,
            null,
            null,
            "NO",
            "NO"
        };
    }

    private static List<ColumnMetaData> columns() {
        Object[][] spec = {
            {"TABLE_CAT", String.class}, {"TABLE_SCHEM", String.class}, {"TABLE_NAME", String.class},
            {"COLUMN_NAME", String.class}, {"DATA_TYPE", Integer.class}, {"TYPE_NAME", String.class},
            {"COLUMN_SIZE", Integer.class}, {"BUFFER_LENGTH", Integer.class}, {"DECIMAL_DIGITS", Integer.class},
            {"NUM_PREC_RADIX", Integer.class}, {"NULLABLE", Integer.class}, {"REMARKS", String.class},
            {"COLUMN_DEF", String.class}, {"SQL_DATA_TYPE", Integer.class}, {"SQL_DATETIME_SUB", Integer.class},
            {"CHAR_OCTET_LENGTH", Integer.class}, {"ORDINAL_POSITION", Integer.class}, {"IS_NULLABLE", String.class},
            {"SCOPE_CATALOG", String.class}, {"SCOPE_SCHEMA", String.class}, {"SCOPE_TABLE", String.class},
            {"SOURCE_DATA_TYPE", Short.class}, {"IS_AUTOINCREMENT", String.class}, {"IS_GENERATEDCOLUMN", String.class}
        };
        List<ColumnMetaData> columns = new ArrayList<>();
        for (Object[] column : spec) {
            columns.add(MetaImpl.columnMetaData(
                    (String) column[0], columns.size(), (Class<?>) column[1], DatabaseMetaData.columnNullable));
        }
        return List.copyOf(columns);
    }
}
