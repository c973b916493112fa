package io.sluice.gateway.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Writes a result as an aligned {@link TextTable} followed by {@code (N rows)}; it holds the rows to size columns. */
final class TableResultWriter implements ResultWriter {

    static final String NULL = "NULL";

    @Override
    public long write(ResultSet rows, PrintWriter out) throws SQLException {
        List<ResultColumn> columns = ResultColumn.of(rows.getMetaData());
        TextTable table = new TextTable(
                columns.stream()
                        .map(column -> new TextTable.Column(column.label(), column.numeric()))
                        .toList(),
                NULL);
        while (rows.next()) {
            List<String> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(columns.get(i).text(rows, i + 1));
            }
            table.add(cells);
        }
        table.print(out);
        out.println(footer(table.rowCount()));
        return table.rowCount();
    }

    static String footer(long rowCount) {
        return "(" + rowCount + (rowCount == 1 ? " row)" : " rows)");
    }
}
