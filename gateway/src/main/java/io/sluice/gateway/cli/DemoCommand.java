package io.sluice.gateway.cli;

import io.sluice.gateway.Gateway;
import io.sluice.gateway.config.ConfigLoader;
import io.sluice.gateway.demo.DemoConfig;
import io.sluice.gateway.demo.DemoData;
import io.sluice.gateway.demo.DemoQueries;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sluice demo}: generates TPC-H demo data on first start and serves it, with no database server needed. */
@Command(
        name = "demo",
        description = {
            "Serves a TPC-H demo (scale factor 0.01) from two DuckDB files, warehouse and crm, generated on the first"
                    + " start, and prints example queries. Runs until stopped with Ctrl-C."
        })
final class DemoCommand extends SluiceSubcommand {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data/demo",
            description = "Where the demo databases and their config are kept (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8765",
            description = "The JDBC port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    int run() throws IOException, SQLException, InterruptedException {
        DemoData data = new DemoData(dataDirectory, DemoData.SCALE_FACTOR, err());
        data.ensure();
        Path configFile = DemoConfig.write(data, port);
        return new GatewayRunner(out(), err())
                .runUntilStopped(new ConfigLoader().load(configFile), gateway -> announce(gateway, configFile));
    }

    private void announce(Gateway gateway, Path configFile) {
        out().println();
        out().println("Sluice demo is up: TPC-H in two DuckDB sources, warehouse (orders, lineitem, part, partsupp,"
                + " supplier) and crm (customer, nation, region).");
        out().println();
        out().println("  JDBC URL:  " + gateway.jdbcUrl() + "   (no user or password needed)");
        out().println("  Avatica:   " + gateway.avaticaUrl());
        out().println("  Flight:    " + gateway.flightJdbcUrl() + "   (Arrow Flight SQL JDBC driver)");
        out().println("  Config:    " + configFile);
        out().println();
        out().println("Try these in any SQL client, or with: sluice query --config " + configFile + " \"<SQL>\"");
        for (DemoQueries.DemoQuery query : DemoQueries.ALL) {
            out().println();
            out().println("-- " + query.title());
            out().println(query.sql() + ";");
        }
        out().println();
        out().println("EXPLAIN PLAN FOR <SQL> shows the SQL sent to each source. Press Ctrl-C to stop.");
    }
}
