package io.sluice.gateway.execution;

import io.sluice.gateway.catalog.SluiceTypeSystem;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.catalog.SystemSchema;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import io.sluice.gateway.quality.CheckedSchemas;
import io.sluice.gateway.quality.RowRuleSet;
import io.sluice.gateway.quality.store.QualityStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.Schema;
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

    /** The name under which a session's default schema sits in its own root; {@code $} keeps it off source names. */
    static final String DEFAULT_SCHEMA = "$session";

    private final SourceCatalog catalog;
    private final RowRuleSet rules;
    private final @Nullable QualityStore store;
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
        this.rules = rules;
        this.store = store;
        this.root = CalciteSchema.createRootSchema(false, false);
        catalog.registerIn(root.plus(), rules);
        root.add(SystemSchema.NAME, new SystemSchema(catalog, store, rules));
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    /** A new session for {@code user}. */
    public Connection openConnection(String user) {
        return openConnection(user, SessionDefaults.NONE);
    }

    /** A new session for {@code user} whose unqualified table names resolve against {@code defaults}. */
    public Connection openConnection(String user, SessionDefaults defaults) {
        Properties properties = new Properties();
        // Source names and PostgreSQL/DuckDB identifiers are lower case: do not upper-case unquoted names.
        properties.setProperty(
                CalciteConnectionProperty.CASE_SENSITIVE.camelName(), String.valueOf(SqlLanguage.CASE_SENSITIVE));
        properties.setProperty(
                CalciteConnectionProperty.UNQUOTED_CASING.camelName(), SqlLanguage.UNQUOTED_CASING.name());
        properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), SqlLanguage.QUOTED_CASING.name());
        properties.setProperty(CalciteConnectionProperty.QUOTING.camelName(), SqlLanguage.QUOTING.name());
        properties.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), SqlLanguage.CONFORMANCE.name());
        properties.setProperty(CalciteConnectionProperty.FUN.camelName(), SqlLanguage.FUNCTION_LIBRARIES);
        properties.setProperty(
                CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), SqlLanguage.NULL_COLLATION.name());
        properties.setProperty(
                CalciteConnectionProperty.TYPE_SYSTEM.camelName(), SluiceTypeSystem.class.getName() + "#INSTANCE");
        properties.setProperty("user", user);
        if (defaults.catalog() == null) {
            return driver.connect(root, properties);
        }
        // Calcite applies the "schema" property only to connections made from a model; set it on the connection.
        Connection connection = defaults.schema() == null
                ? driver.connect(root, properties)
                : driver.connect(sessionRoot(defaults), properties);
        try {
            connection.setSchema(defaults.schema() == null ? defaults.catalog() : DEFAULT_SCHEMA);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot set the session's default schema: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was run on it; the error that made us close it is the one to report.
        }
    }

    /**
     * A root for one session with a default schema. Calcite resolves unqualified names against one default schema
     * <em>path of length one</em> (below the root) and the root itself, so the session's {@code catalog.schema} is
     * added to a root of its own under {@value #DEFAULT_SCHEMA}, beside every source; the sources are shared.
     */
    private CalciteSchema sessionRoot(SessionDefaults defaults) {
        CalciteSchema sessionRoot = CalciteSchema.createRootSchema(false, false);
        catalog.registerIn(sessionRoot.plus(), rules);
        sessionRoot.add(SystemSchema.NAME, new SystemSchema(catalog, store, rules));
        Schema schema = catalog.sources().stream()
                .filter(source -> source.name().equals(defaults.catalog()))
                .map(source -> CheckedSchemas.checked(source.name(), source.schema(), rules)
                        .subSchemas()
                        .get(defaults.schema()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (schema == null) {
            throw new SluiceException(
                    ErrorCode.SCHEMA_NOT_FOUND,
                    "The session's default schema " + defaults.catalog() + "." + defaults.schema()
                            + " does not exist.");
        }
        sessionRoot.add(DEFAULT_SCHEMA, schema);
        return sessionRoot;
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
