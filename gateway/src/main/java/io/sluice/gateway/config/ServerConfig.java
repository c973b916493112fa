package io.sluice.gateway.config;

import java.util.Objects;

/**
 * The {@code server:} section: where each of the gateway's servers listens.
 *
 * @param jdbc the Avatica JDBC server
 * @param flight the Arrow Flight SQL server
 * @param admin the admin server (health, metrics)
 */
public record ServerConfig(JdbcServerConfig jdbc, FlightServerConfig flight, AdminServerConfig admin) {

    public ServerConfig {
        Objects.requireNonNull(jdbc, "jdbc");
        Objects.requireNonNull(flight, "flight");
        Objects.requireNonNull(admin, "admin");
    }

    /** Every server on its default host and port. */
    public static ServerConfig defaults() {
        return new ServerConfig(
                JdbcServerConfig.defaults(), FlightServerConfig.defaults(), AdminServerConfig.defaults());
    }
}
