package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Avatica's remote connection plus what the gateway's side channel adds: each execution of a
 * {@link StatementControl.Holder} statement goes through {@link #execute}, which arms the query
 * timeout and prepares the statement's cancel flag and warnings.
 */
final class SluiceConnection extends AvaticaConnection {
    private final Object lock = new Object();
    private HttpSideChannel sideChannel;
    private ScheduledThreadPoolExecutor timer;

    SluiceConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
        super(driver, factory, url, info);
    }

    /** Returns the side channel to this connection's gateway, creating it on first use. */
    HttpSideChannel sideChannel() throws SQLException {
        synchronized (lock) {
            if (sideChannel == null) {
                sideChannel = HttpSideChannel.forConnection(config());
            }
            return sideChannel;
        }
    }

    @Override
    protected Meta.ExecuteResult prepareAndExecuteInternal(AvaticaStatement statement, String sql, long maxRowCount)
            throws SQLException, NoSuchStatementException {
        return execute(statement, () -> super.prepareAndExecuteInternal(statement, sql, maxRowCount));
    }

    @Override
    protected ResultSet executeQueryInternal(
            AvaticaStatement statement,
            Meta.Signature signature,
            Meta.Frame firstFrame,
            QueryState state,
            boolean isUpdate)
            throws SQLException {
        try {
            return execute(
                    statement, () -> super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate));
        } catch (NoSuchStatementException e) {
            throw new AssertionError("executeQueryInternal does not throw NoSuchStatementException", e);
        }
    }

    @Override
    protected long[] executeBatchUpdateInternal(AvaticaPreparedStatement statement) throws SQLException {
        try {
            return execute(statement, () -> super.executeBatchUpdateInternal(statement));
        } catch (NoSuchStatementException e) {
            throw new AssertionError("executeBatchUpdateInternal does not throw NoSuchStatementException", e);
        }
    }

    @Override
    protected Meta.ExecuteBatchResult prepareAndUpdateBatch(AvaticaStatement statement, List<String> queries)
            throws NoSuchStatementException, SQLException {
        return execute(statement, () -> super.prepareAndUpdateBatch(statement, queries));
    }

    /** One of Avatica's execution paths. */
    @FunctionalInterface
    private interface Execution<T> {
        T run() throws SQLException, NoSuchStatementException;
    }

    /**
     * Runs an execution of a statement: resets its cancel flag and warnings, and cancels it if it
     * outlives its query timeout. The timeout covers the execute round trip (the gateway runs the
     * query and returns its first frame), not the fetching of later frames.
     */
    private <T> T execute(AvaticaStatement statement, Execution<T> execution)
            throws SQLException, NoSuchStatementException {
        if (!(statement instanceof StatementControl.Holder)) {
            return execution.run();
        }
        StatementControl control = ((StatementControl.Holder) statement).control();
        control.executionStarting();
        int timeoutSeconds = control.queryTimeoutSeconds();
        ScheduledFuture<?> timeout =
                timeoutSeconds > 0 ? timer().schedule(control::timeoutReached, timeoutSeconds, TimeUnit.SECONDS) : null;
        T result;
        try {
            result = execution.run();
        } catch (SQLException | RuntimeException e) {
            control.executionFinished(e);
            throw e;
        } finally {
            if (timeout != null) {
                timeout.cancel(false);
            }
        }
        control.executionFinished(null);
        return result;
    }

    private ScheduledThreadPoolExecutor timer() {
        synchronized (lock) {
            if (timer == null) {
                timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                    Thread thread = new Thread(runnable, "sluice-jdbc-query-timeout");
                    thread.setDaemon(true);
                    return thread;
                });
                timer.setRemoveOnCancelPolicy(true);
                // An idle connection keeps no thread.
                timer.setKeepAliveTime(30, TimeUnit.SECONDS);
                timer.allowCoreThreadTimeOut(true);
            }
            return timer;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            super.close();
        } finally {
            synchronized (lock) {
                if (timer != null) {
                    timer.shutdownNow();
                }
            }
        }
    }
}
