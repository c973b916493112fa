package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLWarning;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** Avatica's statement whose {@link #cancel()} also stops the query on the gateway, with warnings. */
final class SluiceStatement extends AvaticaStatement implements StatementControl.Holder {
    private final StatementControl control;

    SluiceStatement(
            AvaticaConnection connection,
            Meta.StatementHandle handle,
            int resultSetType,
            int resultSetConcurrency,
            int resultSetHoldability) {
        super(connection, handle, resultSetType, resultSetConcurrency, resultSetHoldability);
        this.control = new StatementControl((SluiceConnection) connection, this, cancelFlag);
    }

    @Override
    public StatementControl control() {
        return control;
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        control.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return control.warnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        control.clearWarnings();
    }
}
