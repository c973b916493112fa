package io.sluice.gateway.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a result as JSON objects keyed by column label, one per line, either inside one array or as JSON lines.
 * Numbers stay exact (decimals are written as they are, never through a double); dates and times are strings. Rows are
 * streamed.
 */
final class JsonResultWriter implements ResultWriter {

    // What JSON accepts as a number; anything else a numeric column yields (NaN, Infinity) is written as a string.
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final boolean array;

    /** @param array true for one JSON array, false for JSON lines */
    JsonResultWriter(boolean array) {
        this.array = array;
    }

    @Override
    public long write(ResultSet rows, PrintWriter out) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(rows.getMetaData());
        StringBuilder line = new StringBuilder();
        long count = 0;
        if (array) {
            out.print("[");
        }
        while (rows.next()) {
            line.setLength(0);
            if (array) {
                line.append(count == 0 ? "\n" : ",\n");
            }
            line.append('{');
            for (int i = 0; i < columns.size(); i++) {
                ResultColumn column = columns.get(i);
                line.append(i == 0 ? "" : ",");
                appendString(line, column.label());
                line.append(':');
                appendValue(line, column, column.text(rows, i + 1));
            }
            line.append('}');
            out.print(array ? line : line.append('\n'));
            count++;
        }
        if (array) {
            out.print(count == 0 ? "]\n" : "\n]\n");
        }
        return count;
    }

    private static void appendValue(StringBuilder json, ResultColumn column, String value) {
        if (value == null) {
            json.append("null");
        } else if (column.numeric() && JSON_NUMBER.matcher(value).matches()) {
            json.append(value);
        } else if (column.bool() && (value.equals("true") || value.equals("false"))) {
            json.append(value);
        } else {
            appendString(json, value);
        }
    }

    static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
