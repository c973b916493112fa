package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/** Avatica's result set, whose warnings are its statement's: the quality outcome of the rows it read. */
final class SluiceResultSet extends AvaticaResultSet {

    SluiceResultSet(
            AvaticaStatement statement,
            QueryState state,
            Meta.Signature signature,
            ResultSetMetaData metaData,
            TimeZone timeZone,
            Meta.Frame firstFrame)
            throws SQLException {
        super(statement, state, signature, metaData, timeZone, firstFrame);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return statement instanceof StatementControl.Holder holder
                ? holder.control().warnings()
                : null;
    }
}
