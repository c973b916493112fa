package io.sluice.gateway.server.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.adapters.spi.ArrowBatches;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Batches read ahead arrive complete and in order, a source's failure reaches the consumer at its batch, and closing
 * early stops a reader that waits inside the source, closes the source and leaves no buffer behind (the allocator
 * counts every byte; closing it with bytes outstanding fails).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // closing waits for the reader, however long
class ReadAheadBatchesTest {

    private static final int ROWS = 1_000;

    private final BufferAllocator allocator = new RootAllocator();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void release() {
        threads.shutdownNow();
        allocator.close();
    }

    @Test
    void everyBatch_arrivesWhole_inOrder() throws Exception {
        NumberedBatches source = new NumberedBatches(allocator, 40, -1, -1);
        try (ReadAheadBatches batches = new ReadAheadBatches(source, allocator, threads)) {
            VectorSchemaRoot root = batches.root();
            int batch = 0;
            while (batches.next()) {
                assertBatch(root, batch++);
            }
            assertThat(batch).isEqualTo(40);
            assertThat(batches.next()).isFalse();
        }
        assertThat(source.closed).isTrue();
        assertThat(source.cancelled).isFalse();
    }

    @Test
    void sourceFailure_reachesTheConsumer_afterTheBatchesBeforeIt() throws Exception {
        NumberedBatches source = new NumberedBatches(allocator, 40, 7, -1);
        try (ReadAheadBatches batches = new ReadAheadBatches(source, allocator, threads)) {
            for (int batch = 0; batch < 7; batch++) {
                assertThat(batches.next()).isTrue();
                assertBatch(batches.root(), batch);
            }
            assertThatThrownBy(batches::next).isSameAs(source.failure);
            assertThat(batches.next()).isFalse();
        }
        assertThat(source.closed).isTrue();
    }

    @Test
    void closingEarly_cancelsTheSourceTheReaderWaitsIn_andFreesWhatWasLoaded() throws Exception {
        NumberedBatches source = new NumberedBatches(allocator, 40, -1, 1 + ReadAheadBatches.AHEAD);
        ReadAheadBatches batches = new ReadAheadBatches(source, allocator, threads);
        assertThat(batches.next()).isTrue();
        assertBatch(batches.root(), 0);
        // The reader queues the batches after it, as many as there is room for, and then waits inside the source.
        assertThat(source.waiting.await(10, TimeUnit.SECONDS)).isTrue();
        batches.close();
        assertThat(source.cancelled).isTrue();
        assertThat(source.closed).isTrue();
        assertThat(allocator.getAllocatedMemory()).isZero();
    }

    @Test
    void closingEarly_stopsAReaderWaitingForRoom() throws Exception {
        NumberedBatches source = new NumberedBatches(allocator, 40, -1, -1);
        ReadAheadBatches batches = new ReadAheadBatches(source, allocator, threads);
        assertThat(batches.next()).isTrue();
        batches.close();
        assertThat(source.closed).isTrue();
        assertThat(source.loaded).isLessThanOrEqualTo(1 + ReadAheadBatches.AHEAD + 1);
        assertThat(allocator.getAllocatedMemory()).isZero();
    }

    private static void assertBatch(VectorSchemaRoot root, int batch) {
        assertThat(root.getRowCount()).isEqualTo(ROWS);
        BigIntVector numbers = (BigIntVector) root.getVector(0);
        VarCharVector texts = (VarCharVector) root.getVector(1);
        for (int row = 0; row < ROWS; row++) {
            long number = (long) batch * ROWS + row;
            assertThat(numbers.get(row)).isEqualTo(number);
            assertThat(new String(texts.get(row), StandardCharsets.UTF_8)).isEqualTo("row " + number);
        }
    }

    /**
     * A source of numbered rows in fresh buffers per batch, as a source fills its root; it fails at one batch, or
     * waits there until cancelled.
     */
    private static final class NumberedBatches implements ArrowBatches {
        private final VectorSchemaRoot root;
        private final int batches;
        private final int failAt;
        private final int waitAt;
        final IOException failure = new IOException("the source failed");
        final CountDownLatch waiting = new CountDownLatch(1);
        private final CountDownLatch cancel = new CountDownLatch(1);
        volatile boolean cancelled;
        volatile boolean closed;
        volatile int loaded;

        NumberedBatches(BufferAllocator allocator, int batches, int failAt, int waitAt) {
            this.root = VectorSchemaRoot.of(new BigIntVector("n", allocator), new VarCharVector("text", allocator));
            this.batches = batches;
            this.failAt = failAt;
            this.waitAt = waitAt;
        }

        @Override
        public VectorSchemaRoot root() {
            return root;
        }

        @Override
        public boolean next() throws IOException {
            int batch = loaded;
            if (batch == failAt) {
                throw failure;
            }
            if (batch == waitAt) {
                waiting.countDown();
                try {
                    cancel.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("cancelled");
            }
            if (batch == batches) {
                return false;
            }
            BigIntVector numbers = (BigIntVector) root.getVector(0);
            VarCharVector texts = (VarCharVector) root.getVector(1);
            numbers.allocateNew(ROWS);
            texts.allocateNew(ROWS);
            for (int row = 0; row < ROWS; row++) {
                long number = (long) batch * ROWS + row;
                numbers.set(row, number);
                texts.setSafe(row, ("row " + number).getBytes(StandardCharsets.UTF_8));
            }
            root.setRowCount(ROWS);
            loaded = batch + 1;
            return true;
        }

        @Override
        public void cancel() {
            cancelled = true;
            cancel.countDown();
        }

        @Override
        public void close() {
            closed = true;
            root.close();
        }
    }
}
