package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
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

    /** Returns the first warning of the chain, or {@code null} if there is none. */
    SQLWarning warnings() {
        synchronized (warningsLock) {
            return warnings;
        }
    }

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
