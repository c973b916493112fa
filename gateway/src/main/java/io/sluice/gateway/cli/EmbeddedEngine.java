package io.sluice.gateway.cli;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import java.sql.Connection;
import java.sql.SQLException;

/** The engine over every configured source, in this process and without any server: what one-shot commands query. */
final class EmbeddedEngine implements AutoCloseable {

    /** The session user of CLI queries. */
    static final String USER = "cli";

    private final SourceCatalog catalog;
    private final QueryEngine engine;
    private final ErrorTranslator errors;

    private EmbeddedEngine(SourceCatalog catalog) {
        this.catalog = catalog;
        this.engine = new QueryEngine(catalog);
        this.errors = new ErrorTranslator(catalog.names());
    }

    /** Opens the sources (without contacting them yet). */
    static EmbeddedEngine open(SluiceConfig config) {
        return new EmbeddedEngine(SourceCatalog.open(config.sources(), new SourceContext(new RunningQueries())));
    }

    SourceCatalog catalog() {
        return catalog;
    }

    Connection connect() throws SQLException {
        return engine.openConnection(USER);
    }

    /** The user-facing form of whatever a query threw, naming the configured sources where that helps. */
    SluiceException translate(Throwable error) {
        return errors.translate(error);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
