package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.CompletenessRule;
import io.sluice.quality.model.FreshnessRule;
import io.sluice.quality.model.RowCountRule;
import io.sluice.quality.model.TableName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The dataset rules that are one aggregate over the table: {@code row_count} ({@code COUNT(*)}), {@code completeness}
 * ({@code COUNT(*)} and {@code COUNT(column)}) and {@code freshness} ({@code MAX(column)}). Each is one statement the
 * source runs, returning one row.
 */
final class TableMetricScan {

    private TableMetricScan() {}

    /** Violated (1 violation: the table) when the row count is outside the bounds. */
    static Measurement rowCount(RowCountRule rule, TableName table, RuleQueries queries) throws SQLException {
        long rows = RuleQueries.count(queries.one("SELECT COUNT(*) FROM " + ScanSql.table(table)
                        + ScanSql.where(rule.metadata().where(), List.of()))
                .get(0));
        boolean tooFew = rule.min().isPresent() && rows < rule.min().getAsLong();
        boolean tooMany = rule.max().isPresent() && rows > rule.max().getAsLong();
        String detail = ScanSql.count(rows, "row", "rows")
                + (tooFew ? ", fewer than " + rule.min().getAsLong() : "")
                + (tooMany ? ", more than " + rule.max().getAsLong() : "");
        return Measurement.counted(rows, tooFew || tooMany ? 1 : 0, List.of(), detail);
    }

    /**
     * Violations are the rows without a value; the rule holds while they are at most {@code max_null_ratio} of the rows
     * (Deequ's completeness is 1 minus that ratio; Soda's {@code missing_percent} is it in percent). An empty table
     * holds.
     */
    static Measurement completeness(CompletenessRule rule, TableName table, RuleQueries queries) throws SQLException {
        List<@Nullable Object> counts =
                queries.one("SELECT COUNT(*), COUNT(" + ScanSql.column(rule.column()) + ") FROM " + ScanSql.table(table)
                        + ScanSql.where(rule.metadata().where(), List.of()));
        long rows = RuleQueries.count(counts.get(0));
        long nulls = rows - RuleQueries.count(counts.get(1));
        BigDecimal ratio = rows == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(nulls).divide(BigDecimal.valueOf(rows), 6, RoundingMode.HALF_UP);
        boolean passed = ratio.compareTo(rule.maxNullRatio()) <= 0;
        String detail = nulls + " of " + ScanSql.count(rows, "row", "rows") + " are NULL (ratio "
                + ratio.stripTrailingZeros().toPlainString() + (passed ? ", at most " : ", more than ")
                + rule.maxNullRatio().toPlainString() + ")";
        return new Measurement(rows, nulls, passed, List.of(), detail);
    }

    /**
     * Violated (1 violation: the table) when {@code MAX(column)} is older than {@code max_age} at {@code now}, the
     * scan's start, or when no row has a value. A TIMESTAMP without time zone is read as UTC, a DATE as its midnight
     * UTC; a TIMESTAMP WITH LOCAL TIME ZONE is an instant already.
     */
    static Measurement freshness(
            FreshnessRule rule, SqlTypeName type, Instant now, TableName table, RuleQueries queries)
            throws SQLException {
        String column = ScanSql.column(rule.column());
        List<@Nullable String> values = queries.oneAsText("SELECT MAX(" + column + "), COUNT(*) FROM "
                + ScanSql.table(table) + ScanSql.where(rule.metadata().where(), List.of()));
        long rows = Long.parseLong(values.get(1));
        String newest = values.get(0);
        if (newest == null) {
            return Measurement.counted(
                    rows, 1, List.of(), "no row has a value in " + rule.column() + ", so it is never fresh");
        }
        Duration age = Duration.between(instant(newest, type), now);
        boolean stale = age.compareTo(rule.maxAge()) > 0;
        String detail = "max(" + rule.column() + ") " + newest + " is "
                + (age.isNegative() ? age(age.negated()) + " in the future" : age(age) + " old")
                + (stale ? ", more than " : ", at most ") + age(rule.maxAge()) + " (now: " + now + ")";
        return Measurement.counted(rows, stale ? 1 : 0, stale ? List.of(newest) : List.of(), detail);
    }

    /** The instant a DATE or TIMESTAMP value, as the engine renders it, stands for. */
    static Instant instant(String text, SqlTypeName type) throws SQLException {
        try {
            if (type == SqlTypeName.DATE) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = text.trim().replace(' ', 'T');
            if (iso.matches(".*([+-]\\d\\d(:?\\d\\d)?|Z)$") && iso.length() > 19) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SQLException("Cannot read \"" + text + "\" as a " + type + " for the freshness check", e);
        }
    }

    /** {@code 3d 4h}, {@code 5h 3m}, {@code 2m 10s}, {@code 42s}: the two largest units. */
    static String age(Duration duration) {
        long seconds = duration.toSeconds();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length - 1; i++) {
            if (seconds >= sizes[i]) {
                long rest = (seconds % sizes[i]) / sizes[i + 1];
                return seconds / sizes[i] + units[i] + (rest == 0 ? "" : " " + rest + units[i + 1]);
            }
        }
        return seconds + "s";
    }
}
