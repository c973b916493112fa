package io.sluice.gateway.config;

import java.util.Objects;

/**
 * Where the Arrow Flight SQL server (gRPC) listens.
 *
 * @param host host name or address to bind; default {@value #DEFAULT_HOST}, so that nothing is exposed by accident
 * @param port TCP port from 0 to 65535, 0 meaning any free port (for tests); default {@value #DEFAULT_PORT}
 * @param arrowPassThrough {@code arrow_pass_through}: answer a query pushed down whole into a source that exports Arrow
 *     (DuckDB) with the source's own Arrow batches instead of converting its rows; default true
 */
public record FlightServerConfig(String host, int port, boolean arrowPassThrough) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 32010;

    public FlightServerConfig {
        Objects.requireNonNull(host, "host");
    }

    /** A server on {@code host:port} with the default for everything else. */
    public FlightServerConfig(String host, int port) {
        this(host, port, true);
    }

    /** The settings used when {@code sluice.yaml} says nothing about this server. */
    public static FlightServerConfig defaults() {
        return new FlightServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }
}
