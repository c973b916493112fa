package io.sluice.gateway;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.quality.RuleRegistry;
import io.sluice.gateway.quality.RuleWatcher;
import io.sluice.gateway.quality.scan.Scanner;
import io.sluice.gateway.quality.scan.ScheduledScans;
import io.sluice.gateway.quality.store.QualityStore;
import io.sluice.gateway.security.Authenticator;
import io.sluice.gateway.server.flight.FlightServer;
import io.sluice.gateway.server.jdbc.JdbcServer;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The assembled gateway: sources, engine and servers, wired by hand in one place (no DI container). Closing it stops the
 * servers, then closes the sources.
 */
public final class Gateway implements AutoCloseable {

    /** How often the gateway looks for scheduled scans that are due (schedules are at least this coarse). */
    private static final Duration SCAN_TICK = Duration.ofSeconds(1);

    private final SluiceConfig config;
    private final SourceCatalog catalog;
    private final QualityStore store;
    private final RuleWatcher watcher;
    private final ScheduledScans scheduledScans;
    private final QueryEngine engine;
    private final JdbcServer jdbcServer;
    private final FlightServer flightServer;
    private final RunningQueries runningQueries;

    private Gateway(
            SluiceConfig config,
            SourceCatalog catalog,
            QualityStore store,
            QueryEngine engine,
            JdbcServer jdbcServer,
            FlightServer flightServer,
            RunningQueries runningQueries,
            RuleWatcher watcher,
            ScheduledScans scheduledScans) {
        this.watcher = watcher;
        this.scheduledScans = scheduledScans;
        this.runningQueries = runningQueries;
        this.config = config;
        this.catalog = catalog;
        this.store = store;
        this.engine = engine;
        this.jdbcServer = jdbcServer;
        this.flightServer = flightServer;
    }

    /** Opens the sources (without contacting them) and starts the JDBC and Flight SQL servers. */
    public static Gateway start(SluiceConfig config) throws SQLException {
        // The store's own statements are not part of any query: a cancelled query must still record its outcome.
        QualityStore store = QualityStore.open(config.qualityStore(), SourceContext.standalone(), Clock.systemUTC());
        RunningQueries runningQueries = new RunningQueries(store);
        SourceCatalog catalog;
        try {
            catalog = SourceCatalog.open(config.sources(), new SourceContext(runningQueries));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            RuleRegistry rules =
                    RuleRegistry.forCatalog(config.rulesDirectory(), catalog).loadOrThrow();
            QueryEngine engine = new QueryEngine(catalog, rules, store);
            Authenticator authenticator = new Authenticator(config.security());
            ErrorTranslator errors = new ErrorTranslator(catalog.names());
            JdbcServer jdbcServer =
                    JdbcServer.start(config.server().jdbc(), engine, authenticator, runningQueries, errors);
            FlightServer flightServer;
            try {
                flightServer =
                        FlightServer.start(config.server().flight(), engine, authenticator, runningQueries, errors);
            } catch (RuntimeException e) {
                jdbcServer.close();
                throw e;
            }
            RuleWatcher watcher;
            try {
                watcher = RuleWatcher.start(rules);
            } catch (IOException e) {
                flightServer.close();
                jdbcServer.close();
                throw new SluiceException(
                        ErrorCode.CONFIG_INVALID,
                        "Cannot watch the rules directory "
                                + config.rulesDirectory().orElseThrow() + " for changes: " + e.getMessage(),
                        e);
            }
            ScheduledScans scheduledScans = ScheduledScans.start(
                    Scanner.over(catalog, rules::ruleSet, store, Clock.systemUTC()), Clock.systemUTC(), SCAN_TICK);
            return new Gateway(
                    config, catalog, store, engine, jdbcServer, flightServer, runningQueries, watcher, scheduledScans);
        } catch (SQLException | RuntimeException e) {
            catalog.close();
            store.close();
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

    /** The port of the Arrow Flight SQL server. */
    public int flightPort() {
        return flightServer.port();
    }

    /**
     * The URL for the Arrow Flight SQL JDBC driver; with TLS, a client must also trust the server's certificate (for
     * instance with the driver's {@code trustStore} options).
     */
    public String flightJdbcUrl() {
        return "jdbc:arrow-flight-sql://" + config.server().flight().host() + ":" + flightServer.port()
                + "?useEncryption=" + config.server().flight().tls().isPresent();
    }

    /** The queries running now, over either protocol. */
    public RunningQueries runningQueries() {
        return runningQueries;
    }

    /** The Flight SQL server, for its memory accounting in tests. */
    public FlightServer flightServer() {
        return flightServer;
    }

    @Override
    public void close() {
        scheduledScans.close();
        watcher.close();
        flightServer.close();
        jdbcServer.close();
        catalog.close();
        store.close();
    }
}
