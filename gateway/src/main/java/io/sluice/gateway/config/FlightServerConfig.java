package io.sluice.gateway.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the Arrow Flight SQL server (gRPC) listens, and how it sizes and bounds its streams.
 *
 * @param host host name or address to bind; default {@value #DEFAULT_HOST}, so that nothing is exposed by accident
 * @param port TCP port from 0 to 65535, 0 meaning any free port (for tests); default {@value #DEFAULT_PORT}
 * @param preparedStatementIdleTimeout {@code prepared_statement_idle_timeout}: how long a prepared statement that a
 *     client neither uses nor closes is kept before it expires (its engine session is closed); positive, default
 *     {@link #DEFAULT_PREPARED_STATEMENT_IDLE_TIMEOUT}
 * @param tls {@code tls}: the certificate and key to serve gRPC over TLS with; plaintext when absent (the default)
 * @param arrowPassThrough {@code arrow_pass_through}: answer a query pushed down whole into a source that exports Arrow
 *     (DuckDB) with the source's own Arrow batches instead of converting its rows; default true
 * @param streams record batch sizes and Arrow memory limits
 */
public record FlightServerConfig(
        String host,
        int port,
        Duration preparedStatementIdleTimeout,
        Optional<FlightTlsConfig> tls,
        boolean arrowPassThrough,
        FlightStreamConfig streams) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 32010;

    /**
     * Ten minutes: long enough for a notebook or a dashboard to re-run a statement between two looks at the screen,
     * short enough that a client that crashed or forgot to close does not pin a session for hours. Avatica's own
     * connection cache expires after the same time.
     */
    public static final Duration DEFAULT_PREPARED_STATEMENT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    public FlightServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(preparedStatementIdleTimeout, "preparedStatementIdleTimeout");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(streams, "streams");
        if (preparedStatementIdleTimeout.isNegative() || preparedStatementIdleTimeout.isZero()) {
            throw new IllegalArgumentException("preparedStatementIdleTimeout must be positive");
        }
    }

    /** Plaintext on {@code host:port}, with the default for everything else. */
    public FlightServerConfig(String host, int port) {
        this(
                host,
                port,
                DEFAULT_PREPARED_STATEMENT_IDLE_TIMEOUT,
                Optional.empty(),
                true,
                FlightStreamConfig.defaults());
    }

    /** The settings used when {@code sluice.yaml} says nothing about this server. */
    public static FlightServerConfig defaults() {
        return new FlightServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }
}
