package io.sluice.gateway.server.jdbc;

import io.sluice.gateway.config.JdbcServerConfig;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.security.Authenticator;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The embedded Avatica server (HTTP + protobuf) that JDBC clients and the {@code sluice-jdbc} driver talk to. */
public final class JdbcServer implements AutoCloseable {

    private final HttpServer server;

    private JdbcServer(HttpServer server) {
        this.server = server;
    }

    public static JdbcServer start(
            JdbcServerConfig config,
            QueryEngine engine,
            Authenticator authenticator,
            RunningQueries runningQueries,
            ErrorTranslator errors)
            throws SQLException {
        SluiceMeta meta = new SluiceMeta(engine, authenticator, runningQueries);
        Service service = ErrorTranslatingService.wrap(new LocalService(meta), errors);
        // Avatica's builder has no host option: bind the connector in a customizer.
        ServerCustomizer<Server> bindHost = jetty -> {
            for (Connector connector : jetty.getConnectors()) {
                if (connector instanceof ServerConnector serverConnector) {
                    serverConnector.setHost(config.host());
                }
            }
        };
        HttpServer server = new HttpServer.Builder<Server>()
                .withHandler(new SluiceAvaticaHandler(service, runningQueries))
                .withPort(config.port())
                .withServerCustomizers(List.of(bindHost), Server.class)
                .build();
        server.start();
        return new JdbcServer(server);
    }

    /** The port the server listens on (useful when the config asked for port 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
