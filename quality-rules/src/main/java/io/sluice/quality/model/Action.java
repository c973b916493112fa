package io.sluice.quality.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happens when a rule is violated. Row rules may take any action; dataset rules judge a whole table in a scan, where
 * there is no row to drop or quarantine, so they only {@link #WARN} or {@link #FAIL} (the scan fails).
 */
public enum Action {
    /** Count and report the violation; the rows pass. The default. */
    WARN,
    /** Remove the violating rows from the result, still counting them. */
    DROP,
    /** Remove the violating rows and write them, with the reason, to the quarantine store. */
    QUARANTINE,
    /** Stop the query (inline) or fail the scan, naming the rule, the table and a sample value. */
    FAIL;

    /** The spelling in rule files, e.g. {@code quarantine}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this action means something for a rule judged over a whole table. */
    public boolean appliesToDatasetRules() {
        return this == WARN || this == FAIL;
    }

    /** The action spelt {@code text} in a rule file. */
    public static Optional<Action> fromYaml(String text) {
        return Arrays.stream(values())
                .filter(action -> action.yamlName().equals(text))
                .findFirst();
    }

    /** Every spelling, for "expected one of" messages. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Action::yamlName).toList();
    }
}
