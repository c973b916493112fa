package io.sluice.gateway.server.flight;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Moves a source's Arrow batches into the vectors of the schema a client was announced (the general path's schema), a
 * whole vector at a time: same types are transferred without copying; a few known differences are converted in one
 * pass over the vector's buffers. A source column with any other type makes {@link #plan} refuse, so a stream never
 * carries a schema other than the announced one.
 *
 * <p>Conversions, each giving the value the general path gives for the same source value:
 *
 * <ul>
 *   <li>DECIMAL of another precision, same scale: the same 128-bit values, relabelled.
 *   <li>TIMESTAMP in microseconds to milliseconds: floored, as the engine truncates the wall-clock time.
 *   <li>TIMESTAMP WITH TIME ZONE (an instant) to a zone-less TIMESTAMP: the instant's wall-clock time in the gateway's
 *       time zone, in milliseconds, as the engine types such columns.
 *   <li>TIME in microseconds to milliseconds: floored.
 * </ul>
 */
final class AnnouncedSchemaConversion {

    /** Converts one column of a batch; {@code to} is cleared first and ends up with {@code rows} values. */
    @FunctionalInterface
    private interface ColumnConversion {
        void convert(FieldVector from, FieldVector to, int rows);
    }

    private static final ColumnConversion TRANSFER =
            (from, to, rows) -> from.makeTransferPair(to).transfer();

    private final List<Integer> sourceColumns;
    private final List<ColumnConversion> conversions;

    private AnnouncedSchemaConversion(List<Integer> sourceColumns, List<ColumnConversion> conversions) {
        this.sourceColumns = sourceColumns;
        this.conversions = conversions;
    }

    /**
     * The conversion of batches with the {@code source} schema into {@code announced}, whose i-th column is the source's
     * column {@code sourceColumns[i]}; empty when a column cannot be converted (or the columns do not match up).
     */
    static Optional<AnnouncedSchemaConversion> plan(
            Schema source, List<Integer> sourceColumns, Schema announced, ZoneId zone) {
        if (!mismatch(source, sourceColumns, announced, zone).isEmpty()) {
            return Optional.empty();
        }
        List<ColumnConversion> conversions = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            ArrowType from = source.getFields().get(sourceColumns.get(i)).getType();
            conversions.add(
                    column(from, announced.getFields().get(i).getType(), zone).orElseThrow());
        }
        return Optional.of(new AnnouncedSchemaConversion(sourceColumns, conversions));
    }

    /** Why {@link #plan} refuses, or "" when it does not. */
    static String mismatch(Schema source, List<Integer> sourceColumns, Schema announced, ZoneId zone) {
        if (sourceColumns.size() != announced.getFields().size()) {
            return sourceColumns.size() + " result columns, "
                    + announced.getFields().size() + " announced";
        }
        for (int i = 0; i < sourceColumns.size(); i++) {
            int sourceColumn = sourceColumns.get(i);
            if (sourceColumn >= source.getFields().size()) {
                return "the source returned " + source.getFields().size() + " columns, expected at least "
                        + (sourceColumn + 1);
            }
            ArrowType from = source.getFields().get(sourceColumn).getType();
            ArrowType to = announced.getFields().get(i).getType();
            if (column(from, to, zone).isEmpty()) {
                return "column " + (i + 1) + " is " + from + " at the source, " + to + " announced";
            }
        }
        return "";
    }

    /** Fills {@code to} with the batch in {@code from}, taking over (and so emptying) the source's vectors it uses. */
    void convert(VectorSchemaRoot from, VectorSchemaRoot to) {
        int rows = from.getRowCount();
        for (int i = 0; i < conversions.size(); i++) {
            conversions.get(i).convert(from.getVector(sourceColumns.get(i)), to.getVector(i), rows);
        }
        to.setRowCount(rows);
    }

    private static Optional<ColumnConversion> column(ArrowType from, ArrowType to, ZoneId zone) {
        if (from.equals(to)) {
            return Optional.of(TRANSFER);
        }
        if (from instanceof ArrowType.Decimal source
                && to instanceof ArrowType.Decimal target
                && source.getScale() == target.getScale()
                && source.getBitWidth() == target.getBitWidth()
                && source.getPrecision() <= target.getPrecision()) {
            return Optional.of(TRANSFER);
        }
        if (from instanceof ArrowType.Timestamp source
                && to instanceof ArrowType.Timestamp target
                && target.getTimezone() == null) {
            long divisor = divisor(source.getUnit(), target.getUnit());
            if (divisor < 1) {
                return Optional.empty();
            }
            if (source.getTimezone() == null) {
                return Optional.of(rescaled(value -> Math.floorDiv(value, divisor), Long.BYTES));
            }
            // The source's zone only labels the instant; the engine shows it in the gateway's zone.
            return Optional.of(rescaled(new WallClock(zone, divisor, perSecond(target.getUnit())), Long.BYTES));
        }
        if (from instanceof ArrowType.Time source
                && to instanceof ArrowType.Time target
                && source.getBitWidth() == 64
                && target.getBitWidth() == 32) {
            long divisor = divisor(source.getUnit(), target.getUnit());
            if (divisor >= 1) {
                return Optional.of(rescaled(value -> Math.floorDiv(value, divisor), Integer.BYTES));
            }
        }
        return Optional.empty();
    }

    /** How many source units make one target unit; 0 when the target is finer than the source. */
    private static long divisor(TimeUnit from, TimeUnit to) {
        long fromPerSecond = perSecond(from);
        long toPerSecond = perSecond(to);
        return fromPerSecond % toPerSecond == 0 ? fromPerSecond / toPerSecond : 0;
    }

    private static long perSecond(TimeUnit unit) {
        return switch (unit) {
            case SECOND -> 1;
            case MILLISECOND -> 1_000;
            case MICROSECOND -> 1_000_000;
            case NANOSECOND -> 1_000_000_000;
        };
    }

    /**
     * A column of 64-bit values mapped one by one into a fixed-width column of {@code targetWidth} bytes (8 or 4, the
     * mapped values of 32-bit columns being times of day in milliseconds), with the validity bitmap copied as it is.
     */
    private static ColumnConversion rescaled(LongUnaryOperator map, int targetWidth) {
        return (from, to, rows) -> {
            BaseFixedWidthVector target = (BaseFixedWidthVector) to;
            target.clear();
            target.allocateNew(rows);
            ArrowBuf sourceData = from.getDataBuffer();
            ArrowBuf sourceValidity = from.getValidityBuffer();
            ArrowBuf targetData = target.getDataBuffer();
            for (int row = 0; row < rows; row++) {
                if (BitVectorHelper.get(sourceValidity, row) == 0) {
                    continue; // a null's slot holds no value worth mapping
                }
                long value = map.applyAsLong(sourceData.getLong((long) row * Long.BYTES));
                if (targetWidth == Long.BYTES) {
                    targetData.setLong((long) row * Long.BYTES, value);
                } else {
                    targetData.setInt((long) row * Integer.BYTES, (int) value);
                }
            }
            target.getValidityBuffer()
                    .setBytes(0, from.getValidityBuffer(), 0, BitVectorHelper.getValidityBufferSize(rows));
            target.setValueCount(rows);
            from.clear();
        };
    }

    /** An instant (in the source's units) as the wall-clock time of a zone, in coarser units. */
    private static final class WallClock implements LongUnaryOperator {
        private final ZoneRules rules;
        private final long divisor;
        private final long targetPerSecond;

        WallClock(ZoneId zone, long divisor, long targetPerSecond) {
            this.rules = zone.getRules();
            this.divisor = divisor;
            this.targetPerSecond = targetPerSecond;
        }

        @Override
        public long applyAsLong(long value) {
            long instant = Math.floorDiv(value, divisor);
            Instant second = Instant.ofEpochSecond(Math.floorDiv(instant, targetPerSecond));
            return instant + rules.getOffset(second).getTotalSeconds() * targetPerSecond;
        }
    }
}
