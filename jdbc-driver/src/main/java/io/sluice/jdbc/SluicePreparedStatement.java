package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLWarning;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.Meta;

/** Avatica's prepared statement whose {@link #cancel()} also stops the query on the gateway, with warnings. */
final class SluicePreparedStatement extends AvaticaPreparedStatement implements StatementControl.Holder {
    private final StatementControl control;

    SluicePreparedStatement(
            AvaticaConnection connection,
            Meta.StatementHandle handle,
            Meta.Signature signature,
            int resultSetType,
            int resultSetConcurrency,
            int resultSetHoldability)
            throws SQLException {
        super(connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
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
