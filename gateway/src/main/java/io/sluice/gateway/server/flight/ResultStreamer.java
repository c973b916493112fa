package io.sluice.gateway.server.flight;

import io.grpc.Context;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.adapter.jdbc.JdbcToArrow;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Sends an engine result set to a Flight client as record batches of {@value ArrowConversion#BATCH_ROWS} rows, built as
 * rows arrive and sent only when the client can take them (gRPC's readiness), so a slow client never makes the gateway
 * buffer the result. One batch's vectors are reused for the whole stream.
 */
final class ResultStreamer {

    /** How long to wait, at most, for a client that does not read before giving up on it. */
    private static final long READY_TIMEOUT_MILLIS = 10 * 60 * 1000L;

    /** How often a wait for the client re-checks whether it can take more. */
    private static final long READY_POLL_MILLIS = 2;

    private ResultStreamer() {}

    /**
     * Streams every row of {@code resultSet} and completes the stream; stops early (without completing) when the
     * client cancelled.
     *
     * @param backpressure registered on the listener before the query started
     * @return the number of rows sent
     */
    static long stream(
            ResultSet resultSet,
            Schema schema,
            BufferAllocator allocator,
            ServerStreamListener listener,
            BackpressureStrategy backpressure)
            throws SQLException, IOException {
        long rows = 0;
        try (ArrowVectorIterator batches =
                JdbcToArrow.sqlToArrowVectorIterator(resultSet, ArrowConversion.config(allocator))) {
            if (!batches.hasNext()) {
                try (VectorSchemaRoot empty = VectorSchemaRoot.create(schema, allocator)) {
                    listener.start(empty);
                    listener.completed();
                }
                return 0;
            }
            VectorSchemaRoot sent = null;
            while (batches.hasNext()) {
                VectorSchemaRoot batch = batches.next();
                if (sent == null) {
                    // The stream announces the schema the FlightInfo did, column metadata included. The wrapper shares
                    // the batch's vectors, which the conversion reuses for every batch (setReuseVectorSchemaRoot).
                    sent = ResultFieldMetadata.describedAs(schema, batch);
                    listener.start(sent);
                }
                sent.setRowCount(batch.getRowCount());
                if (batch.getRowCount() == 0) {
                    continue;
                }
                if (!awaitReady(listener, backpressure)) {
                    return rows;
                }
                listener.putNext();
                rows += batch.getRowCount();
            }
            listener.completed();
            return rows;
        }
    }

    /**
     * Waits until the client can take a batch; false when it cancelled meanwhile.
     *
     * <p>gRPC delivers a call's onReady and onCancel callbacks on the call's serializing executor, which this handler
     * occupies until the stream ends: waiting for those callbacks alone would wait until the timeout whenever the
     * transport's buffer filled up. So the wait polls readiness, and cancellation through the call's context, which
     * the transport cancels at once.
     */
    static boolean awaitReady(ServerStreamListener listener, BackpressureStrategy backpressure) {
        long deadline = System.nanoTime() + READY_TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            if (listener.isCancelled() || Context.current().isCancelled()) {
                return false;
            }
            if (listener.isReady()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                throw CallStatus.TIMED_OUT
                        .withDescription("QUERY_TIMEOUT: the client stopped reading the result")
                        .toRuntimeException();
            }
            backpressure.waitForListener(READY_POLL_MILLIS);
        }
    }
}
