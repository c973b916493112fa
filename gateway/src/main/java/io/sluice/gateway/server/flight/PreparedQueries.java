package io.sluice.gateway.server.flight;

import com.google.protobuf.ByteString;
import io.sluice.gateway.execution.PushedDownQuery;
import io.sluice.gateway.execution.QueryEngine;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * that re-running it skips planning. A handle is only usable by the user who prepared it.
 */
final class PreparedQueries implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PreparedQueries.class);

    private final QueryEngine engine;
    private final BufferAllocator allocator;
    private final ConcurrentMap<ByteString, PreparedQuery> queries = new ConcurrentHashMap<>();

    PreparedQueries(QueryEngine engine, BufferAllocator allocator) {
        this.engine = engine;
        this.allocator = allocator;
    }

    /** One prepared statement: its session, statement, result and parameter schemas, and bound parameter values. */
    static final class PreparedQuery {
        final String user;
        final Connection connection;
        final PreparedStatement statement;
        final Schema schema;
        final Schema parameterSchema;
        /** The query as pushed down whole into one source, if the planner did (for the Arrow fast path). */
        final Optional<PushedDownQuery> planned;

        private List<Object> parameters = List.of();

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

        synchronized void bind(List<Object> values) {
            parameters = List.copyOf(values);
        }

        /** Sets the bound values on the statement; unbound parameters are NULL. */
        synchronized void applyParameters() throws SQLException {
            ParameterMetaData metadata = statement.getParameterMetaData();
            for (int i = 1; i <= metadata.getParameterCount(); i++) {
                Object value = i <= parameters.size() ? parameters.get(i - 1) : null;
                if (value == null) {
                    statement.setNull(i, metadata.getParameterType(i));
                } else {
                    statement.setObject(i, value);
                }
            }
        }

        void close() {
            try (Connection ignored = connection) {
                statement.close();
            } catch (SQLException e) {
                LOG.warn("Closing a prepared statement failed: {}", e.toString());
            }
        }
    }

    /** Plans {@code sql} for {@code user} and returns the new handle; throws what planning threw. */
    ByteString prepare(String user, String sql) throws SQLException {
        Connection connection = engine.openConnection(user);
        try {
            PreparedStatement statement;
            Optional<PushedDownQuery> planned;
            try (PushedDownQuery.PlanCapture plan = PushedDownQuery.capture()) {
                statement = connection.prepareStatement(sql);
                planned = plan.query();
            }
            Schema schema = ArrowConversion.schema(statement.getMetaData(), allocator);
            Schema parameters = parameterSchema(statement.getParameterMetaData());
            ByteString handle = newHandle();
            queries.put(handle, new PreparedQuery(user, connection, statement, schema, parameters, planned));
            return handle;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The prepared statement behind {@code handle}, if {@code user} prepared it. */
    PreparedQuery get(ByteString handle, String user) {
        PreparedQuery query = queries.get(handle);
        if (query == null || !query.user.equals(user)) {
            throw CallStatus.NOT_FOUND
                    .withDescription("QUERY_INVALID: unknown or closed prepared statement")
                    .toRuntimeException();
        }
        return query;
    }

    void close(ByteString handle, String user) {
        get(handle, user);
        PreparedQuery query = queries.remove(handle);
        if (query != null) {
            query.close();
        }
    }

    @Override
    public void close() {
        queries.values().forEach(PreparedQuery::close);
        queries.clear();
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
