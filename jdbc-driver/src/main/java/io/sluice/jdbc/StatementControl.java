package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * What Sluice adds to one Avatica statement: cancelling its query on the gateway, its query
 * timeout, and its chain of warnings.
 *
 * <p>Shared by {@link SluiceStatement} and {@link SluicePreparedStatement}, which extend different
 * Avatica classes; {@link SluiceConnection} calls {@link #executionStarting()} and
 * {@link #executionFinished()} around each execution.
 */
final class StatementControl {
    /** Implemented by the statements that have a control. */
    interface Holder {
        StatementControl control();
    }

    private final SluiceConnection connection;
    private final AvaticaStatement statement;
    private final AtomicBoolean cancelFlag;
    private final Object warningsLock = new Object();
    private SQLWarning warnings;
    private volatile boolean timedOut;
    private volatile boolean executed;

    /**
     * Creates the control of a statement.
     *
     * @param cancelFlag the statement's Avatica cancel flag, which its result sets check on each row
     */
    StatementControl(SluiceConnection connection, AvaticaStatement statement, AtomicBoolean cancelFlag) {
        this.connection = connection;
        this.statement = statement;
        this.cancelFlag = cancelFlag;
    }

    /**
     * Cancels the statement: stops its open result set on the client, then asks the gateway to stop
     * the query through the side channel.
     *
     * <p>Sets Avatica's cancel flag directly instead of calling {@code AvaticaStatement.cancel()}:
     * that method is {@code synchronized}, and the executing thread holds the statement's monitor
     * for the whole execute round trip ({@code RemoteMeta.prepareAndExecute} synchronizes on
     * {@code callback.getMonitor()}, which is the statement; {@code
     * AvaticaConnection.executeQueryInternal} synchronizes on the statement around
     * {@code meta.execute}), so it would wait for the very query it should stop.
     */
    void cancel() throws SQLException {
        cancel(HttpSideChannel.Reason.CANCEL);
    }

    private void cancel(HttpSideChannel.Reason reason) throws SQLException {
        cancelFlag.set(true);
        connection.sideChannel().cancel(connection.id, statement.handle.id, reason);
    }

    /**
     * Prepares for an execution: clears the warnings (as JDBC requires on each execution) and the
     * cancel flag. Avatica never clears the flag, so without this a statement cancelled once would
     * fail every later query with "Statement canceled".
     */
    void executionStarting() {
        cancelFlag.set(false);
        timedOut = false;
        executed = true;
        clearWarnings();
    }

    /**
     * Ends an execution, successful or not.
     *
     * @param failure what the execution threw, or {@code null} if it returned
     * @throws SQLTimeoutException if the query timeout struck during the execution
     */
    void executionFinished(Exception failure) throws SQLTimeoutException {
        if (timedOut) {
            throw new SQLTimeoutException(
                    "The query ran longer than the statement's query timeout of " + queryTimeoutSeconds()
                            + " s (Statement.setQueryTimeout) and was cancelled",
                    "HYT00",
                    failure);
        }
    }

    /** Called by the connection's timer when the query timeout strikes: cancels the statement. */
    void timeoutReached() {
        timedOut = true;
        try {
            cancel(HttpSideChannel.Reason.TIMEOUT);
        } catch (SQLException e) {
            addWarning(new SQLWarning(
                    "The query timeout was reached but the query could not be cancelled on the gateway: "
                            + e.getMessage(),
                    e.getSQLState(),
                    e));
        }
    }

    /** Returns the statement's query timeout in seconds; 0 means none. */
    int queryTimeoutSeconds() {
        try {
            return statement.getQueryTimeout();
        } catch (SQLException e) {
            return 0; // closed: nothing to time out
        }
    }

    /**
     * Returns the first warning of the chain, or {@code null} if there is none: one per quality rule that found violations in the rows the last execution read
     * (asked of the gateway on each call, since the counts grow as rows are read, and complete once
     * the result set is exhausted), then the driver's own warnings.
     */
    SQLWarning warnings() throws SQLException {
        SQLWarning own;
        synchronized (warningsLock) {
            own = warnings;
        }
        if (!executed) {
            return own;
        }
        List<String> messages = connection.sideChannel().qualityWarnings(connection.id, statement.handle.id);
        // A fresh chain each time (quality warnings first, then the driver's own): never append to the stored one.
        SQLWarning chain = own;
        for (int i = messages.size() - 1; i >= 0; i--) {
            SQLWarning quality = new SQLWarning(messages.get(i), QUALITY_WARNING_STATE);
            if (chain != null) {
                quality.setNextWarning(chain);
            }
            chain = quality;
        }
        return chain;
    }

    /** The SQLSTATE of quality warnings: class 01 (warning), subclass Q for quality. */
    static final String QUALITY_WARNING_STATE = "01Q00";

    void clearWarnings() {
        synchronized (warningsLock) {
            warnings = null;
        }
    }

    /**
     * Appends a warning to the chain that {@link java.sql.Statement#getWarnings()} returns.
     *
     * <p>Extension point for the gateway's warnings (e.g. a summary of the quality checks a query
     * ran), which will arrive through the side channel.
     */
    void addWarning(SQLWarning warning) {
        synchronized (warningsLock) {
            if (warnings == null) {
                warnings = warning;
            } else {
                warnings.setNextWarning(warning);
            }
        }
    }
}
