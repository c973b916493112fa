package io.sluice.gateway.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells printed with aligned columns, in the style of psql: {@code " a | b"} lines under a {@code
 * "---+---"} separator. Numeric columns are aligned right; control characters are shown escaped so that a value cannot
 * break the layout.
 */
final class TextTable {

    /** A column: its heading and whether its cells align right. */
    record Column(String heading, boolean rightAligned) {}

    private final List<Column> columns;
    private final String nullText;
    private final List<String[]> rows = new ArrayList<>();

    /** @param nullText what a null cell shows, e.g. {@code NULL} */
    TextTable(List<Column> columns, String nullText) {
        this.columns = List.copyOf(columns);
        this.nullText = nullText;
    }

    void add(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.size());
        }
        rows.add(cells.stream()
                .map(cell -> cell == null ? nullText : visible(cell))
                .toArray(String[]::new));
    }

    int rowCount() {
        return rows.size();
    }

    /** Prints the heading, the separator and every row; trailing blanks are trimmed from each line. */
    void print(PrintWriter out) {
        int[] widths = widths();
        String[] headings =
                columns.stream().map(Column::heading).map(TextTable::visible).toArray(String[]::new);
        printLine(out, headings, widths);
        StringBuilder separator = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            separator.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
        }
        out.println(separator);
        for (String[] row : rows) {
            printLine(out, row, widths);
        }
    }

    private int[] widths() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = length(visible(columns.get(i).heading()));
        }
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], length(row[i]));
            }
        }
        return widths;
    }

    private void printLine(PrintWriter out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String padding = " ".repeat(widths[i] - length(cells[i]));
            line.append(i == 0 ? " " : " | ");
            line.append(columns.get(i).rightAligned() ? padding + cells[i] : cells[i] + padding);
        }
        out.println(line.toString().stripTrailing());
    }

    // Code points, not chars: a character outside the BMP takes one column, not two.
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append(String.format("\\u%04x", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        });
        return shown.toString();
    }
}
