package io.sluice.quality.model;

import java.util.List;
import java.util.OptionalLong;

/** {@code row_count}: the table has between {@code min} and {@code max} rows (inclusive; either may be absent). */
public record RowCountRule(RuleMetadata metadata, OptionalLong min, OptionalLong max) implements DatasetRule {

    @Override
    public Check check() {
        return Check.ROW_COUNT;
    }

    @Override
    public List<String> columns() {
        return List.of();
    }
}
