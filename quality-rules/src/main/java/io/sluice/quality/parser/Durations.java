package io.sluice.quality.parser;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short duration syntax of {@code sluice.yaml} and rule files: a whole number and one unit, {@code 500ms 30s 5m 2h 1d}. */
public final class Durations {

    /** What a valid duration looks like, for "expected …" messages. */
    public static final String EXPECTED = "a duration such as 500ms, 30s, 5m, 2h or 1d";

    // At most 15 digits: enough for any real timeout, and far from overflowing Duration even in days.
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,15})(ms|s|m|h|d)");

    private Durations() {}

    /**
     * Parses {@code text} such as {@code 30s}; empty when it is not in the short syntax (then {@link #EXPECTED} says
     * what would be).
     */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        return Optional.of(
                switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
    }

    /**
     * {@code duration} in the short syntax, in the largest unit that states it exactly: {@code 1d}, {@code 90m}, {@code
     * 1500ms}; what {@link #parse} reads back to the same duration (for whole milliseconds).
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis != 0 && millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis == 0 ? "0s" : millis + "ms";
    }
}
