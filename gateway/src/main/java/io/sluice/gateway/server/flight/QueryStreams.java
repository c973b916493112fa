package io.sluice.gateway.server.flight;

import io.grpc.Context;
import io.sluice.gateway.config.FlightStreamConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.PushedDownQuery;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.execution.SessionDefaults;
import io.sluice.gateway.quality.QualitySummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.BackpressureStrategy.WaitResult;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queries for Flight clients: each stream is a query in {@link RunningQueries} (key {@code flight-N}, statement 0)
 * so that a client cancelling the stream stops it in the engine and at its sources, and each stream allocates from its
 * own child allocator, limited to {@code server.flight.memory_per_query} and closed when the stream ends however it
 * ends.
 */
final class QueryStreams {

    private static final Logger LOG = LoggerFactory.getLogger(QueryStreams.class);

    private final QueryEngine engine;
    private final RunningQueries runningQueries;
    private final BufferAllocator rootAllocator;
    private final FlightStreamConfig limits;
    private final FlightErrors errors;
    private final IssuedQueries issued;
    private final ArrowPassThrough passThrough;
    private final AtomicLong streamIds = new AtomicLong();

    QueryStreams(
            QueryEngine engine,
            RunningQueries runningQueries,
            BufferAllocator rootAllocator,
            FlightStreamConfig limits,
            FlightErrors errors,
            IssuedQueries issued,
            ArrowPassThrough passThrough) {
        this.engine = engine;
        this.runningQueries = runningQueries;
        this.rootAllocator = rootAllocator;
        this.limits = limits;
        this.errors = errors;
        this.issued = issued;
        this.passThrough = passThrough;
    }

    /** Executes a statement: produces its result set once the stream is registered. */
    @FunctionalInterface
    interface Execution {
        ResultSet execute() throws SQLException;
    }

    /** The result schema of {@code sql}, planned (not run) for {@code user} with the session's {@code defaults}. */
    Schema schema(String user, SessionDefaults defaults, String sql) {
        try (Connection connection = engine.openConnection(user, defaults);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return announcedSchema(statement.getMetaData());
        } catch (SQLException | RuntimeException e) {
            throw errors.toFlight(e);
        }
    }

    /** Runs the ticket's SQL for {@code user} on an engine session with {@code defaults} and streams the result. */
    void streamStatement(QueryTicket ticket, String user, SessionDefaults defaults, ServerStreamListener listener) {
        try (Connection connection = engine.openConnection(user, defaults);
                PushedDownQuery.PlanCapture plan = PushedDownQuery.capture();
                PreparedStatement statement = connection.prepareStatement(ticket.sql())) {
            Optional<ArrowPassThrough.Route> fastPath = fastPath(plan.query(), statement);
            stream(ticket, user, statement, statement::executeQuery, fastPath, listener);
        } catch (SQLException | RuntimeException e) {
            listener.error(errors.toFlight(e));
        }
    }

    /**
     * The Arrow fast path for a statement planned as {@code planned}, if it can take it (see ArrowPassThrough); never for
     * a statement with parameters (the source's SQL would carry them unbound).
     */
    Optional<ArrowPassThrough.Route> fastPath(Optional<PushedDownQuery> planned, PreparedStatement statement) {
        try {
            if (planned.isEmpty() || statement.getParameterMetaData().getParameterCount() > 0) {
                return Optional.empty();
            }
            return passThrough.route(planned, announcedSchema(statement.getMetaData()));
        } catch (SQLException e) {
            LOG.debug("No Arrow fast path: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The schema a result with this metadata is announced and streamed with. */
    private static Schema announcedSchema(ResultSetMetaData metadata) throws SQLException {
        return ResultFieldMetadata.decorate(ArrowConversion.schema(metadata), metadata);
    }

    /**
     * Streams the result of {@code execution} on {@code statement} to {@code listener} as a run of the ticket's query
     * (so that CancelFlightInfo stops it), or of the Arrow fast path when given one, reporting any failure to the
     * client (never throws).
     */
    void stream(
            QueryTicket ticket,
            String user,
            Statement statement,
            Execution execution,
            Optional<ArrowPassThrough.Route> fastPath,
            ServerStreamListener listener) {
        String queryId = "flight-" + streamIds.incrementAndGet();
        StoppingBackpressure backpressure = new StoppingBackpressure(queryId);
        backpressure.register(listener);
        // gRPC delivers the stream's cancel handler only between our callbacks, that is after this method returns;
        // the call's context is cancelled at once, on the transport thread, even while a source is still working.
        Context.CancellationListener onCancel = context -> backpressure.clientGone();
        Context.current().addListener(onCancel, Runnable::run);
        try (BufferAllocator allocator = rootAllocator.newChildAllocator(queryId, 0, limits.memoryPerQuery())) {
            // Registered in RunningQueries before the run begins, so that a cancel racing with the start still stops
            // it.
            try (RunningQueries.Scope ignored = runningQueries.enter(queryId, 0, user, () -> statement, true);
                    IssuedQueries.Run run = issued.begin(ticket, user, backpressure::abort)) {
                if (fastPath.isPresent()
                        && passThrough.stream(
                                fastPath.get(), allocator, listener, backpressure, () -> summary(queryId))) {
                    LOG.debug("Stream {} passed the source's Arrow batches through", queryId);
                } else {
                    try (ResultSet resultSet = execution.execute()) {
                        long rows = ResultStreamer.stream(
                                resultSet,
                                announcedSchema(resultSet.getMetaData()),
                                allocator,
                                limits,
                                listener,
                                backpressure,
                                () -> summary(queryId));
                        LOG.debug("Stream {} sent {} row(s)", queryId, rows);
                    }
                }
                if (backpressure.endedWait && !backpressure.isClientGone(listener)) {
                    // Stopped while waiting for the client to read: the streamer returned without completing.
                    listener.error(errors.toFlight(cancelled(null)));
                }
            }
        } catch (Exception e) {
            if (backpressure.isClientGone(listener)) {
                LOG.debug("Stream {} cancelled by the client: {}", queryId, e.toString());
            } else {
                listener.error(errors.toFlight(stopped(queryId, e)));
            }
        } finally {
            Context.current().removeListener(onCancel);
            runningQueries.closed(queryId, 0);
        }
    }

    /** The quality summary of the stream's query, as JSON (see QualitySummary#json). */
    private byte[] summary(String queryId) {
        return runningQueries
                .quality(queryId, 0)
                .map(QualitySummary::json)
                .orElseThrow(() -> new IllegalStateException("Stream " + queryId + " is not a running query"));
    }

    private void stop(String queryId) {
        LOG.info("Flight stream {} cancelled; stopping its query", queryId);
        runningQueries.stop(queryId, 0, RunningQueries.StopReason.CANCELLED);
    }

    private Throwable stopped(String queryId, Exception error) {
        return runningQueries
                .stopReason(queryId, 0)
                .<Throwable>map(reason -> reason == RunningQueries.StopReason.TIMED_OUT
                        ? new SluiceException(ErrorCode.QUERY_TIMEOUT, "The query ran longer than its timeout.", error)
                        : cancelled(error))
                .orElse(error);
    }

    private static SluiceException cancelled(Exception cause) {
        return new SluiceException(ErrorCode.QUERY_CANCELLED, "The query was cancelled.", cause);
    }

    /**
     * Waits for the client's readiness, and stops the query when the client cancels the stream or goes away; {@link
     * #abort} (a CancelFlightInfo) stops it too. Both also end a wait for a client that does not read: the stream's own
     * cancel handler only runs once the producer returns, so it cannot end the wait.
     */
    private final class StoppingBackpressure extends BackpressureStrategy.CallbackBackpressureStrategy {
        private final String queryId;
        private volatile boolean aborted;
        private volatile boolean clientGone;
        /** Whether a wait ended because of {@link #abort}: the streamer then returns without completing the stream. */
        private volatile boolean endedWait;

        StoppingBackpressure(String queryId) {
            this.queryId = queryId;
        }

        void abort() {
            aborted = true;
            stop(queryId);
            interruptWait();
        }

        boolean isClientGone(ServerStreamListener listener) {
            return clientGone || listener.isCancelled();
        }

        /** The call was cancelled (the client cancelled or disconnected), seen on the transport thread. */
        void clientGone() {
            clientGone = true;
            stop(queryId);
            interruptWait();
        }

        @Override
        public WaitResult waitForListener(long timeout) {
            WaitResult result = super.waitForListener(timeout);
            if (aborted) {
                endedWait = true;
                return WaitResult.CANCELLED;
            }
            return clientGone ? WaitResult.CANCELLED : result;
        }

        @Override
        protected boolean shouldContinueWaiting(ServerStreamListener listener, long remainingTimeout) {
            return !aborted && !clientGone;
        }

        @Override
        protected void cancelCallback() {
            stop(queryId);
        }
    }
}
