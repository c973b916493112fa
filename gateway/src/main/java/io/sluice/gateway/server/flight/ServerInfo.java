package io.sluice.gateway.server.flight;

import static org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo.*;

import io.sluice.gateway.cli.VersionProvider;
import io.sluice.gateway.execution.SqlLanguage;
import java.util.EnumMap;
import java.util.Map;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlOuterJoinsSupportLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedGroupBy;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedResultSetConcurrency;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedResultSetType;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedSubqueries;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedUnions;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlTransactionIsolationLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedAnsi92SqlGrammarLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SupportedSqlGrammar;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.NullCollation;

/**
 * What the server tells clients about itself through {@code GetSqlInfo}: a value for every {@link SqlInfo} key, because
 * clients cache the answer and read a missing key as false, 0 or "" (older drivers crashed Tableau on one). The SQL facts
 * come from {@link SqlLanguage}, the same place the engine's sessions and the JDBC server's metadata get them.
 *
 * <p>Value types follow what the Arrow Flight SQL JDBC driver casts each key to: Long for lengths and the default
 * isolation level, Integer for bitmasks and the transaction/timeout keys.
 */
final class ServerInfo {

    static final String SERVER_NAME = "Sluice";

    /** What clients call a source: a catalog, as JDBC's {@code DatabaseMetaData} of the Sluice driver says too. */
    static final String CATALOG_TERM = "catalog";

    private ServerInfo() {}

    /** Every key's value. */
    static Map<SqlInfo, Object> values() {
        Map<SqlInfo, Object> values = new EnumMap<>(SqlInfo.class);
        server(values);
        identifiers(values);
        grammar(values);
        limits(values);
        transactions(values);
        return values;
    }

    private static void server(Map<SqlInfo, Object> values) {
        values.put(FLIGHT_SQL_SERVER_NAME, SERVER_NAME);
        values.put(FLIGHT_SQL_SERVER_VERSION, version());
        values.put(FLIGHT_SQL_SERVER_ARROW_VERSION, arrowVersion());
        values.put(FLIGHT_SQL_SERVER_READ_ONLY, true);
        values.put(FLIGHT_SQL_SERVER_SQL, true);
        values.put(FLIGHT_SQL_SERVER_SUBSTRAIT, false);
        // No Substrait: no version range either (the keys must still answer).
        values.put(FLIGHT_SQL_SERVER_SUBSTRAIT_MIN_VERSION, "");
        values.put(FLIGHT_SQL_SERVER_SUBSTRAIT_MAX_VERSION, "");
        values.put(FLIGHT_SQL_SERVER_TRANSACTION, SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE_VALUE);
        values.put(FLIGHT_SQL_SERVER_CANCEL, true);
        values.put(FLIGHT_SQL_SERVER_BULK_INGESTION, false);
        values.put(FLIGHT_SQL_SERVER_INGEST_TRANSACTIONS_SUPPORTED, false);
        // 0: the server imposes no timeout of its own; clients may set one per statement.
        values.put(FLIGHT_SQL_SERVER_STATEMENT_TIMEOUT, 0);
        values.put(FLIGHT_SQL_SERVER_TRANSACTION_TIMEOUT, 0);
    }

    private static void identifiers(Map<SqlInfo, Object> values) {
        // int64 here as in Arrow's own Java and C++ servers, though the protocol's comment says int32.
        values.put(SQL_IDENTIFIER_CASE, (long)
                identifierCase(SqlLanguage.UNQUOTED_CASING).getNumber());
        values.put(SQL_QUOTED_IDENTIFIER_CASE, (long)
                identifierCase(SqlLanguage.QUOTED_CASING).getNumber());
        values.put(SQL_IDENTIFIER_QUOTE_CHAR, SqlLanguage.QUOTING.string);
        values.put(SQL_SEARCH_STRING_ESCAPE, SqlLanguage.SEARCH_STRING_ESCAPE);
        values.put(SQL_EXTRA_NAME_CHARACTERS, SqlLanguage.EXTRA_NAME_CHARACTERS);
        values.put(SQL_KEYWORDS, SqlLanguage.keywords());
        values.put(SQL_NUMERIC_FUNCTIONS, SqlLanguage.numericFunctions());
        values.put(SQL_STRING_FUNCTIONS, SqlLanguage.stringFunctions());
        values.put(SQL_SYSTEM_FUNCTIONS, SqlLanguage.systemFunctions());
        values.put(SQL_DATETIME_FUNCTIONS, SqlLanguage.dateTimeFunctions());
        values.put(SQL_CATALOG_TERM, CATALOG_TERM);
        values.put(SQL_SCHEMA_TERM, "schema");
        values.put(SQL_PROCEDURE_TERM, "procedure");
        values.put(SQL_CATALOG_AT_START, true);
        values.put(SQL_DDL_CATALOG, false);
        values.put(SQL_DDL_SCHEMA, false);
        values.put(SQL_DDL_TABLE, false);
        // No procedures, indexes or privilege statements: names are used in queries only.
        values.put(SQL_SCHEMAS_SUPPORTED_ACTIONS, 0);
        values.put(SQL_CATALOGS_SUPPORTED_ACTIONS, 0);
        values.put(SQL_ALL_TABLES_ARE_SELECTABLE, true);
    }

    private static void grammar(Map<SqlInfo, Object> values) {
        values.put(SQL_NULL_ORDERING, (long) nullOrdering().getNumber());
        values.put(SQL_SUPPORTS_COLUMN_ALIASING, true);
        values.put(SQL_NULL_PLUS_NULL_IS_NULL, true);
        values.put(SQL_SUPPORTS_CONVERT, SupportedConversions.map());
        values.put(SQL_SUPPORTS_TABLE_CORRELATION_NAMES, true);
        // JDBC's "must correlation names differ from table names?": no, FROM t AS t is accepted.
        values.put(SQL_SUPPORTS_DIFFERENT_TABLE_CORRELATION_NAMES, false);
        values.put(SQL_SUPPORTS_EXPRESSIONS_IN_ORDER_BY, true);
        values.put(SQL_SUPPORTS_ORDER_BY_UNRELATED, true);
        values.put(
                SQL_SUPPORTED_GROUP_BY,
                bits(
                        SqlSupportedGroupBy.SQL_GROUP_BY_UNRELATED_VALUE,
                        SqlSupportedGroupBy.SQL_GROUP_BY_BEYOND_SELECT_VALUE));
        values.put(SQL_SUPPORTS_LIKE_ESCAPE_CLAUSE, true);
        values.put(SQL_SUPPORTS_NON_NULLABLE_COLUMNS, true);
        // The query part of ODBC's core grammar; not the extended one (no DDL, no positioned updates).
        values.put(
                SQL_SUPPORTED_GRAMMAR,
                bits(SupportedSqlGrammar.SQL_MINIMUM_GRAMMAR_VALUE, SupportedSqlGrammar.SQL_CORE_GRAMMAR_VALUE));
        // Entry level's queries; intermediate and full SQL-92 need DDL, transactions and cursors the gateway lacks.
        values.put(SQL_ANSI92_SUPPORTED_LEVEL, bits(SupportedAnsi92SqlGrammarLevel.ANSI92_ENTRY_SQL_VALUE));
        values.put(SQL_SUPPORTS_INTEGRITY_ENHANCEMENT_FACILITY, false);
        values.put(
                SQL_OUTER_JOINS_SUPPORT_LEVEL,
                bits(
                        SqlOuterJoinsSupportLevel.SQL_LIMITED_OUTER_JOINS_VALUE,
                        SqlOuterJoinsSupportLevel.SQL_FULL_OUTER_JOINS_VALUE));
        values.put(SQL_SUPPORTED_POSITIONED_COMMANDS, 0);
        values.put(SQL_SELECT_FOR_UPDATE_SUPPORTED, false);
        values.put(SQL_STORED_PROCEDURES_SUPPORTED, false);
        values.put(
                SQL_SUPPORTED_SUBQUERIES,
                bits(
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_COMPARISONS_VALUE,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_EXISTS_VALUE,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_INS_VALUE,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_QUANTIFIEDS_VALUE));
        values.put(SQL_CORRELATED_SUBQUERIES_SUPPORTED, true);
        values.put(
                SQL_SUPPORTED_UNIONS, bits(SqlSupportedUnions.SQL_UNION_VALUE, SqlSupportedUnions.SQL_UNION_ALL_VALUE));
        values.put(SQL_BATCH_UPDATES_SUPPORTED, false);
        values.put(SQL_SAVEPOINTS_SUPPORTED, false);
        values.put(SQL_NAMED_PARAMETERS_SUPPORTED, false);
        // No LOB locators at all; nothing is updated.
        values.put(SQL_LOCATORS_UPDATE_COPY, false);
        values.put(SQL_STORED_FUNCTIONS_USING_CALL_SYNTAX_SUPPORTED, false);
        // Results stream once, front to back, and are never updatable.
        values.put(
                SQL_SUPPORTED_RESULT_SET_TYPES, bits(SqlSupportedResultSetType.SQL_RESULT_SET_TYPE_FORWARD_ONLY_VALUE));
        int readOnly = bits(SqlSupportedResultSetConcurrency.SQL_RESULT_SET_CONCURRENCY_READ_ONLY_VALUE);
        values.put(SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_UNSPECIFIED, readOnly);
        values.put(SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_FORWARD_ONLY, readOnly);
        values.put(SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_SCROLL_SENSITIVE, 0);
        values.put(SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_SCROLL_INSENSITIVE, 0);
    }

    /** 0 everywhere: the gateway sets no limit of its own (each source has its own, which may be lower). */
    private static void limits(Map<SqlInfo, Object> values) {
        for (SqlInfo key : new SqlInfo[] {
            SQL_MAX_BINARY_LITERAL_LENGTH,
            SQL_MAX_CHAR_LITERAL_LENGTH,
            SQL_MAX_COLUMN_NAME_LENGTH,
            SQL_MAX_COLUMNS_IN_GROUP_BY,
            SQL_MAX_COLUMNS_IN_INDEX,
            SQL_MAX_COLUMNS_IN_ORDER_BY,
            SQL_MAX_COLUMNS_IN_SELECT,
            SQL_MAX_COLUMNS_IN_TABLE,
            SQL_MAX_CONNECTIONS,
            SQL_MAX_CURSOR_NAME_LENGTH,
            SQL_MAX_INDEX_LENGTH,
            SQL_DB_SCHEMA_NAME_LENGTH,
            SQL_MAX_PROCEDURE_NAME_LENGTH,
            SQL_MAX_CATALOG_NAME_LENGTH,
            SQL_MAX_ROW_SIZE,
            SQL_MAX_STATEMENT_LENGTH,
            SQL_MAX_STATEMENTS,
            SQL_MAX_TABLE_NAME_LENGTH,
            SQL_MAX_TABLES_IN_SELECT,
            SQL_MAX_USERNAME_LENGTH
        }) {
            values.put(key, 0L);
        }
        values.put(SQL_MAX_ROW_SIZE_INCLUDES_BLOBS, false);
    }

    private static void transactions(Map<SqlInfo, Object> values) {
        values.put(SQL_TRANSACTIONS_SUPPORTED, false);
        values.put(SQL_DEFAULT_TRANSACTION_ISOLATION, (long) SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE_VALUE);
        values.put(
                SQL_SUPPORTED_TRANSACTIONS_ISOLATION_LEVELS,
                bits(SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE_VALUE));
        values.put(SQL_DATA_DEFINITION_CAUSES_TRANSACTION_COMMIT, false);
        values.put(SQL_DATA_DEFINITIONS_IN_TRANSACTIONS_IGNORED, false);
    }

    /** Case-insensitive when names match regardless of case; otherwise how the parser folds them. */
    private static SqlSupportedCaseSensitivity identifierCase(Casing casing) {
        if (!SqlLanguage.CASE_SENSITIVE) {
            return SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE;
        }
        return switch (casing) {
            case TO_UPPER -> SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UPPERCASE;
            case TO_LOWER -> SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_LOWERCASE;
            case UNCHANGED -> SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UNKNOWN;
        };
    }

    private static SqlNullOrdering nullOrdering() {
        NullCollation collation = SqlLanguage.NULL_COLLATION;
        return switch (collation) {
            case HIGH -> SqlNullOrdering.SQL_NULLS_SORTED_HIGH;
            case LOW -> SqlNullOrdering.SQL_NULLS_SORTED_LOW;
            case FIRST -> SqlNullOrdering.SQL_NULLS_SORTED_AT_START;
            case LAST -> SqlNullOrdering.SQL_NULLS_SORTED_AT_END;
        };
    }

    /** A bitmask with the bits numbered by {@code values} set, as the protocol encodes sets of enum values. */
    private static int bits(int... values) {
        int mask = 0;
        for (int value : values) {
            mask |= 1 << value;
        }
        return mask;
    }

    private static String version() {
        String line = new VersionProvider().getVersion()[0];
        return line.startsWith("sluice ") ? line.substring("sluice ".length()) : line;
    }

    private static String arrowVersion() {
        String version = org.apache.arrow.flight.FlightServer.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
