package io.sluice.gateway.execution;

import io.sluice.gateway.catalog.SluiceTypeSystem;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.catalog.SystemSchema;
import io.sluice.gateway.quality.RowRuleSet;
import io.sluice.gateway.quality.store.QualityStore;
import java.sql.Connection;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Opens engine sessions: Calcite connections that share one root schema holding every source. Sessions are cheap; the
 * sources, their pools and caches are shared.
 *
 * <p>The root is a non-caching schema: Calcite's default caching root snapshots every schema and table of a source
 * (one metadata query per table) the first time a session touches it, and would keep stale names forever. The sources
 * cache what they list themselves, with expiry.
 */
public final class QueryEngine {

    private final SourceCatalog catalog;
    private final CalciteSchema root;
    private final EngineDriver driver = new EngineDriver();

    public QueryEngine(SourceCatalog catalog) {
        this(catalog, RowRuleSet.NONE, null);
    }

    /**
     * An engine whose scans of tables with row rules in {@code rules} check every row they read, with the tables of
     * the quality results {@code store} (if any) under {@code sluice}.
     */
    public QueryEngine(SourceCatalog catalog, RowRuleSet rules, @Nullable QualityStore store) {
        this.catalog = catalog;
        this.root = CalciteSchema.createRootSchema(false, false);
        catalog.registerIn(root.plus(), rules);
        root.add(SystemSchema.NAME, new SystemSchema(catalog, store, rules));
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    /** A new session for {@code user}. */
    public Connection openConnection(String user) {
        Properties properties = new Properties();
        // Source names and PostgreSQL/DuckDB identifiers are lower case: do not upper-case unquoted names.
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
        properties.setProperty(CalciteConnectionProperty.QUOTING.camelName(), "DOUBLE_QUOTE");
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), "LENIENT");
        properties.setProperty(CalciteConnectionProperty.FUN.camelName(), "standard,postgresql");
        properties.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.HIGH.name());
        properties.setProperty(
                CalciteConnectionProperty.TYPE_SYSTEM.camelName(), SluiceTypeSystem.class.getName() + "#INSTANCE");
        properties.setProperty("user", user);
        return driver.connect(root, properties);
    }

    /** Calcite's driver, able to open a connection over a root schema we built (its own method is package-private). */
    private static final class EngineDriver extends Driver {
        EngineDriver() {
            super(SluicePrepare::new);
        }

        Connection connect(CalciteSchema rootSchema, Properties properties) {
            return ((CalciteFactory) factory)
                    .newConnection(this, factory, CONNECT_STRING_PREFIX, properties, rootSchema, null);
        }
    }
}
