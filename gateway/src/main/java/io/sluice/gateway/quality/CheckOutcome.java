package io.sluice.gateway.quality;

import java.time.Duration;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What one row rule found in the rows one scan of a query read.
 *
 * @param table the checked table, {@code source.schema.table}
 * @param rule the rule's name
 * @param column the column the rule is about, or null
 * @param action the rule's action
 * @param rowsChecked rows the rule was evaluated on
 * @param violations rows that violated it
 * @param samples up to {@value GateRun#MAX_SAMPLES} offending values, as text
 * @param duration how long the scan was checked, from its first to its last row
 */
public record CheckOutcome(
        String table,
        String rule,
        @Nullable String column,
        CheckAction action,
        long rowsChecked,
        long violations,
        List<String> samples,
        Duration duration) {

    public CheckOutcome {
        samples = List.copyOf(samples);
    }
}
