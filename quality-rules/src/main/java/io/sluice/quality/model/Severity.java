package io.sluice.quality.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How much a violation matters to the people who read results and get alerts; independent of the {@link Action}, which
 * says what happens to the rows. When a rule gives none, it is {@link #WARNING} for {@code warn} rules and {@link #ERROR}
 * for every other action.
 */
public enum Severity {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    /** The spelling in rule files, e.g. {@code critical}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity a rule has when it names none. */
    public static Severity defaultFor(Action action) {
        return action == Action.WARN ? WARNING : ERROR;
    }

    /** The severity spelt {@code text} in a rule file. */
    public static Optional<Severity> fromYaml(String text) {
        return Arrays.stream(values())
                .filter(severity -> severity.yamlName().equals(text))
                .findFirst();
    }

    /** Every spelling, for "expected one of" messages. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Severity::yamlName).toList();
    }
}
