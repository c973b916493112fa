package io.sluice.quality.model;

import java.util.List;

/**
 * {@code foreign_key}: every non-NULL value of {@code column} exists in the referenced column, which may be in another
 * source (orders in PostgreSQL → customers in MySQL). Each row whose value is missing there is a violation.
 */
public record ForeignKeyRule(RuleMetadata metadata, String column, ColumnReference references) implements DatasetRule {

    @Override
    public Check check() {
        return Check.FOREIGN_KEY;
    }

    @Override
    public List<String> columns() {
        return List.of(column);
    }
}
