package io.sluice.gateway.execution;

import io.sluice.gateway.catalog.SluiceTypeSystem;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.catalog.SystemSchema;
import java.sql.Connection;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;

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
        this.catalog = catalog;
        this.root = CalciteSchema.createRootSchema(false, false);
        catalog.registerIn(root.plus());
        root.add(SystemSchema.NAME, new SystemSchema(catalog));
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    /** A new session for {@code user}. */
    public Connection openConnection(String user) {
        Properties properties = new Properties();
        // Source names and PostgreSQL/DuckDB identifiers are lower case: do not upper-case unquoted names.
        properties.setProperty(
                CalciteConnectionProperty.CASE_SENSITIVE.camelName(), String.valueOf(SqlLanguage.CASE_SENSITIVE));
        properties.setProperty(
                CalciteConnectionProperty.UNQUOTED_CASING.camelName(), SqlLanguage.UNQUOTED_CASING.name());
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), SqlLanguage.QUOTED_CASING.name());
        properties.setProperty(CalciteConnectionProperty.QUOTING.camelName(), SqlLanguage.QUOTING.name());
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), "LENIENT");
        properties.setProperty(CalciteConnectionProperty.FUN.camelName(), SqlLanguage.FUNCTION_LIBRARIES);
        properties.setProperty(
                CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), SqlLanguage.NULL_COLLATION.name());
        properties.setProperty(
                CalciteConnectionProperty.TYPE_SYSTEM.camelName(), SluiceTypeSystem.class.getName() + "#INSTANCE");
        properties.setProperty("user", user);
        return driver.connect(root, properties);
    }

    /** Calcite's driver, able to open a connection over a root schema we built (its own method is package-private). */
    private static final class EngineDriver extends Driver {
        Connection connect(CalciteSchema rootSchema, Properties properties) {
            return ((CalciteFactory) factory)
                    .newConnection(this, factory, CONNECT_STRING_PREFIX, properties, rootSchema, null);
        }
    }
}
