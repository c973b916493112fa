package io.sluice.quality.model;

import java.util.OptionalInt;

/** {@code length}: the text has between {@code min} and {@code max} characters (inclusive; either may be absent). */
public record LengthRule(RuleMetadata metadata, String column, OptionalInt min, OptionalInt max)
        implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.LENGTH;
    }
}
