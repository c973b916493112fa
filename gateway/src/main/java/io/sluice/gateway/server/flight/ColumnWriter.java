package io.sluice.gateway.server.flight;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalYearVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Copies one column of the engine's current row into its Arrow vector, reading the engine's own representation: the
 * primitive getters for numbers, and for date-times the numbers the engine keeps (days since 1970 for DATE,
 * milliseconds of the day for TIME, milliseconds since 1970 of the wall-clock time for TIMESTAMP), so that no calendar
 * or time zone is involved. One writer per column and stream, chosen once from the vector's type.
 */
abstract class ColumnWriter {

    private static final long MICROS_PER_MILLI = 1000L;

    /** The column's index in the result set (from 1). */
    final int column;

    private ColumnWriter(int column) {
        this.column = column;
    }

    /**
     * Writes the current row's value, or null, at {@code row}.
     *
     * @return the bytes of variable-width data written (0 for fixed-width types)
     */
    abstract int write(ResultSet rs, int row) throws SQLException;

    /** The writer for {@code vector}, whose type {@link ArrowConversion} chose for result column {@code column}. */
    static ColumnWriter of(FieldVector vector, int column) {
        if (vector instanceof BitVector v) {
            return new BooleanWriter(v, column);
        } else if (vector instanceof TinyIntVector v) {
            return new IntWriter(v, column, (row, value) -> v.setSafe(row, (byte) value));
        } else if (vector instanceof SmallIntVector v) {
            return new IntWriter(v, column, (row, value) -> v.setSafe(row, (short) value));
        } else if (vector instanceof IntVector v) {
            return new IntWriter(v, column, v::setSafe);
        } else if (vector instanceof DateDayVector v) {
            // The engine's day number (days since 1970-01-01, proleptic Gregorian), as Arrow's Date32 is.
            return new IntWriter(v, column, v::setSafe);
        } else if (vector instanceof IntervalYearVector v) {
            // The engine's number of months.
            return new IntWriter(v, column, v::setSafe);
        } else if (vector instanceof BigIntVector v) {
            return new LongWriter(v, column, 1, v::setSafe);
        } else if (vector instanceof TimeMicroVector v) {
            // The engine's milliseconds of the day.
            return new LongWriter(v, column, MICROS_PER_MILLI, v::setSafe);
        } else if (vector instanceof TimeStampMicroVector v) {
            // The engine's wall-clock milliseconds since 1970-01-01T00:00, without a zone.
            return new LongWriter(v, column, MICROS_PER_MILLI, v::setSafe);
        } else if (vector instanceof TimeStampMicroTZVector v) {
            // TIMESTAMP WITH LOCAL TIME ZONE: the engine's instant, milliseconds since the epoch, sent at UTC.
            return new LongWriter(v, column, MICROS_PER_MILLI, v::setSafe);
        } else if (vector instanceof DurationVector v) {
            // The engine's milliseconds of a day-time interval.
            return new LongWriter(v, column, 1, v::setSafe);
        } else if (vector instanceof Float4Vector v) {
            return new DoubleWriter(v, column, (row, value) -> v.setSafe(row, (float) value));
        } else if (vector instanceof Float8Vector v) {
            return new DoubleWriter(v, column, v::setSafe);
        } else if (vector instanceof DecimalVector v) {
            return new DecimalWriter(v, column);
        } else if (vector instanceof VarCharVector v) {
            return new TextWriter(v, column);
        } else if (vector instanceof VarBinaryVector v) {
            return new BinaryWriter(v, column);
        } else if (vector instanceof NullVector) {
            return new NullWriter(column);
        }
        throw new IllegalArgumentException("No writer for " + vector.getField());
    }

    /** Sets an int value (the vector's {@code setSafe}). */
    @FunctionalInterface
    private interface IntSetter {
        void set(int row, int value);
    }

    /** Sets a long value (the vector's {@code setSafe}). */
    @FunctionalInterface
    private interface LongSetter {
        void set(int row, long value);
    }

    /** Sets a double value (the vector's {@code setSafe}). */
    @FunctionalInterface
    private interface DoubleSetter {
        void set(int row, double value);
    }

    private static final class BooleanWriter extends ColumnWriter {
        private final BitVector vector;

        BooleanWriter(BitVector vector, int column) {
            super(column);
            this.vector = vector;
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            boolean value = rs.getBoolean(column);
            if (rs.wasNull()) {
                vector.setNull(row);
            } else {
                vector.setSafe(row, value ? 1 : 0);
            }
            return 0;
        }
    }

    /** Values read with {@code getInt}: TINYINT, SMALLINT, INTEGER, DATE, year-month intervals. */
    private static final class IntWriter extends ColumnWriter {
        private final BaseFixedWidthVector vector;
        private final IntSetter setter;

        IntWriter(BaseFixedWidthVector vector, int column, IntSetter setter) {
            super(column);
            this.vector = vector;
            this.setter = setter;
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            int value = rs.getInt(column);
            if (rs.wasNull()) {
                vector.setNull(row);
            } else {
                setter.set(row, value);
            }
            return 0;
        }
    }

    /** Values read with {@code getLong}, times a unit factor: BIGINT, TIME, TIMESTAMP (with or without zone), intervals. */
    private static final class LongWriter extends ColumnWriter {
        private final BaseFixedWidthVector vector;
        private final long factor;
        private final LongSetter setter;

        LongWriter(BaseFixedWidthVector vector, int column, long factor, LongSetter setter) {
            super(column);
            this.vector = vector;
            this.factor = factor;
            this.setter = setter;
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            long value = rs.getLong(column);
            if (rs.wasNull()) {
                vector.setNull(row);
            } else {
                setter.set(row, value * factor);
            }
            return 0;
        }
    }

    /** Values read with {@code getDouble} (exact for REAL too, which widens to double): REAL, FLOAT, DOUBLE. */
    private static final class DoubleWriter extends ColumnWriter {
        private final BaseFixedWidthVector vector;
        private final DoubleSetter setter;

        DoubleWriter(BaseFixedWidthVector vector, int column, DoubleSetter setter) {
            super(column);
            this.vector = vector;
            this.setter = setter;
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            double value = rs.getDouble(column);
            if (rs.wasNull()) {
                vector.setNull(row);
            } else {
                setter.set(row, value);
            }
            return 0;
        }
    }

    /**
     * Writes a DECIMAL at the column's declared scale. A value that needs rounding to get there, or has more digits than
     * the column declares (an overflow the engine let through), fails the stream naming the column.
     */
    private static final class DecimalWriter extends ColumnWriter {
        private final DecimalVector vector;
        private final int precision;
        private final int scale;

        DecimalWriter(DecimalVector vector, int column) {
            super(column);
            this.vector = vector;
            this.precision = vector.getPrecision();
            this.scale = vector.getScale();
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            BigDecimal value = rs.getBigDecimal(column);
            if (value == null) {
                vector.setNull(row);
                return 0;
            }
            BigDecimal scaled = value.scale() == scale ? value : value.setScale(scale, RoundingMode.UNNECESSARY);
            if (scaled.precision() > precision) {
                throw new SluiceException(
                        ErrorCode.QUERY_INVALID,
                        "Column " + vector.getName() + " has a value of " + scaled.precision()
                                + " digits, more than its type DECIMAL(" + precision + ", " + scale
                                + ") holds (a numeric overflow); cast it to a wider DECIMAL or to VARCHAR.");
            }
            vector.setSafe(row, scaled);
            return 0;
        }
    }

    /** Writes text as the engine returns it: CHAR values padded exactly as the JDBC path shows them. */
    private static final class TextWriter extends ColumnWriter {
        private final VarCharVector vector;

        TextWriter(VarCharVector vector, int column) {
            super(column);
            this.vector = vector;
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            String value = rs.getString(column);
            if (value == null) {
                vector.setNull(row);
                return 0;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            vector.setSafe(row, bytes);
            return bytes.length;
        }
    }

    private static final class BinaryWriter extends ColumnWriter {
        private final VarBinaryVector vector;

        BinaryWriter(VarBinaryVector vector, int column) {
            super(column);
            this.vector = vector;
        }

        @Override
        int write(ResultSet rs, int row) throws SQLException {
            byte[] value = rs.getBytes(column);
            if (value == null) {
                vector.setNull(row);
                return 0;
            }
            vector.setSafe(row, value);
            return value.length;
        }
    }

    /** A NULL-typed column: nothing to write (the vector holds only a count). */
    private static final class NullWriter extends ColumnWriter {
        NullWriter(int column) {
            super(column);
        }

        @Override
        int write(ResultSet rs, int row) {
            return 0;
        }
    }
}
