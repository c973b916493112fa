package io.sluice.gateway.cli;

import java.util.List;

/** The statement given on the command line, possibly as several shell words and with a trailing semicolon. */
final class SqlText {

    private SqlText() {}

    /** Joins the words and drops trailing semicolons, which people type out of habit and Calcite's parser rejects. */
    static String of(List<String> words) {
        String sql = String.join(" ", words).strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        return sql;
    }
}
