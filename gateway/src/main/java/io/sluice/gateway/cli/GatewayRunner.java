package io.sluice.gateway.cli;

import io.sluice.gateway.Gateway;
import io.sluice.gateway.config.JdbcServerConfig;
import io.sluice.gateway.config.SluiceConfig;
import java.io.PrintWriter;
import java.net.BindException;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** Starts a gateway and keeps it up until the process is stopped (Ctrl-C), closing it on the way out. */
final class GatewayRunner {

    private final PrintWriter out;
    private final PrintWriter err;

    GatewayRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Starts the gateway, lets {@code announce} print how to reach it, then blocks until the JVM shuts down. Returns
     * only when the gateway could not start because its port is taken.
     */
    int runUntilStopped(SluiceConfig config, Consumer<Gateway> announce) throws SQLException, InterruptedException {
        Gateway gateway;
        try {
            gateway = Gateway.start(config);
        } catch (RuntimeException e) {
            if (!hasBindException(e)) {
                throw e;
            }
            JdbcServerConfig jdbc = config.server().jdbc();
            err.println("ERROR: Cannot listen on " + jdbc.host() + ":" + jdbc.port()
                    + " (the port is in use or not allowed). Stop the other process or change server.jdbc.port.");
            return ExitCodes.FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(gateway), "sluice-shutdown"));
        announce.accept(gateway);
        out.flush();
        // Nothing releases this latch: the process ends on SIGINT/SIGTERM, after the shutdown hook closed the gateway.
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    private void stop(Gateway gateway) {
        err.println("Stopping Sluice…");
        err.flush();
        gateway.close();
    }

    private static boolean hasBindException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
