package io.sluice.gateway;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.security.Authenticator;
import io.sluice.gateway.server.jdbc.JdbcServer;
import java.sql.SQLException;

/**
 * The assembled gateway: sources, engine and servers, wired by hand in one place (no DI container). Closing it stops the
 * servers, then closes the sources.
 */
public final class Gateway implements AutoCloseable {

    private final SluiceConfig config;
    private final SourceCatalog catalog;
    private final QueryEngine engine;
    private final JdbcServer jdbcServer;

    private Gateway(SluiceConfig config, SourceCatalog catalog, QueryEngine engine, JdbcServer jdbcServer) {
        this.config = config;
        this.catalog = catalog;
        this.engine = engine;
        this.jdbcServer = jdbcServer;
    }

    /** Opens the sources (without contacting them) and starts the JDBC server. */
    public static Gateway start(SluiceConfig config) throws SQLException {
        RunningQueries runningQueries = new RunningQueries();
        SourceCatalog catalog = SourceCatalog.open(config.sources(), new SourceContext(runningQueries));
        try {
            QueryEngine engine = new QueryEngine(catalog);
            JdbcServer jdbcServer = JdbcServer.start(
                    config.server().jdbc(),
                    engine,
                    new Authenticator(config.security()),
                    runningQueries,
                    new ErrorTranslator(catalog.names()));
            return new Gateway(config, catalog, engine, jdbcServer);
        } catch (SQLException | RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    public QueryEngine engine() {
        return engine;
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    /** The URL for the {@code sluice-jdbc} driver. */
    public String jdbcUrl() {
        return "jdbc:sluice://" + config.server().jdbc().host() + ":" + jdbcServer.port();
    }

    /** The URL for Avatica's own remote driver, for clients without the Sluice driver. */
    public String avaticaUrl() {
        return "jdbc:avatica:remote:url=http://" + config.server().jdbc().host() + ":" + jdbcServer.port()
                + ";serialization=protobuf";
    }

    public int jdbcPort() {
        return jdbcServer.port();
    }

    @Override
    public void close() {
        jdbcServer.close();
        catalog.close();
    }
}
