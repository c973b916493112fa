package io.sluice.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${env:NAME}} in config strings by the value of environment variable {@code NAME}. */
final class EnvironmentSubstitution {

    private static final String PREFIX = "${env:";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Function<String, String> environment;

    EnvironmentSubstitution(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The text with every reference replaced, or the problems that prevent it. Problem messages name the variable and
     * never a value.
     */
    Result resolve(String text) {
        if (!text.contains(PREFIX)) {
            return new Result(Optional.of(text), List.of());
        }
        List<String> problems = new ArrayList<>();
        StringBuilder resolved = new StringBuilder();
        Matcher matcher = REFERENCE.matcher(text);
        int end = 0;
        while (matcher.find()) {
            String literal = text.substring(end, matcher.start());
            checkNoMalformedReference(literal, problems);
            resolved.append(literal);
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                problems.add("environment variable " + matcher.group(1) + " is not set (referenced as "
                        + matcher.group() + ")");
            } else {
                resolved.append(value);
            }
            end = matcher.end();
        }
        checkNoMalformedReference(text.substring(end), problems);
        resolved.append(text.substring(end));
        return new Result(problems.isEmpty() ? Optional.of(resolved.toString()) : Optional.empty(), problems);
    }

    // A "${env:" that did not match is a typo such as "${env:SHOP-USER}"; passing it on literally would hide it.
    private static void checkNoMalformedReference(String literal, List<String> problems) {
        if (literal.contains(PREFIX)) {
            problems.add("expected ${env:NAME} with NAME made of letters, digits and _, got a malformed ${env:…}"
                    + " reference");
        }
    }

    /** The resolved text (empty when unresolvable) and what went wrong. */
    record Result(Optional<String> value, List<String> problems) {}
}
