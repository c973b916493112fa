package io.sluice.adapters.jdbc.duckdb;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * Connections to one DuckDB database. Every {@code jdbc:duckdb:} connection opens a separate database instance (an
 * in-memory one would be a new empty database), so one root connection holds the instance and queries get cheap
 * {@link DuckDBConnection#duplicate() duplicates} of it. The root opens on first use.
 */
final class DuckDbDataSource implements DataSource, AutoCloseable {

    private final Optional<Path> path;
    private final boolean readOnly;
    private DuckDBConnection root;

    DuckDbDataSource(Optional<Path> path, boolean readOnly) {
        this.path = path;
        this.readOnly = readOnly;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (root == null || root.isClosed()) {
            Properties properties = new Properties();
            // Stream results chunk by chunk instead of materializing them in the driver.
            properties.setProperty("jdbc_stream_results", "true");
            if (readOnly) {
                properties.setProperty("duckdb.read_only", "true");
            }
            String url = "jdbc:duckdb:"
                    + path.map(p -> p.toAbsolutePath().toString()).orElse("");
            root = (DuckDBConnection) DriverManager.getConnection(url, properties);
            // DuckDB reads TIMESTAMP literals compared with TIMESTAMPTZ columns in its own TimeZone setting (the
            // operating system's by default); the gateway's values are in the JVM's zone, so make them agree.
            try (Statement statement = root.createStatement()) {
                statement.execute(
                        "SET GLOBAL TimeZone = '" + ZoneId.systemDefault().getId() + "'");
            }
        }
        return root.duplicate();
    }

    @Override
    public synchronized void close() throws SQLException {
        if (root != null) {
            root.close();
            root = null;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("DuckDB has no users");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
