package io.sluice.gateway.server.flight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.google.protobuf.ByteString;
import io.sluice.gateway.execution.PushedDownQuery;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.SessionDefaults;
import io.sluice.quality.parser.Durations;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements Flight clients hold, by opaque handle: each keeps its engine session and planned statement so
 * that re-running it skips planning. A handle is only usable by the user who prepared it, and one left idle (neither
 * used nor closed) for the configured time expires: its session is closed, and using it again asks for a new one.
 */
final class PreparedQueries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedQueries.class);

    private final QueryEngine engine;
    private final BufferAllocator allocator;
    private final Duration idleTimeout;
    private final Cache<ByteString, PreparedQuery> queries;
    /** Handles that expired lately, to tell their users so rather than "unknown". */
    private final Cache<ByteString, Boolean> expired =
            Caffeine.newBuilder().maximumSize(10_000).build();

    PreparedQueries(QueryEngine engine, BufferAllocator allocator, Duration idleTimeout) {
        this.engine = engine;
        this.allocator = allocator;
        this.idleTimeout = idleTimeout;
        this.queries = Caffeine.newBuilder()
                .expireAfterAccess(idleTimeout)
                // Expire on time even when no other handle is touched, and close on the thread that removes.
                .scheduler(Scheduler.systemScheduler())
                .executor(Runnable::run)
                .removalListener(this::removed)
                .build();
    }

    private void removed(ByteString handle, PreparedQuery query, RemovalCause cause) {
        if (query == null) {
            return;
        }
        if (cause == RemovalCause.EXPIRED) {
            expired.put(handle, Boolean.TRUE);
            LOG.info(
                    "A prepared statement of {} expired after {} unused; closing it",
                    query.user,
                    Durations.format(idleTimeout));
        }
        query.retire();
    }

    /**
     * One prepared statement: its session, statement, result and parameter schemas, and bound parameter rows. Its
     * session is closed once it is retired (closed or expired) and no execution uses it any more.
     */
    static final class PreparedQuery {
        final String user;
        final Connection connection;
        final PreparedStatement statement;
        final Schema schema;
        final Schema parameterSchema;
        /** The query as pushed down whole into one source, if the planner did (for the Arrow fast path). */
        final Optional<PushedDownQuery> planned;

        /** The bound parameter rows; null until the client binds any. */
        private List<List<Object>> parameterRows;

        private final Object useLock = new Object();
        private int uses;
        private boolean retired;

        PreparedQuery(
                String user,
                Connection connection,
                PreparedStatement statement,
                Schema schema,
                Schema params,
                Optional<PushedDownQuery> planned) {
            this.user = user;
            this.connection = connection;
            this.statement = statement;
            this.schema = schema;
            this.parameterSchema = params;
            this.planned = planned;
        }

        synchronized void bind(List<List<Object>> rows) {
            parameterRows = List.copyOf(rows);
        }

        /**
         * Runs the statement once per bound parameter row and returns the results one after the other (once, with
         * NULL parameters, when none were bound).
         */
        synchronized ResultSet execute() throws SQLException {
            if (parameterRows == null) {
                applyParameters(List.of());
                return statement.executeQuery();
            }
            List<List<Object>> rows = parameterRows;
            return ConcatenatedResults.of(statement.getMetaData(), rows.size(), index -> {
                applyParameters(rows.get(index));
                return statement.executeQuery();
            });
        }

        /** Sets one row's values on the statement; missing values are NULL. */
        private void applyParameters(List<Object> values) throws SQLException {
            ParameterMetaData metadata = statement.getParameterMetaData();
            for (int i = 1; i <= metadata.getParameterCount(); i++) {
                Object value = i <= values.size() ? values.get(i - 1) : null;
                if (value == null) {
                    statement.setNull(i, metadata.getParameterType(i));
                } else {
                    statement.setObject(i, value);
                }
            }
        }

        /** Marks an execution starting; false when the statement was retired meanwhile. */
        private boolean acquire() {
            synchronized (useLock) {
                if (retired) {
                    return false;
                }
                uses++;
                return true;
            }
        }

        private void release() {
            synchronized (useLock) {
                uses--;
                if (uses == 0 && retired) {
                    closeSession();
                }
            }
        }

        private void retire() {
            synchronized (useLock) {
                if (retired) {
                    return;
                }
                retired = true;
                if (uses == 0) {
                    closeSession();
                }
            }
        }

        private void closeSession() {
            try (Connection ignored = connection) {
                statement.close();
            } catch (SQLException e) {
                LOG.warn("Closing a prepared statement failed: {}", e.toString());
            }
        }
    }

    /** Work done with a prepared statement that must not be closed under it. */
    @FunctionalInterface
    interface Use {
        void run(PreparedQuery query);
    }

    /** Plans {@code sql} for {@code user} with {@code defaults}, returns the new handle; throws what planning threw. */
    ByteString prepare(String user, SessionDefaults defaults, String sql) throws SQLException {
        Connection connection = engine.openConnection(user, defaults);
        try {
            PreparedStatement statement;
            Optional<PushedDownQuery> planned;
            try (PushedDownQuery.PlanCapture plan = PushedDownQuery.capture()) {
                statement = connection.prepareStatement(sql);
                planned = plan.query();
            }
            Schema schema = ResultFieldMetadata.decorate(
                    ArrowConversion.schema(statement.getMetaData()), statement.getMetaData());
            Schema parameters = parameterSchema(statement.getParameterMetaData());
            ByteString handle = newHandle();
            queries.put(handle, new PreparedQuery(user, connection, statement, schema, parameters, planned));
            return handle;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The prepared statement behind {@code handle}, if {@code user} prepared it and it is still open. */
    PreparedQuery get(ByteString handle, String user) {
        PreparedQuery query = queries.getIfPresent(handle);
        if (query == null || !query.user.equals(user)) {
            throw missing(handle);
        }
        return query;
    }

    /**
     * Runs {@code use} with the prepared statement behind {@code handle}; it stays open while {@code use} runs, even if
     * it expires or is closed meanwhile, and its idle time counts from the end of the use.
     */
    void use(ByteString handle, String user, Use use) {
        PreparedQuery query = get(handle, user);
        if (!query.acquire()) {
            throw missing(handle);
        }
        try {
            use.run(query);
        } finally {
            query.release();
            queries.getIfPresent(handle);
        }
    }

    void close(ByteString handle, String user) {
        get(handle, user);
        queries.invalidate(handle);
    }

    @Override
    public void close() {
        queries.invalidateAll();
        queries.cleanUp();
    }

    private RuntimeException missing(ByteString handle) {
        String description = expired.getIfPresent(handle) != null
                ? "QUERY_INVALID: the prepared statement expired after " + Durations.format(idleTimeout)
                        + " without use (server.flight.prepared_statement_idle_timeout); prepare it again"
                : "QUERY_INVALID: unknown or closed prepared statement; prepare it again";
        return CallStatus.NOT_FOUND.withDescription(description).toRuntimeException();
    }

    /** One nullable field per parameter, typed as the engine inferred it; text where arrow-jdbc has no mapping. */
    private static Schema parameterSchema(ParameterMetaData metadata) throws SQLException {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= metadata.getParameterCount(); i++) {
            ArrowType type;
            try {
                type = ArrowConversion.arrowType(new JdbcFieldInfo(
                        metadata.getParameterType(i), metadata.getPrecision(i), metadata.getScale(i)));
            } catch (RuntimeException unsupported) {
                type = ArrowType.Utf8.INSTANCE;
            }
            fields.add(Field.nullable("parameter_" + i, type));
        }
        return new Schema(fields);
    }

    private static ByteString newHandle() {
        UUID id = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return ByteString.copyFrom(bytes.array());
    }
}
