package io.sluice.adapters.jdbc;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The generic mapping from JDBC column metadata to Calcite types. Unlike Calcite's {@code JdbcSchema}, which derives
 * types in a default type factory (capping DECIMAL at 19 digits and turning a VARCHAR without a reported size into
 * VARCHAR(0)), this uses the session's type factory, so DECIMAL keeps up to the type system's maximum precision.
 */
public final class JdbcColumnTypes {

    /** Longest CHAR/VARCHAR kept with its declared length; longer (e.g. PostgreSQL text) becomes unbounded VARCHAR. */
    private static final int MAX_DECLARED_LENGTH = 65_535;

    private JdbcColumnTypes() {}

    /** Maps a column by its JDBC type code; types without a faithful Calcite equivalent are read as text. */
    public static RelDataType standard(RelDataTypeFactory typeFactory, JdbcColumn column) {
        RelDataTypeSystem typeSystem = typeFactory.getTypeSystem();
        return switch (column.jdbcType()) {
            case Types.BIT, Types.BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case Types.TINYINT -> typeFactory.createSqlType(SqlTypeName.TINYINT);
            case Types.SMALLINT -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case Types.INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case Types.BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case Types.REAL -> typeFactory.createSqlType(SqlTypeName.REAL);
            case Types.FLOAT, Types.DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case Types.NUMERIC, Types.DECIMAL -> decimal(typeFactory, column.size(), column.scale());
            case Types.CHAR, Types.NCHAR -> text(typeFactory, SqlTypeName.CHAR, column.size());
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> text(
                    typeFactory, SqlTypeName.VARCHAR, column.size());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> typeFactory.createSqlType(
                    SqlTypeName.VARBINARY);
            case Types.DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> typeFactory.createSqlType(
                    SqlTypeName.TIME, typeSystem.getMaxPrecision(SqlTypeName.TIME));
            case Types.TIMESTAMP -> timestamp(typeFactory, SqlTypeName.TIMESTAMP);
            case Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(typeFactory, SqlTypeName.TIMESTAMP);
            default -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
        };
    }

    /**
     * DECIMAL(p, s) as declared; a DECIMAL without declared precision (PostgreSQL's bare {@code numeric} reports 0 or
     * 131089) or wider than the type system allows becomes the widest DECIMAL, keeping a declared scale.
     */
    public static RelDataType decimal(RelDataTypeFactory typeFactory, int precision, int scale) {
        int maxPrecision = typeFactory.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
        int p = precision <= 0 || precision > maxPrecision ? maxPrecision : precision;
        int s = Math.max(0, Math.min(scale, p));
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, p, s);
    }

    /** Timestamps at the finest precision the engine keeps. */
    public static RelDataType timestamp(RelDataTypeFactory typeFactory, SqlTypeName typeName) {
        return typeFactory.createSqlType(typeName, typeFactory.getTypeSystem().getMaxPrecision(typeName));
    }

    private static RelDataType text(RelDataTypeFactory typeFactory, SqlTypeName typeName, int size) {
        if (size > 0 && size <= MAX_DECLARED_LENGTH) {
            return typeFactory.createSqlType(typeName, size);
        }
        return typeFactory.createSqlType(SqlTypeName.VARCHAR);
    }
}
