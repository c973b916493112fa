package io.sluice.quality.model;

/** {@code not_null}: the column has a value in every row. */
public record NotNullRule(RuleMetadata metadata, String column) implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.NOT_NULL;
    }
}
