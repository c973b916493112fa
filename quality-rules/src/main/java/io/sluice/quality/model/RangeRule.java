package io.sluice.quality.model;

import java.util.Optional;

/**
 * {@code range}: the value lies between {@code min} and {@code max} (either may be absent), each bound inclusive unless
 * {@code min_inclusive}/{@code max_inclusive} say otherwise. Works for numbers, dates, times, timestamps and text (by
 * the source's collation); the bounds are read in the column's type.
 */
public record RangeRule(
        RuleMetadata metadata,
        String column,
        Optional<Literal> min,
        Optional<Literal> max,
        boolean minInclusive,
        boolean maxInclusive)
        implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.RANGE;
    }
}
