package io.sluice.gateway.quality.scan;

import io.sluice.adapters.spi.SortedKeys;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.TableName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code foreign_key}: violations are <em>orphan rows</em>, rows whose non-NULL key (among those the rule's filter
 * selects) has no match in the referenced column; the detail also counts the distinct orphan keys. This is dbt's
 * {@code relationships} count (it counts rows too) and Great Expectations' unexpected rows.
 *
 * <p>Within one source the whole check is one anti-join the source runs ({@code LEFT JOIN … WHERE ref IS NULL},
 * grouped by key), matching keys as the source's own equality does (under a case-insensitive collation {@code a}
 * matches {@code A}). Across sources, each side sends its keys grouped and sorted ({@link KeyStream}: in code point
 * order whatever the source's collation, each key with its row count) and the two streams are merged here, one key at a
 * time: neither side is held in memory. Text keys then match by their exact characters.
 */
final class ForeignKeyScan {

    private ForeignKeyScan() {}

    static Measurement measure(
            ForeignKeyRule rule,
            TableName table,
            RuleQueries queries,
            Function<String, Optional<SortedKeys>> sortedKeys)
            throws SQLException {
        boolean sameSource = rule.references().table().source().equalsIgnoreCase(table.source());
        return sameSource ? antiJoin(rule, table, queries) : merge(rule, table, queries, sortedKeys);
    }

    /** The referencing side: non-NULL keys the filter selects, as column {@code "key"}. */
    private static String keys(ForeignKeyRule rule, TableName table) {
        String column = ScanSql.column(rule.column());
        return "SELECT " + column + " AS \"key\" FROM " + ScanSql.table(table)
                + ScanSql.where(rule.metadata().where(), ScanSql.notNull(List.of(rule.column())));
    }

    /** The referenced side: its distinct non-NULL values, as column {@code "ref"}. */
    private static String references(ForeignKeyRule rule) {
        String column = ScanSql.column(rule.references().column());
        return "SELECT " + column + " AS \"ref\" FROM "
                + ScanSql.table(rule.references().table()) + " WHERE " + column + " IS NOT NULL GROUP BY " + column;
    }

    private static Measurement antiJoin(ForeignKeyRule rule, TableName table, RuleQueries queries) throws SQLException {
        String orphans = "SELECT \"k\".\"key\", COUNT(*) AS \"n\" FROM (" + keys(rule, table) + ") AS \"k\" LEFT JOIN ("
                + references(rule) + ") AS \"r\" ON \"k\".\"key\" = \"r\".\"ref\" WHERE \"r\".\"ref\" IS NULL"
                + " GROUP BY \"k\".\"key\"";
        long checked = RuleQueries.count(queries.one("SELECT COUNT(*) FROM (" + keys(rule, table) + ") AS \"k\"")
                .get(0));
        List<@Nullable Object> totals = queries.one("SELECT COUNT(*), SUM(\"n\") FROM (" + orphans + ") AS \"o\"");
        long orphanKeys = RuleQueries.count(totals.get(0));
        long orphanRows = RuleQueries.count(totals.get(1));
        List<String> samples = new ArrayList<>();
        if (orphanRows > 0) {
            for (List<@Nullable Object> row :
                    queries.all(orphans + " ORDER BY \"n\" DESC, \"key\" LIMIT " + RuleResult.MAX_SAMPLES)) {
                samples.add(sample(row.get(0), RuleQueries.count(row.get(1))));
            }
        }
        return Measurement.counted(checked, orphanRows, samples, detail(rule, checked, orphanRows, orphanKeys));
    }

    private static Measurement merge(
            ForeignKeyRule rule,
            TableName table,
            RuleQueries queries,
            Function<String, Optional<SortedKeys>> sortedKeys)
            throws SQLException {
        String keySql = "SELECT " + ScanSql.column(rule.column()) + " AS " + ScanSql.column(KeyStream.KEY) + " FROM "
                + ScanSql.table(table)
                + ScanSql.where(rule.metadata().where(), ScanSql.notNull(List.of(rule.column())));
        String referenced = ScanSql.column(rule.references().column());
        String referenceSql = "SELECT " + referenced + " AS " + ScanSql.column(KeyStream.KEY) + " FROM "
                + ScanSql.table(rule.references().table()) + " WHERE " + referenced + " IS NOT NULL";
        long checked = 0;
        long orphanRows = 0;
        long orphanKeys = 0;
        List<String> samples = new ArrayList<>();
        try (KeyStream keysIn = KeyStream.open(keySql, table.toString(), queries, sortedKeys);
                KeyStream refsIn =
                        KeyStream.open(referenceSql, rule.references().table().toString(), queries, sortedKeys)) {
            Object ref = refsIn.next();
            for (Object key = keysIn.next(); key != null; key = keysIn.next()) {
                long rows = keysIn.count();
                checked += rows;
                while (ref != null && KeyOrder.compare(ref, key) < 0) {
                    ref = refsIn.next();
                }
                if (ref == null || KeyOrder.compare(ref, key) != 0) {
                    orphanRows += rows;
                    orphanKeys++;
                    if (samples.size() < RuleResult.MAX_SAMPLES) {
                        samples.add(sample(key, rows));
                    }
                }
            }
        }
        return Measurement.counted(checked, orphanRows, samples, detail(rule, checked, orphanRows, orphanKeys));
    }

    private static String sample(@Nullable Object key, long rows) {
        return ScanSql.text(key) + " (" + ScanSql.count(rows, "row", "rows") + ")";
    }

    private static String detail(ForeignKeyRule rule, long checked, long orphanRows, long orphanKeys) {
        return orphanRows + " of " + ScanSql.count(checked, "row", "rows") + " with a " + rule.column()
                + " have no match in " + rule.references() + " ("
                + ScanSql.count(orphanKeys, "distinct key", "distinct keys") + ")";
    }
}
