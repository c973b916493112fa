package io.sluice.gateway.cli;

import io.sluice.gateway.Gateway;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sluice serve}: runs the gateway from a config file until Ctrl-C. */
@Command(
        name = "serve",
        description = {"Starts the gateway and serves JDBC clients until stopped with Ctrl-C."})
final class ServeCommand extends SluiceSubcommand {

    @Mixin
    ConfigOption config;

    @Override
    int run() throws SQLException, InterruptedException {
        return new GatewayRunner(out(), err()).runUntilStopped(config.load(), this::announce);
    }

    private void announce(Gateway gateway) {
        out().println("Sluice is up. Sources: "
                + String.join(", ", gateway.catalog().names()));
        out().println("  JDBC URL (sluice-jdbc driver): " + gateway.jdbcUrl());
        out().println("  Avatica remote driver URL:     " + gateway.avaticaUrl());
        out().println("  Arrow Flight SQL JDBC URL:     " + gateway.flightJdbcUrl());
        out().println("Press Ctrl-C to stop.");
    }
}
