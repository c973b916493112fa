package io.sluice.gateway.server.flight;

import io.grpc.Context;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.PushedDownQuery;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queries for Flight clients: each stream is a query in {@link RunningQueries} (key {@code flight-N}, statement 0)
 * so that a client cancelling the stream stops it in the engine and at its sources, and each stream allocates from its
 * own child allocator, closed when the stream ends however it ends.
 */
final class QueryStreams {

    private static final Logger LOG = LoggerFactory.getLogger(QueryStreams.class);

    private final QueryEngine engine;
    private final RunningQueries runningQueries;
    private final BufferAllocator rootAllocator;
    private final FlightErrors errors;
    private final ArrowPassThrough passThrough;
    private final AtomicLong streamIds = new AtomicLong();

    QueryStreams(
            QueryEngine engine,
            RunningQueries runningQueries,
            BufferAllocator rootAllocator,
            FlightErrors errors,
            ArrowPassThrough passThrough) {
        this.engine = engine;
        this.runningQueries = runningQueries;
        this.rootAllocator = rootAllocator;
        this.errors = errors;
        this.passThrough = passThrough;
    }

    /** Executes a statement: produces its result set once the stream is registered. */
    @FunctionalInterface
    interface Execution {
        ResultSet execute() throws SQLException;
    }

    /** The result schema of {@code sql}, planned (not run) for {@code user}. */
    Schema schema(String user, String sql) {
        try (Connection connection = engine.openConnection(user);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            return ArrowConversion.schema(statement.getMetaData(), rootAllocator);
        } catch (SQLException | RuntimeException e) {
            throw errors.toFlight(e);
        }
    }

    /** Runs {@code sql} for {@code user} on a session of its own and streams the result. */
    void streamStatement(String user, String sql, ServerStreamListener listener) {
        try (Connection connection = engine.openConnection(user);
                PushedDownQuery.PlanCapture plan = PushedDownQuery.capture();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Optional<ArrowPassThrough.Route> fastPath = fastPath(plan.query(), statement);
            stream(statement, statement::executeQuery, fastPath, listener);
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
            return passThrough.route(planned, ArrowConversion.schema(statement.getMetaData(), rootAllocator));
        } catch (SQLException e) {
            LOG.debug("No Arrow fast path: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Streams the result of {@code execution} on {@code statement} to {@code listener}, or of the Arrow fast path when
     * given one, reporting any failure to the client (never throws).
     */
    void stream(
            Statement statement,
            Execution execution,
            Optional<ArrowPassThrough.Route> fastPath,
            ServerStreamListener listener) {
        String queryId = "flight-" + streamIds.incrementAndGet();
        BackpressureStrategy backpressure = new StoppingBackpressure(queryId);
        backpressure.register(listener);
        // gRPC delivers the stream's cancel handler only between our callbacks, that is after this method returns;
        // the call's context is cancelled at once, on the transport thread, even while a source is still working.
        Context.CancellationListener onCancel = context -> stop(queryId);
        Context.current().addListener(onCancel, Runnable::run);
        try (BufferAllocator allocator = rootAllocator.newChildAllocator(queryId, 0, Long.MAX_VALUE)) {
            try (RunningQueries.Scope ignored = runningQueries.enter(queryId, 0, () -> statement, true)) {
                if (fastPath.isPresent() && passThrough.stream(fastPath.get(), allocator, listener, backpressure)) {
                    LOG.debug("Stream {} passed the source's Arrow batches through", queryId);
                    return;
                }
                try (ResultSet resultSet = execution.execute()) {
                    long rows = ResultStreamer.stream(
                            resultSet,
                            ArrowConversion.schema(resultSet.getMetaData(), allocator),
                            allocator,
                            listener,
                            backpressure);
                    LOG.debug("Stream {} sent {} row(s)", queryId, rows);
                }
            }
        } catch (Exception e) {
            if (listener.isCancelled()) {
                LOG.debug("Stream {} cancelled by the client: {}", queryId, e.toString());
            } else {
                listener.error(errors.toFlight(stopped(queryId, e)));
            }
        } finally {
            Context.current().removeListener(onCancel);
            runningQueries.closed(queryId, 0);
        }
    }

    private void stop(String queryId) {
        LOG.info("Flight stream {} cancelled by the client; stopping its query", queryId);
        runningQueries.stop(queryId, 0, RunningQueries.StopReason.CANCELLED);
    }

    private Throwable stopped(String queryId, Exception error) {
        return runningQueries
                .stopReason(queryId, 0)
                .<Throwable>map(reason -> reason == RunningQueries.StopReason.TIMED_OUT
                        ? new SluiceException(ErrorCode.QUERY_TIMEOUT, "The query ran longer than its timeout.", error)
                        : new SluiceException(ErrorCode.QUERY_CANCELLED, "The query was cancelled.", error))
                .orElse(error);
    }

    /** Waits for the client's readiness, and stops the query when the client cancels the stream. */
    private final class StoppingBackpressure extends BackpressureStrategy.CallbackBackpressureStrategy {
        private final String queryId;

        StoppingBackpressure(String queryId) {
            this.queryId = queryId;
        }

        @Override
        protected void cancelCallback() {
            stop(queryId);
        }
    }
}
