package io.sluice.gateway.quality;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Reads of Arrow values that the generated checks of Arrow batches ({@link BatchFields}) call for the types whose
 * engine value is not a number read straight from the vector's memory: booleans (bit-packed), decimals, text, binary. Public only because generated code calls it; every method expects a
 * row that is not null.
 */
public final class ArrowReads {

    private ArrowReads() {}

    public static boolean bool(BitVector vector, int row) {
        return vector.get(row) != 0;
    }

    /**
     * A decimal whose unscaled value fits in a long (every DECIMAL of up to 18 digits) is built from that long, without
     * the byte array and BigInteger {@code DecimalVector.getObject} goes through; others as it does.
     */
    public static BigDecimal decimal(DecimalVector vector, int row) {
        long offset = (long) row * DecimalVector.TYPE_WIDTH;
        long low = vector.getDataBuffer().getLong(offset);
        long high = vector.getDataBuffer().getLong(offset + Long.BYTES);
        return high == (low >> 63) ? BigDecimal.valueOf(low, vector.getScale()) : vector.getObject(row);
    }

    public static String text(VarCharVector vector, int row) {
        return new String(vector.get(row), StandardCharsets.UTF_8);
    }

    public static ByteString binary(VarBinaryVector vector, int row) {
        return new ByteString(vector.get(row));
    }

    public static ByteString binary(FixedSizeBinaryVector vector, int row) {
        return new ByteString(vector.get(row));
    }
}
