package io.sluice.gateway.execution;

import io.sluice.gateway.catalog.SluiceTypeSystem;
import io.sluice.gateway.catalog.SourceCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;

/**
 * Opens engine sessions: a Calcite connection whose root schema holds every source. Sessions are cheap; the sources,
 * their pools and caches are shared.
 */
public final class QueryEngine {

    private static final Driver CALCITE = new Driver();

    private final SourceCatalog catalog;

    public QueryEngine(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    public SourceCatalog catalog() {
        return catalog;
    }

    /** A new session for {@code user}. */
    public Connection openConnection(String user) throws SQLException {
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
        Connection connection = CALCITE.connect("jdbc:calcite:", properties);
        catalog.registerIn(connection.unwrap(CalciteConnection.class).getRootSchema());
        return connection;
    }
}
