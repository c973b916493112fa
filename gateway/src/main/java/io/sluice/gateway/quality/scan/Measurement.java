package io.sluice.gateway.quality.scan;

import java.util.List;

/**
 * What evaluating one rule measured, before the rule's action turns it into a status.
 *
 * @param rowsChecked what was judged (see {@link RuleResult})
 * @param violations what violated the rule
 * @param passed whether the rule holds (for {@code completeness}, violations may be within the allowed ratio)
 * @param samples up to {@link RuleResult#MAX_SAMPLES} offending values
 * @param detail one sentence on what was measured
 */
record Measurement(long rowsChecked, long violations, boolean passed, List<String> samples, String detail) {

    Measurement {
        samples = List.copyOf(samples);
    }

    /** A measurement of a rule that holds exactly when nothing violates it. */
    static Measurement counted(long rowsChecked, long violations, List<String> samples, String detail) {
        return new Measurement(rowsChecked, violations, violations == 0, samples, detail);
    }
}
