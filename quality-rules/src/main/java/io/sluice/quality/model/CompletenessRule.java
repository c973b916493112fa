package io.sluice.quality.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code completeness}: at most {@code maxNullRatio} (0 to 1) of the rows have no value in {@code column}; an empty
 * table passes.
 */
public record CompletenessRule(RuleMetadata metadata, String column, BigDecimal maxNullRatio) implements DatasetRule {

    @Override
    public Check check() {
        return Check.COMPLETENESS;
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }
}
