package io.sluice.gateway.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a result as CSV with RFC 4180 quoting: a field with a comma, a double quote or a line break is quoted, quotes
 * doubled. NULL is an empty field and the empty string {@code ""}, so the two stay apart. Lines end with {@code \n},
 * which every CSV reader accepts and line-based tools expect. Rows are streamed.
 */
final class CsvResultWriter implements ResultWriter {

    @Override
    public long write(ResultSet rows, PrintWriter out) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(rows.getMetaData());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            line.append(i == 0 ? "" : ",").append(field(columns.get(i).label()));
        }
        out.print(line.append('\n'));
        long count = 0;
        while (rows.next()) {
            line.setLength(0);
            for (int i = 0; i < columns.size(); i++) {
                String value = columns.get(i).text(rows, i + 1);
                line.append(i == 0 ? "" : ",").append(value == null ? "" : field(value));
            }
            out.print(line.append('\n'));
            count++;
        }
        return count;
    }

    static String field(String value) {
        boolean quote = value.isEmpty()
                || value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
