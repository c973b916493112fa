package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.TableName;

/** Hears a scan's progress as it runs, e.g. to print a line per table and rule. Called on the scanning thread. */
public interface ScanListener {

    /** Hears nothing. */
    ScanListener NONE = new ScanListener() {};

    /** The scan starts on {@code table}, which has {@code rules} rules. */
    default void tableStarted(TableName table, int rules) {}

    /** One rule was judged. */
    default void ruleChecked(RuleResult result) {}
}
