package io.sluice.gateway.config;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when {@code sluice.yaml} cannot be used; carries every problem found, and its message lists them one per line
 * so that the user can fix them all in one go.
 */
public final class ConfigException extends SluiceException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        this(problems, null);
    }

    public ConfigException(List<ConfigProblem> problems, Throwable cause) {
        super(ErrorCode.CONFIG_INVALID, format(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems in file order; never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
