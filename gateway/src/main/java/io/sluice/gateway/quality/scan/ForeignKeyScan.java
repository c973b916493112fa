package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.TableName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code foreign_key}: violations are <em>orphan rows</em>, rows whose non-NULL key (among those the rule's filter
 * selects) has no match in the referenced column; the detail also counts the distinct orphan keys. This is dbt's
 * {@code relationships} count (it counts rows too) and Great Expectations' unexpected rows.
 *
 * <p>Within one source the whole check is one anti-join the source runs ({@code LEFT JOIN … WHERE ref IS NULL},
 * grouped by key). Across sources, each side sends its keys sorted and de-duplicated ({@code GROUP BY key ORDER BY
 * key}, pushed down, the referencing side with a row count per key) and the two streams are merged here, one key at a
 * time: neither side is held in memory. The merge checks that each stream really is ascending in the gateway's order
 * and stops with an error when a source sorts differently (text keys under another collation), rather than report
 * wrong orphans.
 */
final class ForeignKeyScan {

    private ForeignKeyScan() {}

    static Measurement measure(ForeignKeyRule rule, TableName table, RuleQueries queries) throws SQLException {
        boolean sameSource = rule.references().table().source().equalsIgnoreCase(table.source());
        return sameSource ? antiJoin(rule, table, queries) : merge(rule, table, queries);
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

    private static Measurement merge(ForeignKeyRule rule, TableName table, RuleQueries queries) throws SQLException {
        String keySql = "SELECT \"key\", COUNT(*) AS \"n\" FROM (" + keys(rule, table) + ") AS \"k\" GROUP BY \"key\""
                + " ORDER BY \"key\"";
        String referenceSql = references(rule) + " ORDER BY "
                + ScanSql.column(rule.references().column());
        long checked = 0;
        long orphanRows = 0;
        long orphanKeys = 0;
        List<String> samples = new ArrayList<>();
        try (Statement keyStatement = queries.connection().createStatement();
                Statement referenceStatement = queries.connection().createStatement();
                SortedStream keysIn = new SortedStream(queries.open(keyStatement, keySql), table.toString());
                SortedStream refsIn = new SortedStream(
                        queries.open(referenceStatement, referenceSql),
                        rule.references().table().toString())) {
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

    /**
     * One side of the merge: a result whose first column ascends strictly, read one row at a time; the second
     * column, if any, is the row count of the key.
     */
    private static final class SortedStream implements AutoCloseable {
        private final ResultSet rows;
        private final String side;
        private final boolean counted;
        private @Nullable Object previous;

        SortedStream(ResultSet rows, String side) throws SQLException {
            this.rows = rows;
            this.side = side;
            this.counted = rows.getMetaData().getColumnCount() > 1;
        }

        /** The next key, or null at the end. */
        @Nullable
        Object next() throws SQLException {
            if (!rows.next()) {
                return null;
            }
            Object key = rows.getObject(1);
            if (key == null) {
                throw new SQLException("The keys of " + side + " arrived with a NULL; the scan excludes NULLs");
            }
            if (previous != null && KeyOrder.compare(previous, key) >= 0) {
                throw new SQLException("The keys of " + side + " do not arrive in ascending order as the gateway"
                        + " compares them (" + ScanSql.text(previous) + " before " + ScanSql.text(key) + "): the"
                        + " source sorts them differently, e.g. text under a case-insensitive or locale collation."
                        + " Cross-source foreign keys need keys both sources order alike (numbers, dates, or text"
                        + " under a binary collation).");
            }
            previous = key;
            return key;
        }

        long count() throws SQLException {
            return counted ? rows.getLong(2) : 1;
        }

        @Override
        public void close() throws SQLException {
            rows.close();
        }
    }
}
