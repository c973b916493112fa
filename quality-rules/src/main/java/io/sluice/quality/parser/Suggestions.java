package io.sluice.quality.parser;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Finds the intended word for a misspelt key or type, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {}

    /** The candidate closest to {@code word}, if it is close enough to be a plausible typo. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String typed = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && distance <= allowedDistance(candidate)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean "x"?"}, {@code "; expected one of: a, b"} or nothing when there are no candidates. */
    public static String hint(String word, Collection<String> candidates) {
        Optional<String> closest = closest(word, candidates);
        if (closest.isPresent()) {
            return "; did you mean \"" + closest.get() + "\"?";
        }
        if (candidates.isEmpty()) {
            return "";
        }
        return "; expected one of: " + candidates.stream().sorted().collect(Collectors.joining(", "));
    }

    // Short words get fewer edits, otherwise every short key would "suggest" every other one.
    private static int allowedDistance(String candidate) {
        return candidate.length() <= 4 ? 1 : candidate.length() <= 8 ? 2 : 3;
    }

    /**
     * Edit distance counting an adjacent transposition as one edit (optimal string alignment), since swapped letters
     * ({@code prot} for {@code port}) are the commonest typo.
     */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
