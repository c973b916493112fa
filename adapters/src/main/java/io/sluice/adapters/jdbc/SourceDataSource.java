package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.SourceContext.StatementListener;
import io.sluice.adapters.spi.SourceUnavailableException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source the generated query code reads from: connection failures become {@link SourceUnavailableException}s
 * naming the source, and every statement opened is reported to the gateway so that it can be cancelled (through the
 * dialect, which knows how to make a cancel stick).
 */
final class SourceDataSource implements DataSource {

    private final String sourceName;
    private final DataSource delegate;
    private final StatementListener statementListener;
    private final JdbcSourceDialect dialect;

    SourceDataSource(
            String sourceName, DataSource delegate, StatementListener statementListener, JdbcSourceDialect dialect) {
        this.sourceName = sourceName;
        this.delegate = delegate;
        this.statementListener = statementListener;
        this.dialect = dialect;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection;
        try {
            connection = delegate.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
        return translating(connection, Connection.class);
    }

    /**
     * A proxy that turns connection failures (SQLSTATE class 08, e.g. pgjdbc's 08006 when the server went away, or
     * Connector/J's 08S01) into {@link SourceUnavailableException}s naming this source, and does the same for the
     * statements and metadata it hands out. Result sets are not wrapped: they are the per-row hot path.
     */
    private <T> T translating(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> invoke(target, method, args)));
    }

    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (target instanceof Statement statement && method.getName().equals("cancel") && args == null) {
            dialect.cancel(statement);
            return null;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql
                    && !(sql instanceof SourceUnavailableException)
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                throw unavailable(sql);
            }
            throw cause;
        }
        if (result instanceof CallableStatement statement) {
            return track(translating(statement, CallableStatement.class));
        }
        if (result instanceof PreparedStatement statement) {
            return track(translating(statement, PreparedStatement.class));
        }
        if (result instanceof Statement statement) {
            return track(translating(statement, Statement.class));
        }
        if (result instanceof DatabaseMetaData metaData) {
            return translating(metaData, DatabaseMetaData.class);
        }
        return result;
    }

    /** Hands a new statement (its proxy, whose cancel() goes through the dialect) to the gateway. */
    private <T extends Statement> T track(T statement) throws SQLException {
        try {
            statementListener.opened(statement);
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    private SourceUnavailableException unavailable(SQLException e) {
        return new SourceUnavailableException(
                sourceName, "Source '" + sourceName + "' is unavailable: " + rootMessage(e), e);
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
