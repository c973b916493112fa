package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.DuplicateRowsRule;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.UniqueRule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code unique} and {@code duplicate_rows}, pushed to the source as one aggregate over a {@code GROUP BY} of the key:
 * the source returns one row however large the table.
 *
 * <p>Violations are <em>surplus rows</em>: every row beyond the first of its group ({@code rows - distinct keys}), so
 * that removing that many rows would make the key unique. The detail also gives the number of key values that occur
 * more than once (Soda's {@code duplicate_count}) and the rows that carry them (Great Expectations' unexpected count
 * for {@code expect_column_values_to_be_unique}). {@code unique} ignores rows with a NULL in the key, as a SQL {@code
 * UNIQUE} constraint does; {@code duplicate_rows} groups NULLs together, as {@code SELECT DISTINCT} does.
 */
final class DuplicateScan {

    private DuplicateScan() {}

    static Measurement unique(UniqueRule rule, TableName table, RuleQueries queries) throws SQLException {
        return measure(
                rule.columns(),
                ScanSql.where(rule.metadata().where(), ScanSql.notNull(rule.columns())),
                table,
                queries,
                "key");
    }

    static Measurement duplicateRows(DuplicateRowsRule rule, List<String> columns, TableName table, RuleQueries queries)
            throws SQLException {
        return measure(columns, ScanSql.where(rule.metadata().where(), List.of()), table, queries, "row value");
    }

    private static Measurement measure(
            List<String> columns, String where, TableName table, RuleQueries queries, String what) throws SQLException {
        String keys = ScanSql.columns(columns);
        String groups =
                "SELECT " + keys + ", COUNT(*) AS \"n\" FROM " + ScanSql.table(table) + where + " GROUP BY " + keys;
        List<@Nullable Object> totals = queries.one("SELECT COUNT(*), SUM(\"n\"),"
                + " SUM(CASE WHEN \"n\" > 1 THEN 1 ELSE 0 END), SUM(CASE WHEN \"n\" > 1 THEN \"n\" ELSE 0 END)"
                + " FROM (" + groups + ") AS \"g\"");
        long distinct = RuleQueries.count(totals.get(0));
        long rows = RuleQueries.count(totals.get(1));
        long duplicatedKeys = RuleQueries.count(totals.get(2));
        long rowsInDuplicates = RuleQueries.count(totals.get(3));
        long surplus = rows - distinct;
        List<String> samples = new ArrayList<>();
        if (surplus > 0) {
            for (List<@Nullable Object> group : queries.all(groups + " HAVING COUNT(*) > 1 ORDER BY COUNT(*) DESC, "
                    + keys + " LIMIT " + RuleResult.MAX_SAMPLES)) {
                long count = RuleQueries.count(group.get(columns.size()));
                samples.add(ScanSql.text(columns, group.subList(0, columns.size())) + " (" + count + " rows)");
            }
        }
        String detail = surplus == 0
                ? "every " + what + " occurs once in " + ScanSql.count(rows, "row", "rows")
                : ScanSql.count(surplus, "surplus row", "surplus rows") + ": "
                        + ScanSql.count(duplicatedKeys, what + " occurs", what + "s occur")
                        + " more than once, in " + rowsInDuplicates + " of " + ScanSql.count(rows, "row", "rows");
        return Measurement.counted(rows, surplus, samples, detail);
    }
}
