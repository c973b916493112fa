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
 * One {@link TextMeasures.Measure} of a text column, over the Arrow batch it is bound to, taken from the column's UTF-8
 * bytes. When a batch is bound, each column is swept once, in a tight loop over its offsets and data: which rows are
 * printable ASCII (for CHAR_LENGTH and valid_encoding, which such text answers without a copy) and which rows are in an
 * IN list of short values. The rows that need more are copied, once for every measure of their column, and judged as
 * the engine judges a String. Public only because the generated checks of Arrow batches call it ({@link BatchFields});
 * the value methods expect a row that is not null, except {@link #in}.
 */
public final class MeasuredText {

    /** Whether {@code ArrowBuf.getLong} reads the first byte into the lowest bits, as {@link Utf8Column#word} packs. */
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final Utf8Column column;
    private final TextMeasures.Measure measure;
    /** The values of an IN list as {@link Utf8Column#word}s, when each has at most 8 bytes; else null. */
    private final long @Nullable [] words;

    private final int[] lengths;
    /** For an IN list of words: whether each row of the bound batch is one of the values. */
    private boolean[] found = new boolean[0];

    private MeasuredText(Utf8Column column, TextMeasures.Measure measure) {
        this.column = column;
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
        column.classifies |=
                measure.kind() == TextMeasures.Kind.CHAR_LENGTH || measure.kind() == TextMeasures.Kind.VALID_ENCODING;
    }

    /** The measures, one per {@code measures}, in their order; {@link #bind} gives them a batch. */
    static MeasuredText[] of(List<TextMeasures.Measure> measures) {
        Map<Integer, Utf8Column> columns = new HashMap<>();
        MeasuredText[] measured = new MeasuredText[measures.size()];
        for (int i = 0; i < measured.length; i++) {
            TextMeasures.Measure measure = measures.get(i);
            measured[i] =
                    new MeasuredText(columns.computeIfAbsent(measure.field(), field -> new Utf8Column()), measure);
        }
        return measured;
    }

    /**
     * Binds {@code measured} to {@code batch} and sweeps its measured columns.
     *
     * @throws IllegalStateException when a measured column is not UTF-8 text (checked when the checks start)
     */
    static void bind(MeasuredText[] measured, VectorSchemaRoot batch) {
        Object binding = new Object();
        for (MeasuredText measure : measured) {
            if (!(batch.getVector(measure.measure.field()) instanceof VarCharVector text)) {
                throw new IllegalStateException("Column " + measure.measure.field() + " is not text in this batch");
            }
            measure.column.bind(text, binding);
        }
        for (MeasuredText measure : measured) {
            if (measure.words != null) {
                measure.sweepWords();
            }
        }
    }

    public boolean isNull(int row) {
        return column.isNull(row);
    }

    /** {@code CHAR_LENGTH}: UTF-16 code units, as Java strings (and so the engine) count them. */
    public int charLength(int row) {
        if (column.printableAscii(row)) {
            return column.lengthOf(row);
        }
        column.load(row);
        return new String(column.bytes, 0, column.length, StandardCharsets.UTF_8).length();
    }

    public boolean validEncoding(int row) {
        if (column.printableAscii(row)) {
            return true;
        }
        column.load(row);
        return RowFunctions.validEncodingUtf8(column.bytes, 0, column.length);
    }

    /**
     * {@code IN} or {@code NOT IN} the measure's values, as its kind says; for a null, what the search gives a null
     * (only called when that is TRUE or FALSE: otherwise the field is nullable and the caller checks first).
     */
    public boolean in(int row) {
        if (column.isNull(row)) {
            return Boolean.TRUE.equals(measure.ifNull());
        }
        boolean isOne = words != null ? found[row] : isOneOf(row);
        return measure.kind() == TextMeasures.Kind.IN ? isOne : !isOne;
    }

    /**
     * Which rows are one of the values, each of at most 8 bytes (codes, flags, modes: what IN lists hold): each text
     * read as one long, straight from the vector, and compared with each value's.
     */
    private void sweepWords() {
        int rows = column.rows;
        if (found.length < rows) {
            found = new boolean[rows];
        }
        if (rows == 0) {
            return;
        }
        long[] words = this.words;
        int[] lengths = this.lengths;
        int start = column.start(0);
        for (int row = 0; row < rows; row++) {
            int end = column.start(row + 1);
            int length = end - start;
            // Longer text is no value: its length matches none. Every value is compared in arithmetic, without a
            // branch on the outcome, which goes either way at random from row to row and so would be mispredicted.
            long word = column.word(start, Math.min(length, Long.BYTES));
            long isOne = 0;
            for (int i = 0; i < words.length; i++) {
                long difference = (words[i] ^ word) | (lengths[i] ^ length);
                isOne |= ((difference | -difference) >>> (Long.SIZE - 1)) ^ 1; // 1 when the difference is 0
            }
            found[row] = isOne != 0;
            start = end;
        }
    }

    /** Whether the text is one of the values, compared byte by byte. */
    private boolean isOneOf(int row) {
        column.load(row);
        for (byte[] value : measure.values()) {
            if (value.length == column.length && column.startsWith(value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One text column of the bound batch, read straight from the memory of its offset and data buffers (every read is
     * of a row below the batch's row count, inside buffers that do not move while the batch is checked).
     */
    private static final class Utf8Column {
        private static final long HIGH_BITS = 0x8080808080808080L;
        private static final long ONES = 0x0101010101010101L;

        /** Whether a measure of the column needs to know its printable ASCII rows. */
        boolean classifies;

        private @Nullable Object binding;
        private VarCharVector vector;
        private boolean nulls;
        private long offsets;
        private long data;
        /**
         * Where the bytes of the batch's rows end, the bound of the 8-byte reads: a vector's buffer may be padded
         * past it, but one imported from DuckDB ends there exactly.
         */
        private long dataEnd;

        private int rows;
        /** Whether every row of the bound batch is printable ASCII (the usual case), so that no row needs a look. */
        private boolean allPrintableAscii;
        /** Otherwise, which rows are. */
        private boolean[] printableAscii = new boolean[0];

        private byte[] bytes = new byte[256];
        private int row = -1;
        private int length;

        /**
         * Reads {@code vector} from now on; called for every measure of the column with the same {@code binding},
         * sweeps it once.
         */
        void bind(VarCharVector vector, Object binding) {
            if (binding == this.binding) {
                return;
            }
            this.binding = binding;
            this.vector = vector;
            this.nulls = vector.getNullCount() > 0;
            this.offsets = vector.getOffsetBuffer().memoryAddress();
            this.data = vector.getDataBuffer().memoryAddress();
            this.rows = vector.getValueCount();
            this.dataEnd = rows > 0 ? start(rows) : 0; // an empty vector may have no offsets at all
            this.row = -1;
            if (classifies && rows > 0) {
                sweepPrintableAscii();
            }
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
         * Up to 8 bytes from {@code start} as a long, the first byte lowest: one read where the column's bytes go on
         * for 8 bytes from there, which is all but the last few rows.
         */
        long word(int start, int length) {
            if (start + Long.BYTES <= dataEnd) {
                long word = MemoryUtil.getLong(data + start);
                return length == 0 ? 0 : word & (-1L >>> (Long.SIZE - length * Byte.SIZE));
            }
            long word = 0;
            for (int b = length - 1; b >= 0; b--) {
                word = (word << 8) | (MemoryUtil.getByte(data + start + b) & 0xFF);
            }
            return word;
        }

        /**
         * Which rows are all printable ASCII (0x20 to 0x7E), judged 8 bytes at a time: such text has a character per
         * byte and is validly encoded.
         */
        private void sweepPrintableAscii() {
            // The rows' bytes lie end to end in the data buffer: when all of them together are printable ASCII (most
            // text in most tables), so is each row, and one pass over the data answers without a look at the offsets.
            int start = start(0);
            allPrintableAscii = LITTLE_ENDIAN && printableAscii(start, start(rows));
            if (allPrintableAscii) {
                return;
            }
            if (printableAscii.length < rows) {
                printableAscii = new boolean[rows];
            }
            for (int row = 0; row < rows; row++) {
                int end = start(row + 1);
                printableAscii[row] = LITTLE_ENDIAN && printableAscii(start, end);
                start = end;
            }
        }

        boolean printableAscii(int row) {
            return allPrintableAscii || printableAscii[row];
        }

        private boolean printableAscii(int from, int to) {
            int i = from;
            // The high bit of a byte of `failed` is set when a word held a byte that is not ASCII, or (in a word of
            // ASCII bytes only, where the subtractions borrow nothing across bytes) one below 0x20 or equal to 0x7F:
            // SWAR, a byte below n in such a word sets the high bit of (word - n per byte) & ~word. Collected without
            // a branch and tested every 64 bytes.
            long failed = 0;
            for (; i + Long.BYTES <= to; i += Long.BYTES) {
                long word = MemoryUtil.getLong(data + i);
                long del = word ^ (0x7F * ONES);
                failed |= word | ((word - 0x20 * ONES) & ~word) | ((del - ONES) & ~del);
                if (((i - from) & 63) == 56 && (failed & HIGH_BITS) != 0) {
                    return false;
                }
            }
            if ((failed & HIGH_BITS) != 0) {
                return false;
            }
            for (; i < to; i++) {
                byte b = MemoryUtil.getByte(data + i);
                if (b < 0x20 || b == 0x7F) {
                    return false;
                }
            }
            return true;
        }

        /** Copies row {@code row}'s bytes into {@link #bytes} (once for every measure of the row). */
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
