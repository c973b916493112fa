package io.sluice.gateway.quality;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one column of an Arrow record batch as the engine holds values of the column's SQL type in generated code: a
 * DATE as days since 1970-01-01 (Integer), a TIME as milliseconds of the day (Integer), a TIMESTAMP as milliseconds
 * (Long, cut as the engine cuts them), text as String, binary as ByteString, numbers boxed. The vector is the one the
 * source sent for the column; a pairing not listed here has no reader, and the caller reads the rows another way.
 */
@FunctionalInterface
interface ArrowValues {

    @Nullable
    Object get(int row);

    /** A reader of {@code vector} as values of {@code type}, if the pairing is one the engine's types allow. */
    static Optional<ArrowValues> of(FieldVector vector, SqlTypeName type) {
        ArrowValues values =
                switch (type) {
                    case BOOLEAN -> vector instanceof BitVector v ? v::getObject : null;
                    case TINYINT -> vector instanceof TinyIntVector v ? v::getObject : null;
                    case SMALLINT -> vector instanceof SmallIntVector v ? v::getObject : null;
                    case INTEGER -> vector instanceof IntVector v ? v::getObject : null;
                    case BIGINT -> vector instanceof BigIntVector v ? v::getObject : null;
                    case DECIMAL -> vector instanceof DecimalVector v ? decimal(v) : null;
                    case FLOAT, DOUBLE -> vector instanceof Float8Vector v ? v::getObject : null;
                    case REAL -> vector instanceof Float4Vector v ? v::getObject : null;
                    case CHAR, VARCHAR -> vector instanceof VarCharVector v ? text(v) : null;
                    case BINARY, VARBINARY -> binary(vector);
                    case DATE -> vector instanceof DateDayVector v ? v::getObject : null;
                    case TIME -> time(vector);
                    case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> timestamp(vector);
                    default -> null;
                };
        return Optional.ofNullable(values);
    }

    /**
     * Text decoded from the vector's buffer through one reused array: {@code VarCharVector.get} would allocate a copy
     * of every value before the String copies it again.
     */
    private static ArrowValues text(VarCharVector vector) {
        return new ArrowValues() {
            private byte[] scratch = new byte[256];

            @Override
            public @Nullable Object get(int row) {
                if (vector.isNull(row)) {
                    return null;
                }
                long start = vector.getStartOffset(row);
                int length = (int) (vector.getEndOffset(row) - start);
                if (length > scratch.length) {
                    scratch = new byte[Math.max(length, scratch.length * 2)];
                }
                vector.getDataBuffer().getBytes(start, scratch, 0, length);
                return new String(scratch, 0, length, StandardCharsets.UTF_8);
            }
        };
    }

    /**
     * Decimals whose unscaled value fits in a long (every DECIMAL of up to 18 digits) are built from that long, without
     * the byte array and BigInteger {@code DecimalVector.getObject} goes through; others as it does.
     */
    private static ArrowValues decimal(DecimalVector vector) {
        int scale = vector.getScale();
        return row -> {
            if (vector.isNull(row)) {
                return null;
            }
            long offset = (long) row * DecimalVector.TYPE_WIDTH;
            long low = vector.getDataBuffer().getLong(offset);
            long high = vector.getDataBuffer().getLong(offset + Long.BYTES);
            return high == (low >> 63) ? BigDecimal.valueOf(low, scale) : vector.getObject(row);
        };
    }

    private static @Nullable ArrowValues binary(FieldVector vector) {
        if (vector instanceof VarBinaryVector v) {
            return row -> v.isNull(row) ? null : new ByteString(v.get(row));
        }
        if (vector instanceof FixedSizeBinaryVector v) {
            return row -> v.isNull(row) ? null : new ByteString(v.get(row));
        }
        return null;
    }

    private static @Nullable ArrowValues time(FieldVector vector) {
        if (vector instanceof TimeMicroVector v) {
            return row -> v.isNull(row) ? null : (int) Math.floorDiv(v.get(row), 1_000L);
        }
        if (vector instanceof TimeMilliVector v) {
            return row -> v.isNull(row) ? null : v.get(row);
        }
        return null;
    }

    private static @Nullable ArrowValues timestamp(FieldVector vector) {
        if (!(vector instanceof TimeStampVector v)
                || !(vector.getField().getType() instanceof ArrowType.Timestamp type)) {
            return null;
        }
        return switch (type.getUnit()) {
            case SECOND -> row -> v.isNull(row) ? null : v.get(row) * 1_000L;
            case MILLISECOND -> row -> v.isNull(row) ? null : v.get(row);
            case MICROSECOND -> row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1_000L);
            case NANOSECOND -> row -> v.isNull(row) ? null : Math.floorDiv(v.get(row), 1_000_000L);
        };
    }
}
