package io.sluice.quality;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when rules cannot be used; carries every problem found, and its message lists them one per line so that all
 * of them can be fixed in one go. The gateway translates it into its own error family at its edge.
 */
public final class RuleException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleException(List<RuleProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order; never empty. */
    public List<RuleProblem> problems() {
        return problems;
    }

    private static String format(List<RuleProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RuleException needs at least one problem");
        }
        return problems.stream()
                .sorted(RuleProblem.IN_FILE_ORDER)
                .map(RuleProblem::toString)
                .collect(Collectors.joining("\n"));
    }
}
