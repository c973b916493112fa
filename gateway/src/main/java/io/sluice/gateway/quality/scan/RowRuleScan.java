package io.sluice.gateway.quality.scan;

import io.sluice.gateway.quality.RowRuleSql;
import io.sluice.quality.model.RowRule;
import io.sluice.quality.model.TableName;
import java.sql.SQLException;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A row rule over a whole table: one aggregate statement counts the rows its filter selects and those among them that
 * violate it ({@code SUM(CASE WHEN violation THEN 1 ELSE 0 END)}, which every source runs; a check that needs one of
 * the {@code sluice.*} functions is evaluated in the gateway over the columns it reads); a second statement fetches up
 * to five samples when there are violations.
 */
final class RowRuleScan {

    private RowRuleScan() {}

    static Measurement measure(RowRule rule, TableName table, RuleQueries queries) throws SQLException {
        String from = " FROM " + ScanSql.table(table);
        List<@Nullable Object> counts = queries.one("SELECT COUNT(*), SUM(CASE WHEN " + RowRuleSql.checkViolation(rule)
                + " THEN 1 ELSE 0 END)" + from + ScanSql.where(rule.metadata().where(), List.of()));
        long checked = RuleQueries.count(counts.get(0));
        long violations = RuleQueries.count(counts.get(1));
        List<String> samples = List.of();
        List<String> columns = rule.columns();
        if (violations > 0 && !columns.isEmpty()) {
            samples = queries
                    .all("SELECT " + ScanSql.columns(columns) + from + " WHERE " + RowRuleSql.violation(rule)
                            + " LIMIT " + RuleResult.MAX_SAMPLES)
                    .stream()
                    .map(row -> ScanSql.text(columns, row))
                    .toList();
        }
        return Measurement.counted(
                checked,
                violations,
                samples,
                violations + " of " + ScanSql.count(checked, "row", "rows") + " violate the rule");
    }
}
