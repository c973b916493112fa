package io.sluice.gateway.server.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.execution.SessionDefaults;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Prepared statement handles on a real (source-less) engine: idle ones expire and their engine session is closed,
 * but never under a running execution; bound parameter rows run one after the other.
 */
class PreparedQueriesTest {

    private static final String USER = "alice";

    private final SourceCatalog catalog = SourceCatalog.open(Map.of(), new SourceContext(new RunningQueries()));
    private final QueryEngine engine = new QueryEngine(catalog);
    private final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void close() {
        allocator.close();
        catalog.close();
    }

    @Test
    void idleHandle_expires_closesItsSession_andSaysSo() throws Exception {
        try (PreparedQueries prepared = new PreparedQueries(engine, allocator, Duration.ofMillis(200))) {
            ByteString handle = prepared.prepare(USER, SessionDefaults.NONE, "SELECT 1");
            PreparedQueries.PreparedQuery query = prepared.get(handle, USER);
            // Nobody touches the handle: expiry happens on the cache's own schedule.
            for (int i = 0; i < 200 && !query.connection.isClosed(); i++) {
                Thread.sleep(50);
            }
            assertThat(query.connection.isClosed()).isTrue();
            FlightRuntimeException expired =
                    catchThrowableOfType(FlightRuntimeException.class, () -> prepared.get(handle, USER));
            assertThat(expired.status().code()).isEqualTo(FlightStatusCode.NOT_FOUND);
            assertThat(expired.getMessage())
                    .contains("expired after 200ms without use (server.flight.prepared_statement_idle_timeout)")
                    .contains("prepare it again");
            assertThat(query.connection.isClosed()).isTrue();
        }
    }

    @Test
    void handleInUse_isNotClosedUnderTheExecution() throws Exception {
        try (PreparedQueries prepared = new PreparedQueries(engine, allocator, Duration.ofMillis(200))) {
            ByteString handle = prepared.prepare(USER, SessionDefaults.NONE, "SELECT 1");
            PreparedQueries.PreparedQuery[] used = new PreparedQueries.PreparedQuery[1];
            prepared.use(handle, USER, query -> {
                used[0] = query;
                try {
                    Thread.sleep(600);
                    assertThat(catchThrowableOfType(FlightRuntimeException.class, () -> prepared.get(handle, USER))
                                    .getMessage())
                            .contains("expired after 200ms");
                    assertThat(query.connection.isClosed()).isFalse();
                    try (ResultSet rs = query.execute()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(used[0].connection.isClosed()).isTrue();
        }
    }

    @Test
    void closedHandle_closesItsSession_andOnlyItsUserSeesIt() throws Exception {
        try (PreparedQueries prepared = new PreparedQueries(engine, allocator, Duration.ofMinutes(10))) {
            ByteString handle = prepared.prepare(USER, SessionDefaults.NONE, "SELECT 1");
            PreparedQueries.PreparedQuery query = prepared.get(handle, USER);
            FlightRuntimeException other =
                    catchThrowableOfType(FlightRuntimeException.class, () -> prepared.get(handle, "bob"));
            assertThat(other.getMessage()).contains("unknown or closed prepared statement; prepare it again");
            prepared.close(handle, USER);
            assertThat(query.connection.isClosed()).isTrue();
            assertThat(catchThrowableOfType(FlightRuntimeException.class, () -> prepared.get(handle, USER))
                            .getMessage())
                    .contains("unknown or closed");
        }
    }

    @Test
    void manyParameterRows_runOneAfterTheOther() throws Exception {
        try (PreparedQueries prepared = new PreparedQueries(engine, allocator, Duration.ofMinutes(10))) {
            ByteString handle = prepared.prepare(
                    USER, SessionDefaults.NONE, "SELECT x * 10 FROM (VALUES (1), (2), (3)) AS t(x) WHERE x >= ?");
            PreparedQueries.PreparedQuery query = prepared.get(handle, USER);
            query.bind(List.of(List.of(3), List.of(1), List.of(4), List.of(2)));
            assertThat(values(query.execute())).containsExactly(30, 10, 20, 30, 20, 30);
            query.bind(List.of());
            assertThat(values(query.execute())).isEmpty();
        }
    }

    private static List<Integer> values(ResultSet rs) throws Exception {
        List<Integer> values = new java.util.ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getInt(1));
            }
        }
        return values;
    }
}
