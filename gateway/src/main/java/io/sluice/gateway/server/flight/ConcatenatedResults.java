package io.sluice.gateway.server.flight;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * One result set that reads the results of several executions one after the other, running each only when the one
 * before is exhausted: how a prepared statement bound to many parameter rows answers (Flight SQL semantics: the result
 * is the concatenation of the results for each row). Every call but {@code next}, {@code close}, {@code isClosed} and
 * {@code getMetaData} goes to the current result set.
 */
final class ConcatenatedResults implements InvocationHandler {

    /** Runs the execution at an index (0-based) and returns its result set. */
    @FunctionalInterface
    interface Executions {
        ResultSet execute(int index) throws SQLException;
    }

    private final ResultSetMetaData metadata;
    private final int count;
    private final Executions executions;
    private ResultSet current;
    private int nextIndex;
    private boolean closed;

    private ConcatenatedResults(ResultSetMetaData metadata, int count, Executions executions) {
        this.metadata = metadata;
        this.count = count;
        this.executions = executions;
    }

    /**
     * The concatenated results of {@code count} executions; the first runs now, so that its errors surface here.
     *
     * @param metadata the columns of every result, used when {@code count} is 0
     */
    static ResultSet of(ResultSetMetaData metadata, int count, Executions executions) throws SQLException {
        if (count == 1) {
            return executions.execute(0);
        }
        ConcatenatedResults handler = new ConcatenatedResults(metadata, count, executions);
        if (count > 0) {
            handler.advance();
        }
        return (ResultSet)
                Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class}, handler);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "next":
                return next();
            case "close":
                close();
                return null;
            case "isClosed":
                return closed;
            case "getMetaData":
                return current == null ? metadata : current.getMetaData();
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "ConcatenatedResults[" + nextIndex + " of " + count + " executions]";
            default:
                if (current == null) {
                    throw new SQLException("No current row: " + method.getName());
                }
                try {
                    return method.invoke(current, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
        }
    }

    private boolean next() throws SQLException {
        while (!closed) {
            if (current != null && current.next()) {
                return true;
            }
            if (nextIndex >= count) {
                return false;
            }
            advance();
        }
        return false;
    }

    private void advance() throws SQLException {
        if (current != null) {
            current.close();
        }
        current = executions.execute(nextIndex++);
    }

    private void close() throws SQLException {
        closed = true;
        if (current != null) {
            current.close();
        }
    }
}
