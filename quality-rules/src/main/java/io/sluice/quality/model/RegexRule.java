package io.sluice.quality.model;

/**
 * {@code regex}: the text contains a match of {@code pattern} (Java regular-expression syntax; anchor it with {@code ^}
 * and {@code $} to require the whole value to match, as in PostgreSQL's {@code ~} and Great Expectations).
 */
public record RegexRule(RuleMetadata metadata, String column, String pattern) implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.REGEX;
    }
}
