package io.sluice.gateway.server.flight;

import io.sluice.gateway.config.FlightStreamConfig;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Fills one reusable record batch from an engine result set until it holds {@link FlightStreamConfig#batchBytes()} of
 * Arrow buffers or {@link FlightStreamConfig#batchRows()} rows. The size is counted as rows are written (fixed-width
 * bytes per row plus the variable-width bytes each value adds), never by walking the buffers. Between batches the
 * buffers are released and reallocated at the size the previous batch needed, so that a batch the transport still
 * holds is never overwritten, and one wide row does not keep its memory for the rest of the stream.
 */
final class RecordBatchWriter implements AutoCloseable {

    private final VectorSchemaRoot root;
    private final ColumnWriter[] writers;
    private final long maxBytes;
    private final int maxRows;
    /** Bits of fixed-width buffers (validity, offsets, values) that one row takes. */
    private final long fixedBitsPerRow;

    private int lastRows;
    private boolean exhausted;

    RecordBatchWriter(Schema schema, BufferAllocator allocator, FlightStreamConfig limits) {
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.maxBytes = limits.batchBytes();
        this.maxRows = limits.batchRows();
        List<FieldVector> vectors = root.getFieldVectors();
        this.writers = new ColumnWriter[vectors.size()];
        long bits = 0;
        for (int i = 0; i < writers.length; i++) {
            writers[i] = ColumnWriter.of(vectors.get(i), i + 1);
            bits += fixedBits(vectors.get(i).getField());
        }
        this.fixedBitsPerRow = bits;
    }

    /** The batch the writer fills (the same object for the whole stream). */
    VectorSchemaRoot root() {
        return root;
    }

    /** Whether the result set has no more rows. */
    boolean exhausted() {
        return exhausted;
    }

    /**
     * Replaces the batch's contents with the next rows of {@code rs}.
     *
     * @return the number of rows in the batch; fewer than a full batch only at the end of the result
     */
    int fill(ResultSet rs) throws SQLException {
        allocate();
        int rows = 0;
        long variableBytes = 0;
        while (rows < maxRows && (fixedBitsPerRow * rows) / 8 + variableBytes < maxBytes) {
            if (!rs.next()) {
                exhausted = true;
                break;
            }
            for (ColumnWriter writer : writers) {
                variableBytes += writer.write(rs, rows);
            }
            rows++;
        }
        root.setRowCount(rows);
        lastRows = rows;
        return rows;
    }

    /** Allocates the buffers for the next batch at the size the previous one reached (Arrow's default at first). */
    private void allocate() {
        for (FieldVector vector : root.getFieldVectors()) {
            if (lastRows > 0) {
                if (vector instanceof BaseVariableWidthVector variable) {
                    double density = (double) variable.getStartOffset(lastRows) / lastRows;
                    variable.clear();
                    variable.setInitialCapacity(lastRows, Math.max(density, 1));
                } else {
                    vector.clear();
                    vector.setInitialCapacity(lastRows);
                }
            }
            vector.allocateNew();
        }
    }

    private static long fixedBits(Field field) {
        ArrowType type = field.getType();
        long validity = 1;
        return switch (type.getTypeID()) {
            case Null -> 0;
            case Bool -> validity + 1;
            case Int -> validity + ((ArrowType.Int) type).getBitWidth();
            case FloatingPoint -> validity
                    + (((ArrowType.FloatingPoint) type).getPrecision()
                                    == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE
                            ? 32
                            : 64);
            case Decimal -> validity + 128;
            case Date, Interval -> validity + 32;
            case Utf8, Binary -> validity + 32; // the offset; the bytes are counted as written
            default -> validity + 64; // Time64, Timestamp, Duration
        };
    }

    @Override
    public void close() {
        root.close();
    }
}
