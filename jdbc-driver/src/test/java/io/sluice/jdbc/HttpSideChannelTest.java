package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSideChannelTest {
    /** What the server received: method, path, content type, body. */
    private record Received(String method, String path, String contentType, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 204;
    private volatile String responseBody = "";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] body = responseBody.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpSideChannel sideChannel() {
        return new HttpSideChannel("http://127.0.0.1:" + server.getAddress().getPort(), null, Duration.ofSeconds(5));
    }

    @Test
    void cancel_postsJsonWithConnectionAndStatementId() throws SQLException {
        sideChannel().cancel("0b1c6a4e-2f5d-4c1e-9a57-3d2f0e4b8c11", 7, HttpSideChannel.Reason.CANCEL);

        assertThat(received)
                .containsExactly(
                        new Received(
                                "POST",
                                "/sluice/v1/cancel",
                                "application/json; charset=utf-8",
                                "{\"connectionId\":\"0b1c6a4e-2f5d-4c1e-9a57-3d2f0e4b8c11\",\"statementId\":7,\"reason\":\"cancel\"}"));
    }

    @Test
    void cancel_anySuccessStatus() throws SQLException {
        status = 200;
        responseBody = "{\"cancelled\":true}";

        sideChannel().cancel("c", 1, HttpSideChannel.Reason.CANCEL);

        assertThat(received).hasSize(1);
    }

    @Test
    void cancel_notFound_meansNoSideChannel() {
        status = 404;

        assertThatThrownBy(() -> sideChannel().cancel("c", 1, HttpSideChannel.Reason.CANCEL))
                .isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("does not support cancelling statements")
                .hasMessageContaining("the query keeps running on the gateway");
    }

    @Test
    void cancel_refused() {
        status = 403;
        responseBody = "connection belongs to another user";

        assertThatThrownBy(() -> sideChannel().cancel("c", 3, HttpSideChannel.Reason.CANCEL))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "HY000")
                .hasMessageContaining("refused to cancel statement 3: HTTP 403: connection belongs to another user");
    }

    @Test
    void cancel_unreachable() throws IOException {
        HttpSideChannel closed =
                new HttpSideChannel("http://127.0.0.1:" + DriverTest.closedPort(), null, Duration.ofSeconds(5));

        assertThatThrownBy(() -> closed.cancel("c", 1, HttpSideChannel.Reason.CANCEL))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08S01")
                .hasMessageContaining("Could not send the request to cancel statement 1 to the Sluice gateway at"
                        + " http://127.0.0.1:");
    }

    @Test
    void cancelRequestBody_escapesJson() {
        assertThat(HttpSideChannel.cancelRequestBody("a\"b\\c\n", -2, HttpSideChannel.Reason.TIMEOUT))
                .isEqualTo("{\"connectionId\":\"a\\\"b\\\\c\\u000a\",\"statementId\":-2,\"reason\":\"timeout\"}");
    }
}
