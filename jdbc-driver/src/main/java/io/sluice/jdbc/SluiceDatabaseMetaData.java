package io.sluice.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Avatica's database metadata (whose constructor is protected) with the gateway's truth where Avatica answers with a
 * constant of its own, so that this driver and the gateway's Flight SQL endpoint ({@code GetSqlInfo}) tell clients the
 * same: names match case-insensitively and are kept as written, NULL sorts high, {@code $} may appear in names, the
 * SQL is the query part of SQL-92 entry level with quantified subqueries, and nothing is defined, called or updated.
 * Primary keys are read from the gateway's {@code sluice.primary_keys} table: Avatica's protocol has no request for
 * them.
 */
final class SluiceDatabaseMetaData extends AvaticaDatabaseMetaData {
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

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public String getExtraNameCharacters() {
        return "$";
    }

    /** {@code FROM orders AS orders} is accepted: correlation names need not differ from table names. */
    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean allProceduresAreCallable() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }
}
