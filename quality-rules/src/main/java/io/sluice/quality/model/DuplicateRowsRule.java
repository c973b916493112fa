package io.sluice.quality.model;

import java.util.List;

/**
 * {@code duplicate_rows}: no two rows are identical in {@code columns}, or in all columns when none are listed. Unlike
 * {@code unique}, NULLs compare equal (two rows that are both NULL in a column are duplicates), as in {@code SELECT
 * DISTINCT}.
 */
public record DuplicateRowsRule(RuleMetadata metadata, List<String> columns) implements DatasetRule {

    public DuplicateRowsRule {
        columns = List.copyOf(columns);
    }

    @Override
    public Check check() {
        return Check.DUPLICATE_ROWS;
    }
}
