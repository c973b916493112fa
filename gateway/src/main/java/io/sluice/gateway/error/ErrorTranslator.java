package io.sluice.gateway.error;

import io.sluice.adapters.spi.SourceUnavailableException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns whatever a query threw (Calcite's parser and validator errors, driver exceptions, pool time-outs) into a
 * {@link SluiceException} with a stable code and a message that names what to fix.
 */
public final class ErrorTranslator {

    private static final Pattern OBJECT_NOT_FOUND_WITHIN =
            Pattern.compile("Object '([^']*)' not found within '([^']*)'");
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '([^']*)' not found");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("Table '([^']*)' not found");
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']*)' not found");

    /** How Calcite's JDBC adapter wraps whatever a source threw while running the statement it was sent. */
    private static final String SOURCE_STATEMENT_FAILED = "While executing SQL [";

    private final Collection<String> sourceNames;

    /** @param sourceNames the configured sources, named in the advice for an unknown one */
    public ErrorTranslator(Collection<String> sourceNames) {
        this.sourceNames = sourceNames;
    }

    public SluiceException translate(Throwable error) {
        SluiceException sluice = find(error, SluiceException.class);
        if (sluice != null) {
            return sluice;
        }
        SourceUnavailableException unavailable = find(error, SourceUnavailableException.class);
        if (unavailable != null) {
            return new SluiceException(
                    ErrorCode.SOURCE_UNAVAILABLE,
                    unavailable.getMessage() + ". Queries that do not read source '" + unavailable.sourceName()
                            + "' still work; this one will once the source is back.",
                    error);
        }
        SqlParseException parse = find(error, SqlParseException.class);
        if (parse != null) {
            return new SluiceException(
                    ErrorCode.QUERY_SYNTAX,
                    "Syntax error at line " + parse.getPos().getLineNum() + ", column "
                            + parse.getPos().getColumnNum() + ": " + firstLine(parse.getMessage()),
                    error);
        }
        CalciteContextException validation = find(error, CalciteContextException.class);
        if (validation != null) {
            return validationError(validation, error);
        }
        Throwable sourceFailure = findMessage(error, SOURCE_STATEMENT_FAILED);
        if (sourceFailure != null) {
            return new SluiceException(
                    ErrorCode.SOURCE_ERROR,
                    "A source failed the statement sent to it: " + rootMessage(sourceFailure)
                            + " (EXPLAIN PLAN FOR the query shows the statement each source receives.)",
                    error);
        }
        SQLException sql = find(error, SQLException.class);
        if (sql != null && sql.getSQLState() != null && !sql.getSQLState().startsWith("HY")) {
            return new SluiceException(
                    ErrorCode.SOURCE_ERROR, "A source failed the statement sent to it: " + rootMessage(sql), error);
        }
        return new SluiceException(ErrorCode.INTERNAL_ERROR, rootMessage(error), error);
    }

    private SluiceException validationError(CalciteContextException e, Throwable error) {
        String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        String where = "line " + e.getPosLine() + ", column " + e.getPosColumn();
        Matcher m;
        if ((m = OBJECT_NOT_FOUND_WITHIN.matcher(detail)).find()) {
            return new SluiceException(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table or schema '" + m.group(1) + "' not found in '" + m.group(2) + "' (" + where
                            + "). Tables are addressed source.schema.table.",
                    error);
        }
        if ((m = OBJECT_NOT_FOUND.matcher(detail)).find()) {
            String name = m.group(1);
            if (!sourceNames.contains(name)) {
                return new SluiceException(
                        ErrorCode.SCHEMA_NOT_FOUND,
                        "Unknown source '" + name + "' (" + where + "). Known sources: "
                                + String.join(", ", sourceNames) + ". Tables are addressed source.schema.table.",
                        error);
            }
            return new SluiceException(
                    ErrorCode.TABLE_NOT_FOUND,
                    "'" + name + "' is a source, not a table (" + where
                            + "). Tables are addressed source.schema.table.",
                    error);
        }
        if ((m = TABLE_NOT_FOUND.matcher(detail)).find()) {
            return new SluiceException(
                    ErrorCode.TABLE_NOT_FOUND,
                    "Table '" + m.group(1) + "' not found (" + where + "). Tables are addressed source.schema.table.",
                    error);
        }
        if ((m = COLUMN_NOT_FOUND.matcher(detail)).find()) {
            return new SluiceException(ErrorCode.COLUMN_NOT_FOUND, detail + " (" + where + ")", error);
        }
        return new SluiceException(ErrorCode.QUERY_INVALID, detail + " (" + where + ")", error);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static Throwable findMessage(Throwable error, String prefix) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(prefix)) {
                return t;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
