package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.SourceContext.StatementListener;
import io.sluice.adapters.spi.SourceUnavailableException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source the generated query code reads from: connection failures become {@link SourceUnavailableException}s
 * naming the source, and every statement opened is reported to the gateway so that it can be cancelled.
 */
final class SourceDataSource implements DataSource {

    private final String sourceName;
    private final DataSource delegate;
    private final StatementListener statementListener;

    SourceDataSource(String sourceName, DataSource delegate, StatementListener statementListener) {
        this.sourceName = sourceName;
        this.delegate = delegate;
        this.statementListener = statementListener;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection;
        try {
            connection = delegate.getConnection();
        } catch (SQLException e) {
            throw new SourceUnavailableException(
                    sourceName, "Source '" + sourceName + "' is unavailable: " + rootMessage(e), e);
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> invokeAndTrack(connection, method, args));
    }

    private Object invokeAndTrack(Connection connection, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (result instanceof Statement statement) {
            statementListener.opened(statement);
        }
        return result;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Source credentials come from sluice.yaml");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate.isWrapperFor(type);
    }
}
