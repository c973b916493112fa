package io.sluice.adapters.spi;

import java.io.IOException;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A result handed over by a source as Arrow record batches: one {@link VectorSchemaRoot} that each {@link #next()}
 * refills with the following batch (the previous batch's vectors are cleared, or transferred away by the reader). Not
 * thread-safe: read by one thread at a time; only {@link #cancel()} may come from another.
 */
public interface ArrowBatches extends AutoCloseable {

    /** The vectors holding the current batch; their schema is the source's own Arrow schema of the result. */
    VectorSchemaRoot root() throws IOException;

    /** Loads the next batch into {@link #root()}; false at the end of the result. */
    boolean next() throws IOException;

    /**
     * Asks the source to stop the statement, from any thread, also while another thread waits in {@link #next()}, which
     * then fails (or returns false) soon. The batches must still be {@link #close() closed}.
     */
    void cancel();

    /** Ends the statement and releases every buffer the batches still hold. Idempotent. */
    @Override
    void close();
}
