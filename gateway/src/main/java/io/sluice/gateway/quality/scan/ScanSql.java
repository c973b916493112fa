package io.sluice.gateway.quality.scan;

import io.sluice.gateway.quality.RowRuleSql;
import io.sluice.quality.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Pieces of the SQL a scan runs through the engine: quoted names, filters, and values shown as samples. */
final class ScanSql {

    private ScanSql() {}

    /** {@code "source"."schema"."table"}. */
    static String table(TableName table) {
        return column(table.source()) + "." + column(table.schema()) + "." + column(table.table());
    }

    static String column(String name) {
        return RowRuleSql.column(name);
    }

    static String columns(List<String> names) {
        return names.stream().map(ScanSql::column).collect(Collectors.joining(", "));
    }

    /**
     * {@code " WHERE a AND b AND (filter)"} for the given conditions and the rule's own filter, or {@code ""} when there
     * are none.
     */
    static String where(Optional<String> filter, List<String> conditions) {
        List<String> all = new ArrayList<>(conditions);
        filter.ifPresent(sql -> all.add("(" + sql + ")"));
        return all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all);
    }

    /** {@code a IS NOT NULL} for each column. */
    static List<String> notNull(List<String> columns) {
        return columns.stream().map(name -> column(name) + " IS NOT NULL").toList();
    }

    /** How many characters of a value a sample keeps. */
    static final int MAX_SAMPLE_LENGTH = 200;

    /** A value as a sample shows it: NULL as {@code NULL}, a long text cut at {@value #MAX_SAMPLE_LENGTH} characters. */
    static String text(@Nullable Object value) {
        String text = value == null ? "NULL" : String.valueOf(value);
        return text.length() <= MAX_SAMPLE_LENGTH ? text : text.substring(0, MAX_SAMPLE_LENGTH) + "…";
    }

    /** Values of several columns as one sample: the value alone for one column, {@code a=1, b=x} for more. */
    static String text(List<String> names, List<@Nullable Object> values) {
        if (names.size() == 1) {
            return text(values.get(0));
        }
        List<String> parts = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            parts.add(names.get(i) + "=" + text(values.get(i)));
        }
        return String.join(", ", parts);
    }

    /** {@code n thing} or {@code n things}. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
