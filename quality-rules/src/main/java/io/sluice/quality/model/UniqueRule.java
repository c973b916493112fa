package io.sluice.quality.model;

import java.util.List;

/**
 * {@code unique}: no two rows share the same values of {@code columns} (one or more). Rows with a NULL in any of them
 * are not compared, as in a SQL {@code UNIQUE} constraint. Each row beyond the first of a group counts as a violation.
 */
public record UniqueRule(RuleMetadata metadata, List<String> columns) implements DatasetRule {

    public UniqueRule {
        columns = List.copyOf(columns);
    }

    @Override
    public Check check() {
        return Check.UNIQUE;
    }
}
