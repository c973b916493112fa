package io.sluice.gateway.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short size syntax of {@code sluice.yaml}: a whole number and a binary unit, {@code 512KiB 4MiB 256MiB 2GiB}
 * (or plain bytes, {@code 4096B}).
 */
public final class DataSizes {

    /** What a valid size looks like, for "expected …" messages. */
    public static final String EXPECTED = "a size such as 512KiB, 4MiB, 256MiB or 2GiB";

    // At most 12 digits: 999999999999 TiB would overflow a long, so the unit check below guards the product too.
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,12})(B|KiB|MiB|GiB|TiB)");

    private DataSizes() {}

    /** Parses {@code text} such as {@code 256MiB} into bytes; empty when it is not in the short syntax. */
    public static Optional<Long> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        int shift =
                switch (matcher.group(2)) {
                    case "B" -> 0;
                    case "KiB" -> 10;
                    case "MiB" -> 20;
                    case "GiB" -> 30;
                    default -> 40;
                };
        if (amount > (Long.MAX_VALUE >> shift)) {
            return Optional.empty();
        }
        return Optional.of(amount << shift);
    }

    /** {@code bytes} in the largest unit that divides it, e.g. {@code 256MiB}: how the config would spell it. */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        long amount = bytes;
        while (unit < units.length - 1 && amount != 0 && amount % 1024 == 0) {
            amount /= 1024;
            unit++;
        }
        return amount + units[unit];
    }
}
