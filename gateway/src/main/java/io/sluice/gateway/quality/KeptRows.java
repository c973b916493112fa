package io.sluice.gateway.quality;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.util.TransferPair;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The rows of Arrow batches that no {@code drop} or {@code quarantine} rule removed, copied value by value into a root
 * of its own (a batch keeps its vectors whole, so removing rows means copying the others). A batch that lost no row is
 * passed on as it is.
 */
final class KeptRows implements AutoCloseable {

    private final BufferAllocator allocator;
    private @Nullable VectorSchemaRoot kept;

    KeptRows(BufferAllocator allocator) {
        this.allocator = allocator;
    }

    /**
     * {@code batch} itself when {@code count} is its row count, else a root (reused, refilled at each call) holding
     * rows {@code rows[0 .. count - 1]} of it, in that order. The caller may take over the returned root's buffers.
     */
    VectorSchemaRoot of(VectorSchemaRoot batch, int[] rows, int count) {
        if (count == batch.getRowCount()) {
            return batch;
        }
        if (kept == null) {
            kept = VectorSchemaRoot.create(batch.getSchema(), allocator);
        }
        for (int column = 0; column < batch.getFieldVectors().size(); column++) {
            FieldVector from = batch.getVector(column);
            FieldVector to = kept.getVector(column);
            to.clear();
            to.setInitialCapacity(count);
            to.allocateNew();
            TransferPair copy = from.makeTransferPair(to);
            for (int i = 0; i < count; i++) {
                copy.copyValueSafe(rows[i], i);
            }
            to.setValueCount(count);
        }
        kept.setRowCount(count);
        return kept;
    }

    @Override
    public void close() {
        AutoCloseables.closeNoChecked(kept);
        kept = null;
    }
}
