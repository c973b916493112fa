package io.sluice.gateway.server.flight;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow type of each engine result column: exact for every type the engine returns, or a {@code NOT_SUPPORTED}
 * error naming the column.
 *
 * <p>Date-times use microseconds ({@link #TIME_UNIT}): all three source kinds store microseconds, so the wire type
 * stays the same when the engine stops truncating to milliseconds, and nanoseconds would limit timestamps to
 * 1677–2262. A TIMESTAMP is a wall-clock value and has no zone; a TIMESTAMP WITH LOCAL TIME ZONE is an instant and is
 * sent zoned at UTC.
 */
final class ArrowConversion {

    /** The unit of TIME and TIMESTAMP values on the wire. */
    static final TimeUnit TIME_UNIT = TimeUnit.MICROSECOND;

    /** Arrow's Decimal128 holds at most this many digits, as does the engine's type system. */
    static final int MAX_DECIMAL_PRECISION = 38;

    /** The zone of instants (TIMESTAMP WITH LOCAL TIME ZONE). */
    static final String INSTANT_ZONE = "UTC";

    private ArrowConversion() {}

    /**
     * The Arrow schema of a result with this metadata (the one its stream has); a column is nullable unless the engine
     * knows it holds no nulls, as the JDBC path reports it.
     */
    static Schema schema(ResultSetMetaData metadata) throws SQLException {
        List<Field> fields = new ArrayList<>(metadata.getColumnCount());
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            ColumnType column = new ColumnType(
                    metadata.getColumnType(i),
                    metadata.getColumnTypeName(i),
                    metadata.getPrecision(i),
                    metadata.getScale(i));
            String name = metadata.getColumnLabel(i);
            ArrowType type = column.arrowType()
                    .orElseThrow(() -> new SluiceException(
                            ErrorCode.NOT_SUPPORTED,
                            "Column " + name + " has type " + column.typeName
                                    + ", which Arrow Flight SQL results cannot carry yet; cast it, for example to"
                                    + " VARCHAR."));
            boolean nullable = metadata.isNullable(i) != ResultSetMetaData.columnNoNulls;
            fields.add(new Field(name, new FieldType(nullable, type, null), null));
        }
        return new Schema(fields);
    }

    /** The Arrow type of a JDBC column type (for catalog listings and parameters); throws when there is none. */
    static ArrowType arrowType(JdbcFieldInfo field) {
        ColumnType column = new ColumnType(
                field.getJdbcType(),
                field.getTypeName() == null ? "" : field.getTypeName(),
                field.getPrecision(),
                field.getScale());
        return column.arrowType()
                .orElseThrow(() -> new SluiceException(
                        ErrorCode.NOT_SUPPORTED, "Type " + column.typeName + " has no Arrow type in Sluice"));
    }

    /** One column's type as the engine reports it through JDBC metadata. */
    private record ColumnType(int jdbcType, String typeName, int precision, int scale) {

        Optional<ArrowType> arrowType() {
            ArrowType type =
                    switch (jdbcType) {
                        case Types.BOOLEAN, Types.BIT -> ArrowType.Bool.INSTANCE;
                        case Types.TINYINT -> new ArrowType.Int(8, true);
                        case Types.SMALLINT -> new ArrowType.Int(16, true);
                        case Types.INTEGER -> new ArrowType.Int(32, true);
                        case Types.BIGINT -> new ArrowType.Int(64, true);
                        case Types.REAL -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
                        case Types.FLOAT, Types.DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                        case Types.DECIMAL, Types.NUMERIC -> decimal();
                        case Types.CHAR,
                                Types.VARCHAR,
                                Types.LONGVARCHAR,
                                Types.NCHAR,
                                Types.NVARCHAR,
                                Types.CLOB -> ArrowType.Utf8.INSTANCE;
                        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ArrowType.Binary
                                .INSTANCE;
                        case Types.DATE -> new ArrowType.Date(DateUnit.DAY);
                        case Types.TIME -> new ArrowType.Time(TIME_UNIT, 64);
                        case Types.TIMESTAMP -> new ArrowType.Timestamp(TIME_UNIT, isInstant() ? INSTANT_ZONE : null);
                        case Types.TIMESTAMP_WITH_TIMEZONE -> new ArrowType.Timestamp(TIME_UNIT, INSTANT_ZONE);
                        case Types.NULL -> ArrowType.Null.INSTANCE;
                        case Types.OTHER -> other();
                        default -> null;
                    };
            return Optional.ofNullable(type);
        }

        private ArrowType decimal() {
            // DECIMAL without a declared precision comes as precision 0: the widest decimal the engine allows.
            int digits = precision <= 0 ? MAX_DECIMAL_PRECISION : precision;
            if (digits > MAX_DECIMAL_PRECISION || scale < 0 || scale > digits) {
                return null;
            }
            return new ArrowType.Decimal(digits, scale, 128);
        }

        /** The engine reports TIMESTAMP WITH LOCAL TIME ZONE (an instant) with JDBC's TIMESTAMP code and its own name. */
        private boolean isInstant() {
            return typeName.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP_WITH_LOCAL_TIME_ZONE");
        }

        /** Engine types that JDBC has no code for: intervals, recognised by the engine's type name. */
        private ArrowType other() {
            String name = typeName.toUpperCase(Locale.ROOT);
            if (name.startsWith("INTERVAL_YEAR") || name.startsWith("INTERVAL_MONTH")) {
                return new ArrowType.Interval(IntervalUnit.YEAR_MONTH);
            }
            if (name.startsWith("INTERVAL_")) {
                // The engine holds day-time intervals as milliseconds.
                return new ArrowType.Duration(TimeUnit.MILLISECOND);
            }
            return null;
        }
    }
}
