package io.sluice.quality.model;

import java.util.List;

/** {@code accepted_values}: the value is one of {@code values}, read in the column's type. */
public record AcceptedValuesRule(RuleMetadata metadata, String column, List<Literal> values)
        implements RowRule.OfColumn {

    public AcceptedValuesRule {
        values = List.copyOf(values);
    }

    @Override
    public Check check() {
        return Check.ACCEPTED_VALUES;
    }
}
