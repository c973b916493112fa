package io.sluice.quality.runtime;

import io.sluice.quality.model.Format;
import io.sluice.quality.model.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The SQL functions row rules compile to. Each returns NULL for a NULL value (a missing value is {@code not_null}'s
 * business, not theirs), and takes its pattern, format or type as a constant string whose compiled form is cached, so
 * that checking a row costs the check itself.
 */
public final class RowFunctions {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final Map<String, Predicate<String>> CASTS = new ConcurrentHashMap<>();

    private RowFunctions() {}

    /** Whether {@code value} contains a match of the Java regular expression {@code pattern}. */
    public static @Nullable Boolean regexFind(@Nullable String value, String pattern) {
        if (value == null) {
            return null;
        }
        return PATTERNS.computeIfAbsent(pattern, Pattern::compile)
                .matcher(value)
                .find();
    }

    /** Whether {@code value} is in {@code format}, named as in rule files ({@code email}, {@code iso_date}, …). */
    public static @Nullable Boolean hasFormat(@Nullable String value, String format) {
        if (value == null) {
            return null;
        }
        return Formats.matcher(Format.fromYaml(format).orElseThrow(() -> unknown("format", format)))
                .test(value);
    }

    /**
     * Whether {@code value} is text as it was meant to be written: no U+FFFD replacement character (bytes that were
     * not valid in their encoding), no C0 control character other than tab, line feed and carriage return, and no
     * mojibake of UTF-8 read as Latin-1 or Windows-1252 (such as {@code Ã©} for {@code é} or {@code â€™} for
     * {@code ’}).
     */
    public static @Nullable Boolean validEncoding(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return Encodings.isClean(value);
    }

    /**
     * {@link #validEncoding(String)} of the text whose UTF-8 bytes are {@code utf8[from..to)}, without decoding text
     * that is all printable ASCII (most text): for columnar sources, which hold text as UTF-8.
     */
    public static boolean validEncodingUtf8(byte[] utf8, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = utf8[i];
            if (b < 0x20 || b == 0x7F) { // a control character or, negative, a byte of a non-ASCII character
                return Encodings.isClean(new String(utf8, from, to - from, StandardCharsets.UTF_8));
            }
        }
        return true;
    }

    /**
     * Whether {@code value} can be read as a value of the SQL type {@code type} (e.g. {@code DATE}, {@code
     * DECIMAL(15,2)}, {@code INTEGER}), as a cast of the text would read it.
     */
    public static @Nullable Boolean castable(@Nullable String value, String type) {
        if (value == null) {
            return null;
        }
        return CASTS.computeIfAbsent(
                        type, text -> Casts.reader(SqlType.parse(text).orElseThrow(() -> unknown("SQL type", text))))
                .test(value);
    }

    private static IllegalArgumentException unknown(String what, String text) {
        return new IllegalArgumentException("Unknown " + what + " \"" + text + "\"");
    }
}
