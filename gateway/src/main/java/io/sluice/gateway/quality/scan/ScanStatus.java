package io.sluice.gateway.quality.scan;

import java.util.Locale;

/** What a scan found for one rule, from best to worst. */
public enum ScanStatus {
    /** The rule holds. */
    PASS,
    /** The rule is violated and its action is not {@code fail}: reported, the scan still succeeds. */
    WARN,
    /** A {@code fail} rule is violated: the scan fails. */
    FAIL,
    /** The rule could not be judged (a source is down, the table changed, …): the scan fails. */
    ERROR;

    /** The spelling in reports and the results store, e.g. {@code warn}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a rule with this status makes the whole scan fail. */
    public boolean failsScan() {
        return this == FAIL || this == ERROR;
    }
}
