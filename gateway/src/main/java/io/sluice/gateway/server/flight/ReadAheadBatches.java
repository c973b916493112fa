package io.sluice.gateway.server.flight;

import io.sluice.adapters.spi.ArrowBatches;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's batches, read one batch ahead of their consumer by a thread of their own: while the consumer checks and
 * sends a batch, the source is already producing the next. For a source that produces batches on the thread that asks
 * for them (DuckDB runs part of its plan there), this puts the source's work and the gateway's on two cores instead of
 * one after the other.
 *
 * <p>Each batch the reader loads is moved (its buffers transferred, not copied) into a root of its own and handed over
 * through a queue of {@value #AHEAD}; {@link #next()} moves the next one into {@link #root()}. So at most {@value
 * #AHEAD} + 2 batches are held at once: the consumer's, the queued ones and the one being loaded. A failure of the source
 * reaches the consumer at the batch where it happened, as the exception the source threw. Closing stops the reader:
 * the source's statement is cancelled if the reader may still be working on it, and the source is closed only once the
 * reader has let go of it, so that its buffers are never freed under the reader's feet.
 */
final class ReadAheadBatches implements ArrowBatches {

    private static final Logger LOG = LoggerFactory.getLogger(ReadAheadBatches.class);

    /** Batches loaded and waiting for the consumer, at most. */
    static final int AHEAD = 1;

    /** How often a reader waiting for room in the queue looks whether the consumer stopped. */
    private static final long HAND_OVER_POLL_MILLIS = 20;

    /** How long closing waits for the reader before it logs that it is still waiting. */
    private static final long CLOSE_WARN_SECONDS = 10;

    /** Handed over after the last batch. */
    private static final Object END = new Object();

    /** Handed over instead of a batch when loading it failed. */
    private record Failure(Throwable error) {}

    private final ArrowBatches source;
    private final BufferAllocator allocator;
    private final VectorSchemaRoot root;
    private final BlockingQueue<Object> loaded = new ArrayBlockingQueue<>(AHEAD);
    private final FutureTask<Void> reader;
    /** Set when the consumer stops reading: the reader stops at its next hand-over. */
    private volatile boolean stopped;
    /** Whether the consumer saw the end of the batches, or the failure that ended them. */
    private boolean ended;

    private boolean closed;

    /**
     * Starts reading {@code source} ahead, on a thread of {@code threads}; the loaded batches' roots are made from
     * {@code allocator}, which should account for the source's buffers too.
     */
    ReadAheadBatches(ArrowBatches source, BufferAllocator allocator, Executor threads) throws IOException {
        this.source = source;
        this.allocator = allocator;
        this.root = VectorSchemaRoot.create(source.root().getSchema(), allocator);
        this.reader = new FutureTask<>(this::readAhead, null);
        threads.execute(reader);
    }

    @Override
    public VectorSchemaRoot root() {
        return root;
    }

    @Override
    public boolean next() throws IOException {
        if (ended) {
            return false;
        }
        Object next;
        try {
            next = loaded.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the source's next batch");
        }
        if (next == END) {
            ended = true;
            return false;
        }
        if (next instanceof Failure failure) {
            ended = true;
            throw rethrown(failure.error());
        }
        try (VectorSchemaRoot batch = (VectorSchemaRoot) next) {
            move(batch, root);
        }
        return true;
    }

    @Override
    public void cancel() {
        source.cancel();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopped = true;
        try {
            if (!ended && !reader.isDone()) {
                // The reader may be inside the source, producing a batch nobody will read.
                source.cancel();
            }
            awaitReader();
        } finally {
            drain();
            root.close();
            source.close();
        }
    }

    /** The reader's loop: loads each batch into a root of its own and hands it over, until the end or a stop. */
    private void readAhead() {
        try {
            VectorSchemaRoot from = source.root();
            while (!stopped && source.next()) {
                VectorSchemaRoot batch = VectorSchemaRoot.create(from.getSchema(), allocator);
                move(from, batch);
                if (!handOver(batch)) {
                    batch.close();
                    return;
                }
            }
            handOver(END);
        } catch (InterruptedException e) {
            LOG.debug("Reading ahead interrupted; the batches stop here");
        } catch (Throwable e) { // every failure, Errors too, must reach the consumer, which otherwise waits forever
            try {
                handOver(new Failure(e));
            } catch (InterruptedException interrupted) {
                LOG.debug("Reading ahead interrupted while handing over a failure", e);
            }
        }
    }

    /** Waits for room in the queue and hands {@code item} over; false when the consumer stopped reading meanwhile. */
    private boolean handOver(Object item) throws InterruptedException {
        while (!stopped) {
            if (loaded.offer(item, HAND_OVER_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Moves the buffers of {@code from}'s batch into {@code to}, whose own are released; {@code from} is left empty. */
    private static void move(VectorSchemaRoot from, VectorSchemaRoot to) {
        int rows = from.getRowCount();
        for (int i = 0; i < from.getFieldVectors().size(); i++) {
            from.getVector(i).makeTransferPair(to.getVector(i)).transfer();
        }
        to.setRowCount(rows);
        from.setRowCount(0);
    }

    /** Waits, however long it takes, until the reader has left the source: closing it earlier would free its memory. */
    private void awaitReader() {
        boolean interrupted = false;
        while (true) {
            try {
                reader.get(CLOSE_WARN_SECONDS, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException e) {
                LOG.warn("Still waiting for the source to stop producing a batch after the stream stopped");
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // readAhead hands every failure over; nothing escapes it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Frees the batches loaded but never read. */
    private void drain() {
        for (Object item = loaded.poll(); item != null; item = loaded.poll()) {
            if (item instanceof VectorSchemaRoot batch) {
                batch.close();
            }
        }
    }

    private static IOException rethrown(Throwable error) {
        if (error instanceof IOException io) {
            return io;
        }
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IOException(error.getMessage(), error);
    }
}
