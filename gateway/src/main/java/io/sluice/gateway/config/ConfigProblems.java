package io.sluice.gateway.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the problems of one config file so that all of them are reported together, and keeps the sensitive values
 * seen while reading so that none of them can reach a message.
 */
final class ConfigProblems {

    static final String MASK = "****";

    // Values shorter than this are not scrubbed from messages: replacing every "a" or "12" would garble the text, and
    // such values are no real secret. Sensitive keys are masked where they are read regardless.
    private static final int MIN_SCRUBBED_LENGTH = 3;

    private static final Pattern SENSITIVE_KEY =
            Pattern.compile(".*(password|passwd|secret|token|credential|api_?key|private_?key).*");

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    /** Whether values under {@code key} must never be shown, judged by its name. */
    static boolean isSensitive(String key) {
        return key != null
                && SENSITIVE_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
    }

    void add(Position position, String keyPath, String message) {
        problems.add(new ConfigProblem(file, position.line(), position.column(), keyPath, message));
    }

    /** Remembers a sensitive value; it is masked in every message reported later. */
    void addSecret(String value) {
        if (value != null && value.length() >= MIN_SCRUBBED_LENGTH) {
            secrets.add(value);
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a {@link ConfigException} with every problem in file order, if there are any. */
    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        List<ConfigProblem> sorted = problems.stream()
                .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                .map(this::scrubbed)
                .toList();
        throw new ConfigException(sorted);
    }

    // A last line of defence: an adapter may echo a value it read, e.g. a URL that embeds the password.
    private ConfigProblem scrubbed(ConfigProblem problem) {
        String message = problem.message();
        for (String secret : secrets.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            message = message.replace(secret, MASK);
        }
        return new ConfigProblem(problem.file(), problem.line(), problem.column(), problem.keyPath(), message);
    }
}
