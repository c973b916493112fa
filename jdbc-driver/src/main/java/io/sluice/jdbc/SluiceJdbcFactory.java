package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Creates the driver's JDBC objects: Sluice connections and statements, Avatica's result sets and
 * metadata (Avatica's own JDBC 4.1 factory is package-private, so this one stands in for it).
 */
final class SluiceJdbcFactory implements AvaticaFactory {
    @Override
    public int getJdbcMajorVersion() {
        return 4;
    }

    @Override
    public int getJdbcMinorVersion() {
        return 1;
    }

    @Override
    public AvaticaConnection newConnection(
            UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
        return new SluiceConnection(driver, factory, url, info);
    }

    @Override
    public AvaticaStatement newStatement(
            AvaticaConnection connection,
            Meta.StatementHandle handle,
            int resultSetType,
            int resultSetConcurrency,
            int resultSetHoldability) {
        return new SluiceStatement(connection, handle, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public AvaticaPreparedStatement newPreparedStatement(
            AvaticaConnection connection,
            Meta.StatementHandle handle,
            Meta.Signature signature,
            int resultSetType,
            int resultSetConcurrency,
            int resultSetHoldability)
            throws SQLException {
        return new SluicePreparedStatement(
                connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public AvaticaResultSet newResultSet(
            AvaticaStatement statement,
            QueryState state,
            Meta.Signature signature,
            TimeZone timeZone,
            Meta.Frame firstFrame)
            throws SQLException {
        return new SluiceResultSet(
                statement, state, signature, newResultSetMetaData(statement, signature), timeZone, firstFrame);
    }

    @Override
    public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
        return new SluiceDatabaseMetaData(connection);
    }

    @Override
    public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature) {
        return new AvaticaResultSetMetaData(statement, null, signature);
    }

    /**
     * Avatica's database metadata (whose constructor is protected), plus primary keys: Avatica's protocol has no
     * request for them, so they are read from the gateway's {@code sluice.primary_keys} table.
     */
    private static final class SluiceDatabaseMetaData extends AvaticaDatabaseMetaData {
        private final AvaticaConnection connection;

        SluiceDatabaseMetaData(AvaticaConnection connection) {
            super(connection);
            this.connection = connection;
        }

        @Override
        public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
            StringBuilder sql = new StringBuilder(
                            "SELECT TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, KEY_SEQ, PK_NAME FROM sluice.primary_keys"
                                    + " WHERE TABLE_NAME = ")
                    .append(literal(table));
            if (catalog != null) {
                sql.append(" AND TABLE_CAT = ").append(literal(catalog));
            }
            if (schema != null) {
                sql.append(" AND TABLE_SCHEM = ").append(literal(schema));
            }
            sql.append(" ORDER BY COLUMN_NAME");
            Statement statement = connection.createStatement();
            statement.closeOnCompletion();
            return statement.executeQuery(sql.toString());
        }

        /** A SQL string literal; the values are names the caller passed, so quotes are doubled, not trusted. */
        private static String literal(String value) {
            if (value == null) {
                throw new IllegalArgumentException("getPrimaryKeys needs a table name");
            }
            return "'" + value.replace("'", "''") + "'";
        }
    }
}
