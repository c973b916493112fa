package io.sluice.quality.runtime;

import io.sluice.quality.model.Format;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text formats of the {@code format} check, as documented on {@link Format}. */
final class Formats {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[T ]"
            + "([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,9})?)?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern E164 = Pattern.compile("\\+\\d{8,15}");

    private static final Map<Format, Predicate<String>> MATCHERS = new EnumMap<>(Format.class);

    static {
        MATCHERS.put(Format.EMAIL, value -> EMAIL.matcher(value).matches());
        MATCHERS.put(Format.UUID, value -> UUID.matcher(value).matches());
        MATCHERS.put(Format.ISO_DATE, value -> isDate(DATE.matcher(value)));
        MATCHERS.put(Format.ISO_TIME, value -> TIME.matcher(value).matches());
        MATCHERS.put(Format.ISO_TIMESTAMP, value -> isDate(TIMESTAMP.matcher(value)));
        MATCHERS.put(Format.URL, Formats::isUrl);
        MATCHERS.put(Format.IPV4, value -> IPV4.matcher(value).matches());
        MATCHERS.put(Format.IPV6, Formats::isIpv6);
        MATCHERS.put(Format.E164_PHONE, value -> E164.matcher(value).matches());
    }

    private Formats() {}

    static Predicate<String> matcher(Format format) {
        return MATCHERS.get(format);
    }

    /** The whole text matches and its first group is a real calendar date. */
    private static boolean isDate(Matcher matcher) {
        if (!matcher.matches()) {
            return false;
        }
        try {
            LocalDate.parse(matcher.group(1));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** RFC 4291 text forms: eight groups, or fewer with one {@code ::}, optionally ending in a dotted quad. */
    private static boolean isIpv6(String value) {
        int groups = 8;
        String text = value;
        int lastColon = text.lastIndexOf(':');
        if (lastColon >= 0 && text.indexOf('.', lastColon) > 0) {
            if (!IPV4.matcher(text.substring(lastColon + 1)).matches()) {
                return false;
            }
            text = text.substring(0, lastColon + 1) + "0:0";
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        if (compression < 0) {
            return countGroups(text) == groups;
        }
        String head = text.substring(0, compression);
        String tail = text.substring(compression + 2);
        int headGroups = head.isEmpty() ? 0 : countGroups(head);
        int tailGroups = tail.isEmpty() ? 0 : countGroups(tail);
        return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups < groups;
    }

    /** The number of colon-separated hex groups of {@code text}, or -1 when one is malformed. */
    private static int countGroups(String text) {
        String[] parts = text.split(":", -1);
        for (String part : parts) {
            if (!HEX_GROUP.matcher(part).matches()) {
                return -1;
            }
        }
        return parts.length;
    }
}
