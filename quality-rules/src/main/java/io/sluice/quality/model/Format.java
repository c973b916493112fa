package io.sluice.quality.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The well-known text formats a {@code format} rule can require. Each names one precise, documented syntax, so that
 * inline checks, pushed-down filters and scans agree on what passes.
 */
public enum Format {
    /** {@code local@domain.tld}: one {@code @}, no spaces, a dot in the domain (the practical subset of RFC 5322). */
    EMAIL,
    /** 8-4-4-4-12 hexadecimal digits, either case (RFC 9562 text form; any version). */
    UUID,
    /** {@code YYYY-MM-DD}, a real calendar date (ISO 8601 extended form). */
    ISO_DATE,
    /** {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]} with an optional {@code Z} or {@code ±HH:MM} offset; {@code T} or space. */
    ISO_TIMESTAMP,
    /** {@code HH:MM[:SS[.fraction]]}. */
    ISO_TIME,
    /** An absolute {@code http} or {@code https} URL with a host (RFC 3986). */
    URL,
    /** Dotted quad, each part 0–255 without leading zeros. */
    IPV4,
    /** RFC 4291 text forms, including {@code ::} compression and an embedded IPv4 tail. */
    IPV6,
    /** E.164 telephone number: {@code +} and 8 to 15 digits. */
    E164_PHONE;

    /** The spelling in rule files, e.g. {@code iso_date}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format spelt {@code text} in a rule file. */
    public static Optional<Format> fromYaml(String text) {
        return Arrays.stream(values())
                .filter(format -> format.yamlName().equals(text))
                .findFirst();
    }

    /** Every spelling, for "did you mean" and "expected one of" messages. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Format::yamlName).toList();
    }
}
