package io.sluice.gateway.cli;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.error.ErrorTranslator;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.execution.QueryEngine;
import io.sluice.gateway.execution.RunningQueries;
import io.sluice.gateway.quality.RowRuleSet;
import io.sluice.gateway.quality.RuleRegistry;
import io.sluice.quality.model.RuleSet;
import java.sql.Connection;
import java.sql.SQLException;

/** The engine over every configured source, in this process and without any server: what one-shot commands query. */
final class EmbeddedEngine implements AutoCloseable {

    /** The session user of CLI queries. */
    static final String USER = "cli";

    private final SourceCatalog catalog;
    private final RowRuleSet rules;
    private final QueryEngine engine;
    private final ErrorTranslator errors;

    private EmbeddedEngine(SourceCatalog catalog, RowRuleSet rules) {
        this.catalog = catalog;
        this.rules = rules;
        this.engine = new QueryEngine(catalog, rules, null);
        this.errors = new ErrorTranslator(catalog.names());
    }

    /** Opens the sources (without contacting them yet), without quality rules. */
    static EmbeddedEngine open(SluiceConfig config) {
        return new EmbeddedEngine(openCatalog(config), RowRuleSet.NONE);
    }

    /**
     * Opens the sources and loads the quality rules, so that queries are checked as the gateway checks them (outcomes
     * are logged; there is no results store in process).
     *
     * @throws SluiceException CONFIG_INVALID when the rules are invalid
     */
    static EmbeddedEngine openWithRules(SluiceConfig config) {
        SourceCatalog catalog = openCatalog(config);
        try {
            return new EmbeddedEngine(
                    catalog,
                    RuleRegistry.forCatalog(config.rulesDirectory(), catalog).loadOrThrow());
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
    }

    private static SourceCatalog openCatalog(SluiceConfig config) {
        return SourceCatalog.open(config.sources(), new SourceContext(new RunningQueries()));
    }

    SourceCatalog catalog() {
        return catalog;
    }

    /** The quality rules loaded by {@link #openWithRules}; none otherwise. */
    RuleSet ruleSet() {
        return rules instanceof RuleRegistry registry ? registry.ruleSet() : RuleSet.EMPTY;
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
