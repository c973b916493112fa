package io.sluice.quality.runtime;

/**
 * Detects text damaged by a wrong encoding, in one pass over the characters (it runs on every row a query reads, so no
 * regular expression).
 */
final class Encodings {

    /**
     * The Windows-1252 letters that UTF-8 continuation bytes 80–9F turn into when read as Windows-1252 (Latin-1 shows
     * them as C1 controls, U+0080–U+009F, caught by range).
     */
    private static final String CP1252_CONTINUATIONS =
            "\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D"
                    + "\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178";

    private Encodings() {}

    /**
     * No U+FFFD, no C0 control other than tab, line feed and carriage return, and no mojibake of UTF-8 read as Latin-1
     * or Windows-1252: a lead byte C2/C3 (shown as Â/Ã) followed by a continuation byte, or E2 80 (shown as â€), the
     * start of curly quotes, dashes and the euro sign.
     */
    static boolean isClean(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue; // printable ASCII, most text: clean, and never the first character of mojibake
            }
            if (c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
            if (i + 1 < length) {
                char next = value.charAt(i + 1);
                if ((c == '\u00C2' || c == '\u00C3') && isContinuation(next)) {
                    return false;
                }
                if (c == '\u00E2' && next == '\u20AC') {
                    return false;
                }
            }
        }
        return true;
    }

    /** A UTF-8 continuation byte (80–BF) as Latin-1 or Windows-1252 shows it. */
    private static boolean isContinuation(char c) {
        return (c >= '\u0080' && c <= '\u00BF') || (c > '\u00FF' && CP1252_CONTINUATIONS.indexOf(c) >= 0);
    }
}
