package io.sluice.quality.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses the SQL of {@code expression} rules and {@code where} filters with the lexical rules of Sluice's SQL (those of
 * the gateway's query engine): identifiers case-insensitive, unquoted ones kept as written, double quotes for quoting.
 */
public final class SqlExpressionParser {

    /** The parser configuration, shared with the validator so that both read SQL alike. */
    public static final SqlParser.Config CONFIG = SqlParser.config()
            .withCaseSensitive(false)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withConformance(SqlConformanceEnum.LENIENT);

    /** The parsed expression, or why it does not parse and where (1-based, within the SQL text). */
    public sealed interface Result {}

    /** The expression parsed. */
    public record Parsed(SqlNode node) implements Result {

        /** The simple (one-part) identifiers it names, in order of appearance: the columns it reads. */
        public List<String> columnNames() {
            Set<String> names = new LinkedHashSet<>();
            node.accept(new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlIdentifier identifier) {
                    if (identifier.isSimple() && !isNiladicFunction(identifier)) {
                        names.add(identifier.getSimple());
                    }
                    return null;
                }
            });
            return new ArrayList<>(names);
        }
    }

    /**
     * SQL's functions written without parentheses ({@code CURRENT_DATE}); Calcite's parser leaves them as identifiers
     * and its validator turns them into calls, so they are not columns unless quoted.
     */
    private static final Set<String> NILADIC_FUNCTIONS = Set.of(
            "CURRENT_DATE",
            "CURRENT_TIME",
            "CURRENT_TIMESTAMP",
            "LOCALTIME",
            "LOCALTIMESTAMP",
            "CURRENT_USER",
            "SESSION_USER",
            "SYSTEM_USER",
            "USER",
            "CURRENT_ROLE",
            "CURRENT_PATH",
            "CURRENT_CATALOG",
            "CURRENT_SCHEMA");

    private static boolean isNiladicFunction(SqlIdentifier identifier) {
        return !identifier.isComponentQuoted(0)
                && NILADIC_FUNCTIONS.contains(identifier.getSimple().toUpperCase(Locale.ROOT));
    }

    /** The expression does not parse. */
    public record Failed(String message, int line, int column) implements Result {}

    private SqlExpressionParser() {}

    public static Result parse(String sql) {
        try {
            return new Parsed(SqlParser.create(sql, CONFIG).parseExpression());
        } catch (SqlParseException e) {
            SqlParserPos pos = e.getPos();
            return new Failed(
                    firstLine(e.getMessage()),
                    pos == null ? 1 : pos.getLineNum(),
                    pos == null ? 1 : pos.getColumnNum());
        }
    }

    /** Calcite appends every token it would have accepted; the first line says what is wrong. */
    static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).trim();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
