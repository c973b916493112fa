package io.sluice.jdbc;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.calcite.avatica.ConnectionConfig;

/**
 * Client of the gateway's side channel: a small JSON-over-HTTP API beside the Avatica endpoint for
 * what Avatica's protocol lacks, today cancelling a running statement.
 *
 * <p>Cancel protocol: {@code POST http(s)://host:port/sluice/v1/cancel} with
 * {@code Content-Type: application/json; charset=utf-8} and the body
 * {@code {"connectionId":"<Avatica connection id>","statementId":<Avatica statement id>,"reason":"cancel"}}
 * — the ids the gateway's Avatica {@code Meta} already knows the connection and statement by, and
 * {@code "timeout"} instead of {@code "cancel"} when the statement's query timeout struck. The
 * gateway answers 2xx once it has asked the statement's query to stop, and also when nothing is
 * running or the ids are unknown, so a cancel can be retried and raced safely; the body of the
 * answer (e.g. {@code {"stopped":true}}) is not read. A 404 means the gateway has no side channel. The connection id is a random UUID that only the
 * client and the gateway see, which is what authorizes the request.
 *
 * <p>Uses the JDK's {@link HttpClient}, created on the first request, so that a connection that
 * never cancels costs nothing and the jar needs no HTTP library beyond Avatica's own.
 */
final class HttpSideChannel {
    static final String CANCEL_PATH = "/sluice/v1/cancel";
    static final String QUALITY_PATH = "/sluice/v1/quality";

    /** Why a statement is cancelled, as the cancel request's {@code reason} tells the gateway. */
    enum Reason {
        /** {@link java.sql.Statement#cancel()} was called. */
        CANCEL("cancel"),
        /** The statement's query timeout struck. */
        TIMEOUT("timeout");

        private final String json;

        Reason(String json) {
            this.json = json;
        }
    }

    /** How long a side-channel request may take once connected; the gateway answers at once. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI cancelUri;
    private final URI qualityUri;
    private final SSLContext sslContext;
    private final Duration connectTimeout;
    private volatile HttpClient client;

    /**
     * Creates a side channel.
     *
     * @param gatewayUrl the gateway's Avatica endpoint, {@code http(s)://host:port}
     * @param sslContext TLS settings for https, or {@code null} for the JVM's defaults
     * @param connectTimeout how long to wait for a TCP connection; zero waits without limit
     */
    HttpSideChannel(String gatewayUrl, SSLContext sslContext, Duration connectTimeout) {
        this.cancelUri = URI.create(gatewayUrl + CANCEL_PATH);
        this.qualityUri = URI.create(gatewayUrl + QUALITY_PATH);
        this.sslContext = sslContext;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Creates the side channel of a connection from the connection's Avatica configuration, so it
     * uses the same endpoint, trust store and connect timeout as the Avatica client.
     */
    static HttpSideChannel forConnection(ConnectionConfig config) throws SQLException {
        SSLContext sslContext = null;
        File trustStore = config.truststore();
        if (config.url().startsWith("https:") && trustStore != null) {
            sslContext = sslContext(trustStore, config.truststorePassword());
        }
        return new HttpSideChannel(config.url(), sslContext, Duration.ofMillis(config.getHttpConnectionTimeout()));
    }

    URI cancelUri() {
        return cancelUri;
    }

    /**
     * Asks the gateway to stop the query that a statement is running.
     *
     * @param connectionId the Avatica connection id ({@code AvaticaConnection.id})
     * @param statementId the Avatica statement id ({@code AvaticaStatement.handle.id})
     * @param reason why the statement is cancelled
     * @throws SQLFeatureNotSupportedException if the gateway has no side channel (HTTP 404)
     * @throws SQLException with SQLSTATE 08S01 if the request could not be sent, or HY000 if the
     *     gateway refused it
     */
    void cancel(String connectionId, int statementId, Reason reason) throws SQLException {
        String body = cancelRequestBody(connectionId, statementId, reason);
        HttpResponse<String> response = post(cancelUri, body, "cancel statement " + statementId);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status == 404) {
            throw new SQLFeatureNotSupportedException(
                    "The Sluice gateway at " + cancelUri.getAuthority() + " does not support cancelling statements"
                            + " (HTTP 404 from " + CANCEL_PATH + "); the query keeps running on the gateway");
        }
        throw new SQLException(
                "The Sluice gateway at " + cancelUri.getAuthority() + " refused to cancel statement " + statementId
                        + ": HTTP " + status + excerpt(response.body()),
                "HY000");
    }

    /**
     * Asks the gateway what the quality rules found in the rows of a statement's last execution.
     *
     * <p>Quality protocol: {@code POST http(s)://host:port/sluice/v1/quality} with the body
     * {@code {"connectionId":"…","statementId":3}}; the answer is UTF-8 text, a line
     * {@code query_id<TAB>id} and then one line {@code warning<TAB>message} per rule that found
     * violations. A gateway without quality rules answers 404 or nothing.
     *
     * @return the warning messages, in the gateway's order; empty when there are none
     * @throws SQLException with SQLSTATE 08S01 if the request could not be sent
     */
    List<String> qualityWarnings(String connectionId, int statementId) throws SQLException {
        String body = "{\"connectionId\":" + jsonString(connectionId) + ",\"statementId\":" + statementId + "}";
        HttpResponse<String> response = post(qualityUri, body, "read the quality outcome of statement " + statementId);
        if (response.statusCode() / 100 != 2) {
            return List.of();
        }
        List<String> warnings = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("warning\t")) {
                warnings.add(line.substring("warning\t".length()));
            }
        }
        return warnings;
    }

    private HttpResponse<String> post(URI uri, String json, String purpose) throws SQLException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException(
                    "Could not send the request to " + purpose + " to the Sluice gateway at " + uri + ": " + e,
                    "08S01",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(
                    "Interrupted while asking the Sluice gateway at " + uri + " to " + purpose, "08S01", e);
        }
    }

    /** Returns the JSON body of a cancel request. */
    static String cancelRequestBody(String connectionId, int statementId, Reason reason) {
        return "{\"connectionId\":" + jsonString(connectionId) + ",\"statementId\":" + statementId + ",\"reason\":\""
                + reason.json + "\"}";
    }

    private HttpClient client() {
        HttpClient result = client;
        if (result == null) {
            synchronized (this) {
                result = client;
                if (result == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            // The gateway's endpoint is Jetty behind Avatica; keep to plain HTTP/1.1
                            // like Avatica's own client instead of attempting an h2c upgrade.
                            .version(HttpClient.Version.HTTP_1_1)
                            .followRedirects(HttpClient.Redirect.NEVER);
                    if (!connectTimeout.isZero()) {
                        builder.connectTimeout(connectTimeout);
                    }
                    if (sslContext != null) {
                        builder.sslContext(sslContext);
                    }
                    result = builder.build();
                    client = result;
                }
            }
        }
        return result;
    }

    private static SSLContext sslContext(File trustStore, String password) throws SQLException {
        try (InputStream in = Files.newInputStream(trustStore.toPath())) {
            // The default type (PKCS12) also reads JKS files, as Avatica's client does.
            KeyStore keyStore = KeyStore.getInstance(KeyStore.getDefaultType());
            keyStore.load(in, password == null ? new char[0] : password.toCharArray());
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new SQLException("Could not load the trust store " + trustStore + ": " + e, "08001", e);
        }
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String trimmed = body.strip();
        return ": " + (trimmed.length() > 200 ? trimmed.substring(0, 200) + "..." : trimmed);
    }

    private static String jsonString(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
