package io.sluice.adapters.jdbc;

import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The generic mapping from JDBC column metadata to Calcite types. Unlike Calcite's {@code JdbcSchema}, which derives
 * types in a default type factory (capping DECIMAL at 19 digits and turning a VARCHAR without a reported size into
 * VARCHAR(0)), this uses the session's type factory, so DECIMAL keeps up to the type system's maximum precision.
 *
 * <p>Date-time values are read by Calcite's JDBC converter with {@code ResultSet.getTimestamp/getTime/getDate} and
 * carried as epoch milliseconds: TIME and TIMESTAMP declare the source's fractional digits (so that filter literals
 * keep them when pushed down), but values keep at most milliseconds, truncated.
 */
public final class JdbcColumnTypes {

    /** Longest CHAR/VARCHAR kept with its declared length; longer (e.g. PostgreSQL text) becomes unbounded VARCHAR. */
    private static final int MAX_DECLARED_LENGTH = 65_535;

    /** Length of {@code hh:mm:ss}, what a TIME without fractional digits reports as its size. */
    private static final int TIME_LENGTH = 8;

    /** Length of {@code yyyy-mm-dd hh:mm:ss}, what a TIMESTAMP without fractional digits reports as its size. */
    private static final int TIMESTAMP_LENGTH = 19;

    private JdbcColumnTypes() {}

    /** Maps a column by its JDBC type code; types without a faithful Calcite equivalent are read as text. */
    public static RelDataType standard(RelDataTypeFactory typeFactory, JdbcColumn column) {
        return switch (column.jdbcType()) {
            case Types.BIT, Types.BOOLEAN -> typeFactory.createSqlType(SqlTypeName.BOOLEAN);
            case Types.TINYINT -> typeFactory.createSqlType(SqlTypeName.TINYINT);
            case Types.SMALLINT -> typeFactory.createSqlType(SqlTypeName.SMALLINT);
            case Types.INTEGER -> typeFactory.createSqlType(SqlTypeName.INTEGER);
            case Types.BIGINT -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case Types.REAL -> typeFactory.createSqlType(SqlTypeName.REAL);
                // JDBC's FLOAT is double precision (a driver that uses it for 4-byte floats overrides this).
            case Types.FLOAT, Types.DOUBLE -> typeFactory.createSqlType(SqlTypeName.DOUBLE);
            case Types.NUMERIC, Types.DECIMAL -> decimal(typeFactory, column.size(), column.scale());
            case Types.CHAR, Types.NCHAR -> text(typeFactory, SqlTypeName.CHAR, column.size());
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> text(
                    typeFactory, SqlTypeName.VARCHAR, column.size());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> typeFactory.createSqlType(
                    SqlTypeName.VARBINARY);
            case Types.DATE -> typeFactory.createSqlType(SqlTypeName.DATE);
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> time(typeFactory, column);
                // An instant is read as a TIMESTAMP: Calcite's JDBC converter reads TIMESTAMP WITH LOCAL TIME ZONE
                // columns with getLong, which every driver rejects for date-times. The driver's getTimestamp gives the
                // instant, which the engine carries as its wall-clock time in the gateway's time zone.
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> timestamp(typeFactory, column);
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

    /** TIMESTAMP with the column's fractional digits, or the finest the engine declares when the driver reports none. */
    private static RelDataType timestamp(RelDataTypeFactory typeFactory, JdbcColumn column) {
        return typeFactory.createSqlType(
                SqlTypeName.TIMESTAMP, fractionalDigits(typeFactory, SqlTypeName.TIMESTAMP, column, TIMESTAMP_LENGTH));
    }

    /** TIME with the column's fractional digits, or the finest the engine declares when the driver reports none. */
    private static RelDataType time(RelDataTypeFactory typeFactory, JdbcColumn column) {
        return typeFactory.createSqlType(
                SqlTypeName.TIME, fractionalDigits(typeFactory, SqlTypeName.TIME, column, TIME_LENGTH));
    }

    /**
     * The fractional digits of a TIME or TIMESTAMP column: {@code DECIMAL_DIGITS} when reported (PostgreSQL), else what
     * a display size longer than the whole seconds says (MySQL reports 26 for DATETIME(6)), else (DuckDB reports
     * neither) the type system's maximum.
     */
    private static int fractionalDigits(
            RelDataTypeFactory typeFactory, SqlTypeName typeName, JdbcColumn column, int wholeSecondsLength) {
        int max = typeFactory.getTypeSystem().getMaxPrecision(typeName);
        int digits;
        if (column.scale() >= 0) {
            digits = column.scale();
        } else if (column.size() == wholeSecondsLength) {
            digits = 0;
        } else if (column.size() > wholeSecondsLength + 1) {
            digits = column.size() - wholeSecondsLength - 1;
        } else {
            digits = max;
        }
        return Math.min(digits, max);
    }

    private static RelDataType text(RelDataTypeFactory typeFactory, SqlTypeName typeName, int size) {
        if (size > 0 && size <= MAX_DECLARED_LENGTH) {
            return typeFactory.createSqlType(typeName, size);
        }
        return typeFactory.createSqlType(SqlTypeName.VARCHAR);
    }
}
