package io.sluice.gateway.server.flight;

import io.grpc.Context;
import io.sluice.gateway.config.DataSizes;
import io.sluice.gateway.config.FlightStreamConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Sends an engine result set to a Flight client as record batches sized by bytes and rows ({@link RecordBatchWriter}),
 * built as rows arrive and sent only when the client can take them (gRPC's readiness), so a slow client never makes the
 * gateway buffer the result. Arrow memory comes from the stream's own allocator: running out of it ends the stream with
 * {@code RESOURCE_EXHAUSTED} naming the limit to raise.
 */
final class ResultStreamer {

    /** How long to wait, at most, for a client that does not read before giving up on it. */
    private static final long READY_TIMEOUT_MILLIS = 10 * 60 * 1000L;

    /** How often a wait for the client re-checks whether it can take more. */
    private static final long READY_POLL_MILLIS = 2;

    private ResultStreamer() {}

    /**
     * Streams every row of {@code resultSet} and completes the stream; stops early (without completing) when the
     * client cancelled. The last batch (empty when the rows ended with a full one) carries {@code summary}'s bytes as
     * its app metadata, read once the rows are exhausted, when the query's quality checks have reported.
     *
     * @param allocator the stream's own allocator, a child of the server's
     * @param backpressure registered on the listener before the query started
     * @return the number of rows sent
     */
    static long stream(
            ResultSet resultSet,
            Schema schema,
            BufferAllocator allocator,
            FlightStreamConfig limits,
            ServerStreamListener listener,
            BackpressureStrategy backpressure,
            Supplier<byte[]> summary)
            throws SQLException {
        try (RecordBatchWriter batches = new RecordBatchWriter(schema, allocator, limits)) {
            listener.start(batches.root());
            long rows = 0;
            boolean last = false;
            while (!last) {
                int batchRows = batches.fill(resultSet);
                last = batches.exhausted();
                if (!awaitReady(listener, backpressure)) {
                    return rows;
                }
                if (last) {
                    listener.putNext(appMetadata(summary.get(), allocator));
                } else {
                    listener.putNext();
                }
                rows += batchRows;
            }
            listener.completed();
            return rows;
        } catch (OutOfMemoryException e) {
            throw exhausted(e, allocator, limits);
        }
    }

    /** {@code bytes} in a buffer whose ownership passes to the listener it is sent with. */
    static ArrowBuf appMetadata(byte[] bytes, BufferAllocator allocator) {
        ArrowBuf buffer = allocator.buffer(bytes.length);
        buffer.writeBytes(bytes);
        return buffer;
    }

    /** The error for a stream that needed more Arrow memory than it, or the server, may hold. */
    private static SluiceException exhausted(
            OutOfMemoryException e, BufferAllocator allocator, FlightStreamConfig limits) {
        boolean perQuery = e.getOutcomeDetails()
                .map(details -> details.getFailedAllocator() == allocator)
                .orElse(true);
        String message = perQuery
                ? "The query needs more than server.flight.memory_per_query ("
                        + DataSizes.format(limits.memoryPerQuery())
                        + ") of Arrow memory for one record batch (its rows are wide); raise server.flight.memory_per_query"
                        + " or lower server.flight.batch_size."
                : "The Flight SQL server's streams together need more than server.flight.memory_limit ("
                        + DataSizes.format(limits.memoryLimit())
                        + ") of Arrow memory; raise server.flight.memory_limit or run fewer queries at once.";
        return new SluiceException(ErrorCode.RESOURCE_EXHAUSTED, message, e);
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
            if (backpressure.waitForListener(READY_POLL_MILLIS) == BackpressureStrategy.WaitResult.CANCELLED) {
                return false;
            }
        }
    }
}
