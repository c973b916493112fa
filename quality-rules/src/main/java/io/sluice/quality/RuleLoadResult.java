package io.sluice.quality;

import io.sluice.quality.model.RuleSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The outcome of loading (and validating) rules: the rules that could be read, every problem, and notices that are not
 * problems (e.g. dbt tests that have no Sluice equivalent and were skipped). Only a result without problems should be
 * put to use: the gateway refuses to start on one with problems, and keeps its old rules on such a reload.
 *
 * @param rules the rules read from the files without problems (a file with a problem contributes no rules)
 * @param readable every rule that could be read, also from files with problems: what validation checks, so that a
 *     mistake in one rule does not hide another rule's
 * @param problems every problem, in file order
 * @param notices things worth telling that do not stop the rules from being used, in file order
 */
public record RuleLoadResult(RuleSet rules, RuleSet readable, List<RuleProblem> problems, List<RuleProblem> notices) {

    public RuleLoadResult {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(readable, "readable");
        problems = problems.stream().sorted(RuleProblem.IN_FILE_ORDER).toList();
        notices = notices.stream().sorted(RuleProblem.IN_FILE_ORDER).toList();
    }

    /** A result whose rules were all readable. */
    public RuleLoadResult(RuleSet rules, List<RuleProblem> problems, List<RuleProblem> notices) {
        this(rules, rules, problems, notices);
    }

    /** Whether the rules can be used: there are no problems. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The rules, or a {@link RuleException} listing every problem. */
    public RuleSet orThrow() {
        if (!problems.isEmpty()) {
            throw new RuleException(problems);
        }
        return rules;
    }

    /** This result with {@code more} problems added, e.g. those found by validating against the tables. */
    public RuleLoadResult withProblems(List<RuleProblem> more) {
        return new RuleLoadResult(
                rules, readable, Stream.concat(problems.stream(), more.stream()).toList(), notices);
    }
}
