package io.sluice.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * A stand-in for the gateway's JDBC endpoint: Avatica's real protobuf handler and {@code JdbcMeta}
 * over in-process DuckDB, served on 127.0.0.1 at an ephemeral port, with the side channel's cancel
 * endpoint; it records what the driver sends.
 *
 * <p>Its cancel endpoint is a reference for the gateway's: it looks the statement up by the ids in
 * the request and cancels the JDBC statement running the query.
 */
final class TestingAvaticaGateway implements AutoCloseable {
    private static final Pattern CANCEL_BODY = Pattern.compile(
            "\\{\"connectionId\":\"([^\"]*)\",\"statementId\":(-?[0-9]+),\"reason\":\"(cancel|timeout)\"}");

    /**
     * A cancel request as received: whether its connection id named an open connection, and its
     * statement id a statement that was executing a query at that moment.
     */
    record CancelRequest(
            String contentType, String body, String reason, boolean knownConnection, boolean statementRunning) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "testing-avatica-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final RecordingMeta meta;
    private final List<Integer> fetchFrameSizes = new CopyOnWriteArrayList<>();
    private final List<CancelRequest> cancelRequests = new CopyOnWriteArrayList<>();
    private volatile String requiredPassword;

    private TestingAvaticaGateway() throws SQLException, IOException {
        meta = new RecordingMeta();
        Service service = new LocalService(meta) {
            @Override
            public FetchResponse apply(FetchRequest request) {
                fetchFrameSizes.add(request.fetchMaxRowCount);
                return super.apply(request);
            }
        };
        ProtobufHandler avatica =
                new ProtobufHandler(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor); // a cancel must be served while an execute request waits
        server.createContext("/", exchange -> serveAvatica(avatica, exchange));
        server.createContext(HttpSideChannel.CANCEL_PATH, this::serveCancel);
        server.start();
    }

    static TestingAvaticaGateway start() throws SQLException, IOException {
        return new TestingAvaticaGateway();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Returns the JDBC URL of this gateway, with the given query appended if not empty. */
    String url(String query) {
        return "jdbc:sluice://127.0.0.1:" + port() + (query.isEmpty() ? "" : "?" + query);
    }

    /** Makes the gateway refuse connections whose password differs, with SQLSTATE 28000. */
    void requirePassword(String password) {
        this.requiredPassword = password;
    }

    /** Returns the {@code info} of each OpenConnectionRequest received. */
    List<Map<String, String>> openedConnections() {
        return meta.opened;
    }

    /** Returns the frame size asked for by each FetchRequest received. */
    List<Integer> fetchFrameSizes() {
        return fetchFrameSizes;
    }

    List<CancelRequest> cancelRequests() {
        return cancelRequests;
    }

    /** Waits until some statement is executing a query on the gateway. */
    void awaitExecutionStarted() throws InterruptedException {
        if (!meta.executionStarted.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no query started executing on the testing gateway");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serveAvatica(ProtobufHandler avatica, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            Handler.HandlerResponse<byte[]> response;
            try {
                response = avatica.apply(request);
            } catch (Error e) {
                // AbstractHandler catches only Exceptions (e.g. not Avatica's own assertions);
                // without a response, Avatica's client would resend the request.
                response = avatica.convertToErrorResponse(new RuntimeException(e));
            }
            byte[] body = response.getResponse();
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(response.getStatusCode(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void serveCancel(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher matcher = CANCEL_BODY.matcher(body);
            if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String connectionId = matcher.group(1);
            int statementId = Integer.parseInt(matcher.group(2));
            boolean knownConnection = meta.knowsConnection(connectionId);
            boolean running = knownConnection && meta.running.contains(statementId);
            cancelRequests.add(new CancelRequest(
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body,
                    matcher.group(3),
                    knownConnection,
                    running));
            if (running) {
                executor.execute(() -> meta.cancelWhileRunning(statementId));
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** Avatica's JdbcMeta over DuckDB, recording connections and tracking running statements. */
    private final class RecordingMeta extends JdbcMeta {
        final List<Map<String, String>> opened = new CopyOnWriteArrayList<>();
        final Set<Integer> running = ConcurrentHashMap.newKeySet();
        final CountDownLatch executionStarted = new CountDownLatch(1);

        RecordingMeta() throws SQLException {
            super("jdbc:duckdb:");
        }

        @Override
        protected Connection createConnection(String url, Properties info) throws SQLException {
            Map<String, String> received = new HashMap<>();
            info.stringPropertyNames().forEach(name -> received.put(name, info.getProperty(name)));
            opened.add(received);
            String password = requiredPassword;
            if (password != null && !password.equals(info.getProperty("password"))) {
                throw new AvaticaRuntimeException(
                        "password authentication failed for user '" + info.getProperty("user") + "'",
                        0,
                        "28000",
                        AvaticaSeverity.ERROR);
            }
            return super.createConnection(url, new Properties()); // DuckDB rejects unknown settings
        }

        @Override
        public ExecuteResult prepareAndExecute(
                StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame, PrepareCallback callback)
                throws NoSuchStatementException {
            running.add(h.id);
            executionStarted.countDown();
            try {
                return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
            } finally {
                running.remove(h.id);
            }
        }

        @Override
        public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
                throws NoSuchStatementException {
            running.add(h.id);
            executionStarted.countDown();
            try {
                return super.execute(h, parameterValues, maxRowsInFirstFrame);
            } finally {
                running.remove(h.id);
            }
        }

        boolean knowsConnection(String connectionId) {
            return getConnectionCache().getIfPresent(connectionId) != null;
        }

        /**
         * Cancels a statement's JDBC statement until its execution ends: the request may arrive
         * just before DuckDB starts the query, when a single cancel would be lost.
         */
        void cancelWhileRunning(int statementId) {
            try {
                Statement statement = jdbcStatement(statementId);
                do {
                    statement.cancel();
                    Thread.sleep(20);
                } while (running.contains(statementId));
            } catch (SQLException | ReflectiveOperationException e) {
                throw new IllegalStateException("could not cancel statement " + statementId, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Returns the JDBC statement behind an Avatica statement id. */
        private Statement jdbcStatement(int statementId) throws ReflectiveOperationException {
            StatementInfo info = getStatementCache().getIfPresent(statementId);
            // StatementInfo keeps its statement package-private; a gateway with its own Meta has it at hand.
            Field field = StatementInfo.class.getDeclaredField("statement");
            field.setAccessible(true);
            return (Statement) field.get(info);
        }
    }
}
