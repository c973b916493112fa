package io.sluice.quality.model;

/** {@code format}: the text is in one well-known {@link Format} (email, uuid, iso_date, …). */
public record FormatRule(RuleMetadata metadata, String column, Format format) implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.FORMAT;
    }
}
