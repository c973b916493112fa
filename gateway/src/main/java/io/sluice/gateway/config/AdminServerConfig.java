package io.sluice.gateway.config;

import java.util.Objects;

/**
 * Where the admin server (health, metrics) listens.
 *
 * @param host host name or address to bind; default {@value #DEFAULT_HOST}, so that nothing is exposed by accident
 * @param port TCP port from 0 to 65535, 0 meaning any free port (for tests); default {@value #DEFAULT_PORT}
 */
public record AdminServerConfig(String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public AdminServerConfig {
        Objects.requireNonNull(host, "host");
    }

    /** The settings used when {@code sluice.yaml} says nothing about this server. */
    public static AdminServerConfig defaults() {
        return new AdminServerConfig(DEFAULT_HOST, DEFAULT_PORT);
    }
}
