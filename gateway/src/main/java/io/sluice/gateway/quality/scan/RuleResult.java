package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.Action;
import io.sluice.quality.model.Check;
import io.sluice.quality.model.Severity;
import io.sluice.quality.model.TableName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a scan found for one rule of one table. What {@code rowsChecked} and {@code violations} count depends on the
 * check (see the README's "Quality scans"): rows for row rules, surplus rows for {@code unique} and {@code
 * duplicate_rows}, orphan rows for {@code foreign_key}, NULL rows for {@code completeness}, columns for {@code schema},
 * and 1 (the table) for a violated {@code row_count} or {@code freshness}.
 *
 * @param table the scanned table
 * @param rule the rule's name
 * @param check the rule's kind
 * @param column the column(s) the rule is about, comma-separated, or null
 * @param action the rule's action
 * @param severity the rule's severity
 * @param status pass, warn, fail or error
 * @param rowsChecked what the rule judged (rows, or columns for {@code schema}); 0 when it could not run
 * @param violations what violated it; 0 when it could not run
 * @param samples up to {@value #MAX_SAMPLES} offending values (or keys, or column differences), as text
 * @param detail one sentence on what was measured (e.g. {@code max(updated_at) 2024-05-01 10:00:00 is 5h 3m old, more
 *     than 4h}), or why the rule could not run
 * @param statements the SQL the scan ran for this rule, in order: Sluice SQL run through the engine, or {@code
 *     source: …} in a source's own SQL for statements run on it directly (a cross-source foreign key's sorted keys)
 * @param duration how long the rule took
 */
public record RuleResult(
        TableName table,
        String rule,
        Check check,
        @Nullable String column,
        Action action,
        Severity severity,
        ScanStatus status,
        long rowsChecked,
        long violations,
        List<String> samples,
        String detail,
        List<String> statements,
        Duration duration) {

    /** How many samples a rule keeps at most. */
    public static final int MAX_SAMPLES = 5;

    public RuleResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(status, "status");
        samples = List.copyOf(samples);
        statements = List.copyOf(statements);
        Objects.requireNonNull(detail, "detail");
    }
}
