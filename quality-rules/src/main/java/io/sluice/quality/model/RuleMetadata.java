package io.sluice.quality.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What every rule has besides its check: the parts that say who cares about it and what a violation does.
 *
 * @param name unique within its table; derived from the check and its columns when the file gives none
 * @param severity how much a violation matters to readers of results and alerts
 * @param action what happens to violating rows (or, for dataset rules, to the scan)
 * @param where a SQL boolean over the table's columns: only rows for which it is true are checked
 * @param description free text for people reading results
 * @param owner who to ask about the rule (a team, a person, an address)
 * @param origin where in which file the rule was written
 */
public record RuleMetadata(
        String name,
        Severity severity,
        Action action,
        Optional<String> where,
        Optional<String> description,
        Optional<String> owner,
        RuleOrigin origin) {

    public RuleMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(origin, "origin");
    }

    /** A rule with the defaults: action {@code warn}, its default severity, no filter, description or owner. */
    public static RuleMetadata named(String name, RuleOrigin origin) {
        return new RuleMetadata(
                name,
                Severity.defaultFor(Action.WARN),
                Action.WARN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                origin);
    }
}
