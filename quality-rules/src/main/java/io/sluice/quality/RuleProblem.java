package io.sluice.quality;

import io.sluice.quality.model.Location;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a rule file, in the form users see: {@code rules/orders.yaml:14:5: rules[3].min: expected a number,
 * got "abc"}.
 *
 * @param location where in which file; line 0 when the problem concerns the file as a whole
 * @param path the key path inside the file, e.g. {@code rules[3].min}; empty for syntax errors
 * @param message what is wrong and what was expected
 */
public record RuleProblem(Location location, String path, String message) {

    /** File, then line, then column: the order in which a user fixes problems. */
    public static final Comparator<RuleProblem> IN_FILE_ORDER = Comparator.comparing(
                    (RuleProblem problem) -> problem.location().file())
            .thenComparingInt(problem -> problem.location().line())
            .thenComparingInt(problem -> problem.location().column())
            .thenComparing(RuleProblem::path);

    public RuleProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
