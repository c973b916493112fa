package io.sluice.quality.model;

import java.util.Objects;

/**
 * A value written in a rule file (a bound of {@code range}, an item of {@code accepted_values}), kept as written: its
 * meaning depends on the type of the column it is compared with, which is only known when the rules are validated
 * against the table (then {@code validation.LiteralConversion} turns it into a value of the column's type).
 *
 * @param text the value as written, e.g. {@code 10.5}, {@code 2024-01-31}, {@code O}
 * @param kind whether YAML read it as a number, a boolean or text (a quoted {@code "10"} is text)
 */
public record Literal(String text, Kind kind) {

    /** How YAML typed the value. */
    public enum Kind {
        NUMBER,
        BOOLEAN,
        TEXT
    }

    public Literal {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    public static Literal number(String text) {
        return new Literal(text, Kind.NUMBER);
    }

    public static Literal text(String text) {
        return new Literal(text, Kind.TEXT);
    }

    /** {@code the number 5} or {@code "abc"}, for "got …" parts of messages. */
    public String describe() {
        return switch (kind) {
            case NUMBER -> "the number " + text;
            case BOOLEAN -> "the boolean " + text;
            case TEXT -> "\"" + text + "\"";
        };
    }
}
