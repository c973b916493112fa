package io.sluice.gateway.execution;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * The SQL dialect every engine session speaks, in one place: the settings {@link QueryEngine} opens sessions with, and
 * the facts derived from them that clients are told through JDBC {@code DatabaseMetaData} and Flight SQL
 * {@code GetSqlInfo} (keywords from Calcite's parser, functions from the operator tables sessions really use).
 */
public final class SqlLanguage {

    /** Identifiers are quoted with double quotes, as in PostgreSQL and standard SQL. */
    public static final Quoting QUOTING = Quoting.DOUBLE_QUOTE;

    /**
     * Names match case-insensitively, quoted or not: PostgreSQL/DuckDB names are lower case, MySQL's may be anything,
     * and clients should not have to quote to reach either.
     */
    public static final boolean CASE_SENSITIVE = false;

    /** Unquoted identifiers are kept as written (Calcite's default would upper-case them). */
    public static final Casing UNQUOTED_CASING = Casing.UNCHANGED;

    /** Quoted identifiers are kept as written. */
    public static final Casing QUOTED_CASING = Casing.UNCHANGED;

    /**
     * Calcite's most permissive dialect: {@code %} for MOD, {@code LIMIT}, {@code !=}, a FROM-less SELECT and the like,
     * so that SQL written for PostgreSQL or MySQL parses.
     */
    public static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;

    /** NULL sorts as if larger than any value, as in PostgreSQL. */
    public static final NullCollation NULL_COLLATION = NullCollation.HIGH;

    /** The function libraries of every session (Calcite's {@code fun} property). */
    public static final String FUNCTION_LIBRARIES = "standard,postgresql";

    /** The escape character of LIKE patterns in metadata calls (Calcite's {@code LikePattern}). */
    public static final String SEARCH_STRING_ESCAPE = "\\";

    /**
     * Characters beyond a-z, A-Z, 0-9 and _ allowed in unquoted identifiers: Calcite's parser takes {@code $} as a
     * letter.
     */
    public static final String EXTRA_NAME_CHARACTERS = "$";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** How sessions parse SQL; also for the SQL Calcite parses on its own, such as view expansions. */
    public static SqlParser.Config parserConfig() {
        return SqlParser.config()
                .withQuoting(QUOTING)
                .withCaseSensitive(CASE_SENSITIVE)
                .withUnquotedCasing(UNQUOTED_CASING)
                .withQuotedCasing(QUOTED_CASING)
                .withConformance(CONFORMANCE);
    }

    private SqlLanguage() {}

    /** Keywords of the parser that are not SQL:2003 keywords, as JDBC's {@code getSQLKeywords} defines them. */
    public static List<String> keywords() {
        String keywords = SqlParser.create("").getMetadata().getJdbcKeywords();
        return Arrays.stream(keywords.split(","))
                .map(String::trim)
                .filter(keyword -> !keyword.isEmpty())
                .sorted()
                .toList();
    }

    /** Scalar functions callable by name whose category is numeric. */
    public static List<String> numericFunctions() {
        return functions(SqlFunctionCategory.NUMERIC);
    }

    /** Scalar functions callable by name whose category is string. */
    public static List<String> stringFunctions() {
        return functions(SqlFunctionCategory.STRING);
    }

    /** Scalar functions callable by name whose category is date and time. */
    public static List<String> dateTimeFunctions() {
        return functions(SqlFunctionCategory.TIMEDATE);
    }

    /** Scalar functions callable by name whose category is system. */
    public static List<String> systemFunctions() {
        return functions(SqlFunctionCategory.SYSTEM);
    }

    /** The operator table of every session: the libraries of {@link #FUNCTION_LIBRARIES}. */
    public static SqlOperatorTable operatorTable() {
        return SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.parse(FUNCTION_LIBRARIES));
    }

    private static List<String> functions(SqlFunctionCategory category) {
        Set<String> names = new TreeSet<>();
        for (SqlOperator operator : operatorTable().getOperatorList()) {
            if (operator instanceof SqlFunction function
                    && !(operator instanceof SqlAggFunction)
                    && function.getFunctionType() == category
                    && (function.getSyntax() == SqlSyntax.FUNCTION || function.getSyntax() == SqlSyntax.FUNCTION_ID)) {
                String name = function.getName().toUpperCase(Locale.ROOT);
                // Internal operators ($SLICE, ...) and operators named by a phrase are not callable by this name.
                if (PLAIN_NAME.matcher(name).matches()) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
