package io.sluice.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightClientMiddleware;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.client.ClientCookieMiddleware;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow's own Flight SQL client (no JDBC in between) logged in to a testing gateway as {@link TestingGateway#USER}, with
 * cookies kept as a browser would, so that the server's session cookie comes back on every call.
 */
public final class TestingFlightSqlClient implements AutoCloseable {

    private final BufferAllocator allocator = new RootAllocator();
    private final FlightClient client;
    private final FlightSqlClient sql;
    private final CallOption bearer;
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    public TestingFlightSqlClient(TestingGateway gateway) {
        client = FlightClient.builder(
                        allocator,
                        Location.forGrpcInsecure("127.0.0.1", gateway.gateway().flightPort()))
                .intercept(new ClientCookieMiddleware.Factory())
                .intercept(info -> new HeaderRecorder())
                .build();
        bearer = client.authenticateBasicToken(TestingGateway.USER, TestingGateway.PASSWORD)
                .orElseThrow(() -> new IllegalStateException("the gateway issued no bearer token"));
        sql = new FlightSqlClient(client);
    }

    public FlightSqlClient sql() {
        return sql;
    }

    public FlightClient flight() {
        return client;
    }

    /** The value of response header {@code name} in the last response that had it, or null. */
    public String lastHeader(String name) {
        return lastHeaders.get(name);
    }

    /** The credentials to pass to every call. */
    public CallOption bearer() {
        return bearer;
    }

    /**
     * One streamed endpoint: the schema it announced, its rows (each column's value as Arrow's getObject gives it), and
     * the last app metadata the stream carried as UTF-8 text, or null when it carried none.
     */
    public record Result(Schema schema, List<List<Object>> rows, String appMetadata) {}

    /** Reads every endpoint of {@code info} (each has one, reached over this connection). */
    public Result read(FlightInfo info) throws Exception {
        Schema schema = null;
        List<List<Object>> rows = new ArrayList<>();
        String appMetadata = null;
        for (FlightEndpoint endpoint : info.getEndpoints()) {
            try (FlightStream stream = sql.getStream(endpoint.getTicket(), bearer)) {
                schema = stream.getSchema();
                while (stream.next()) {
                    ArrowBuf metadata = stream.getLatestMetadata();
                    if (metadata != null) {
                        byte[] bytes = new byte[(int) metadata.readableBytes()];
                        metadata.getBytes(0, bytes);
                        appMetadata = new String(bytes, StandardCharsets.UTF_8);
                    }
                    VectorSchemaRoot root = stream.getRoot();
                    for (int row = 0; row < root.getRowCount(); row++) {
                        List<Object> values = new ArrayList<>();
                        for (int column = 0; column < root.getFieldVectors().size(); column++) {
                            values.add(root.getVector(column).getObject(row));
                        }
                        rows.add(values);
                    }
                }
            }
        }
        return new Result(schema, rows, appMetadata);
    }

    /** Remembers the response headers of every call. */
    private final class HeaderRecorder implements FlightClientMiddleware {
        @Override
        public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {}

        @Override
        public void onHeadersReceived(CallHeaders incomingHeaders) {
            for (String key : incomingHeaders.keys()) {
                String value = incomingHeaders.get(key);
                if (value != null) {
                    lastHeaders.put(key, value);
                }
            }
        }

        @Override
        public void onCallCompleted(CallStatus status) {}
    }

    @Override
    public void close() throws Exception {
        sql.close();
        allocator.close();
    }
}
