package io.sluice.gateway.quality;

import io.sluice.quality.runtime.RowFunctions;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@link TextMeasures.Measure} of a text column of the current Arrow batch, taken from the column's UTF-8 bytes.
 * The measures of one column share one copy of its bytes per row. Public only because the generated checks of Arrow
 * batches call it ({@link BatchFields}); the value methods expect a row that is not null, except {@link #in}.
 */
public final class MeasuredText {

    /** Whether {@code ArrowBuf.getLong} reads the first byte into the lowest bits, as {@link #word} packs them. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final Utf8Cell cell;
    private final TextMeasures.Measure measure;
    /** The values of an IN list as {@link #word}s, when each has at most 8 bytes; else null. */
    private final long @Nullable [] words;

    private final int[] lengths;

    private MeasuredText(Utf8Cell cell, TextMeasures.Measure measure) {
        this.cell = cell;
        this.measure = measure;
        List<byte[]> values = measure.values();
        this.lengths = new int[values.size()];
        long[] packed = new long[values.size()];
        boolean short8 = LITTLE_ENDIAN;
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            lengths[i] = value.length;
            short8 &= value.length <= Long.BYTES;
            for (int b = Math.min(value.length, Long.BYTES) - 1; b >= 0; b--) {
                packed[i] = (packed[i] << 8) | (value[b] & 0xFF);
            }
        }
        this.words = short8 ? packed : null;
    }

    /**
     * The measures of {@code batch}, one per {@code measures}, in their order.
     *
     * @throws IllegalStateException when a measured column is not UTF-8 text (checked when the checks start)
     */
    static MeasuredText[] of(List<TextMeasures.Measure> measures, VectorSchemaRoot batch) {
        Map<Integer, Utf8Cell> cells = new HashMap<>();
        MeasuredText[] measured = new MeasuredText[measures.size()];
        for (int i = 0; i < measured.length; i++) {
            TextMeasures.Measure measure = measures.get(i);
            if (!(batch.getVector(measure.field()) instanceof VarCharVector text)) {
                throw new IllegalStateException("Column " + measure.field() + " is not text in this batch");
            }
            measured[i] =
                    new MeasuredText(cells.computeIfAbsent(measure.field(), field -> new Utf8Cell(text)), measure);
        }
        return measured;
    }

    public boolean isNull(int row) {
        return cell.isNull(row);
    }

    /** {@code CHAR_LENGTH}: UTF-16 code units, as Java strings (and so the engine) count them. */
    public int charLength(int row) {
        if (cell.printableAscii(row)) {
            return cell.lengthOf(row);
        }
        cell.load(row);
        byte[] bytes = cell.bytes;
        for (int i = 0; i < cell.length; i++) {
            if (bytes[i] < 0) { // a byte of a non-ASCII character: count as the String does
                return new String(bytes, 0, cell.length, StandardCharsets.UTF_8).length();
            }
        }
        return cell.length;
    }

    public boolean validEncoding(int row) {
        if (cell.printableAscii(row)) {
            return true;
        }
        cell.load(row);
        return RowFunctions.validEncodingUtf8(cell.bytes, 0, cell.length);
    }

    /**
     * {@code IN} or {@code NOT IN} the measure's values, as its kind says; for a null, what the search gives a null
     * (only called when that is TRUE or FALSE: otherwise the field is nullable and the caller checks first).
     */
    public boolean in(int row) {
        if (cell.isNull(row)) {
            return Boolean.TRUE.equals(measure.ifNull());
        }
        boolean found = words != null ? isOneOfWords(row) : isOneOf(row);
        return measure.kind() == TextMeasures.Kind.IN ? found : !found;
    }

    /**
     * Whether the text is one of the values, each of at most 8 bytes (codes, flags, modes: what IN lists hold): its
     * bytes read as one long, straight from the vector, and compared with each value's.
     */
    private boolean isOneOfWords(int row) {
        int start = cell.start(row);
        int length = cell.start(row + 1) - start;
        if (length > Long.BYTES) {
            return false;
        }
        long word = cell.word(start, length);
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] == length && words[i] == word) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text is one of the values, compared byte by byte. */
    private boolean isOneOf(int row) {
        cell.load(row);
        for (byte[] value : measure.values()) {
            if (value.length == cell.length && cell.startsWith(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One text column of the current batch, read straight from the memory of its offset and data buffers (every read
     * is of a row below the batch's row count, inside buffers that do not move while the batch is checked). The bytes
     * of a row are copied, once for every measure of the column, only for text that is not all printable ASCII.
     */
    private static final class Utf8Cell {
        private static final long HIGH_BITS = 0x8080808080808080L;
        private static final long ONES = 0x0101010101010101L;

        private final VarCharVector vector;
        private final boolean nulls;
        private final long offsets;
        private final long data;
        private final long dataCapacity;
        private byte[] bytes = new byte[256];
        private int row = -1;
        private int length;
        private int classified = -1;
        private boolean printableAscii;

        Utf8Cell(VarCharVector vector) {
            this.vector = vector;
            this.nulls = vector.getNullCount() > 0;
            this.offsets = vector.getOffsetBuffer().memoryAddress();
            this.data = vector.getDataBuffer().memoryAddress();
            this.dataCapacity = vector.getDataBuffer().capacity();
        }

        boolean isNull(int row) {
            return nulls && vector.isNull(row);
        }

        /** Where row {@code row}'s bytes start in the data buffer (and so where row {@code row - 1}'s end). */
        int start(int row) {
            return MemoryUtil.getInt(offsets + (long) row * Integer.BYTES);
        }

        int lengthOf(int row) {
            return start(row + 1) - start(row);
        }

        /**
         * Up to 8 bytes from {@code start} as a long, the first byte lowest: one read where the buffer holds 8 bytes
         * from there, as Arrow pads its buffers.
         */
        long word(int start, int length) {
            if (length == 0) {
                return 0;
            }
            if (start + Long.BYTES <= dataCapacity) {
                long word = MemoryUtil.getLong(data + start);
                return length == Long.BYTES ? word : word & ((1L << (length * 8)) - 1);
            }
            long word = 0;
            for (int b = length - 1; b >= 0; b--) {
                word = (word << 8) | (MemoryUtil.getByte(data + start + b) & 0xFF);
            }
            return word;
        }

        /**
         * Whether row {@code row}'s text is all printable ASCII (0x20 to 0x7E), judged 8 bytes at a time: such text has
         * a character per byte and is validly encoded. Remembered for the row, which several measures ask about.
         */
        boolean printableAscii(int row) {
            if (row != classified) {
                classified = row;
                printableAscii = LITTLE_ENDIAN && classify(start(row), start(row + 1));
            }
            return printableAscii;
        }

        private boolean classify(int from, int to) {
            int i = from;
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                long word = MemoryUtil.getLong(data + i);
                // ASCII bytes only, then none below 0x20 and none equal to 0x7F (SWAR: a byte below n in a word of
                // bytes below 0x80 sets the high bit of (word - n per byte) & ~word).
                long del = word ^ (0x7F * ONES);
                if ((word & HIGH_BITS) != 0
                        || ((word - 0x20 * ONES) & ~word & HIGH_BITS) != 0
                        || ((del - ONES) & ~del & HIGH_BITS) != 0) {
                    return false;
                }
            }
            for (; i < to; i++) {
                byte b = MemoryUtil.getByte(data + i);
                if (b < 0x20 || b == 0x7F) {
                    return false;
                }
            }
            return true;
        }

        void load(int row) {
            if (row == this.row) {
                return;
            }
            this.row = row;
            int start = start(row);
            length = start(row + 1) - start;
            if (length > bytes.length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            vector.getDataBuffer().getBytes(start, bytes, 0, length);
        }

        boolean startsWith(byte[] value) {
            for (int i = 0; i < value.length; i++) {
                if (bytes[i] != value[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
