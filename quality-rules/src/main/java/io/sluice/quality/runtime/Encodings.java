package io.sluice.quality.runtime;

import java.util.regex.Pattern;

/** Detects text damaged by a wrong encoding. */
final class Encodings {

    /**
     * UTF-8 read as Latin-1 or Windows-1252: a lead byte C2/C3 shown as Â/Ã followed by a continuation byte (80–BF,
     * shown as itself in Latin-1 or as a Windows-1252 punctuation letter), or the E2 80 lead of curly quotes, dashes
     * and the euro sign shown as {@code â€}.
     */
    private static final Pattern MOJIBAKE = Pattern.compile("[\u00C2\u00C3][\u0080-\u00BF\u0152\u0153\u0160\u0161"
            + "\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A"
            + "\u20AC\u2122]|\u00E2\u20AC");

    private Encodings() {}

    static boolean isClean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return !MOJIBAKE.matcher(value).find();
    }
}
