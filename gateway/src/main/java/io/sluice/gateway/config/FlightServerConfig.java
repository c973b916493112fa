package io.sluice.gateway.config;

import java.util.Objects;

/**
 * Where the Arrow Flight SQL server (gRPC) listens, and how it sizes and bounds its streams.
 *
 * @param host host name or address to bind; default {@value #DEFAULT_HOST}, so that nothing is exposed by accident
 * @param port TCP port from 0 to 65535, 0 meaning any free port (for tests); default {@value #DEFAULT_PORT}
 * @param streams record batch sizes and Arrow memory limits
 */
public record FlightServerConfig(String host, int port, FlightStreamConfig streams) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 32010;

    public FlightServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(streams, "streams");
    }

    /** A server on {@code host} and {@code port} with the default batch sizes and memory limits. */
    public FlightServerConfig(String host, int port) {
        this(host, port, FlightStreamConfig.defaults());
    }

    /** The settings used when {@code sluice.yaml} says nothing about this server. */
    public static FlightServerConfig defaults() {
        return new FlightServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }
}
