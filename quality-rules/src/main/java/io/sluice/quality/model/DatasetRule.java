package io.sluice.quality.model;

/**
 * A rule judged over a whole table (or the part of it its {@code where} filter selects): it runs in scans, pushed to the
 * sources as aggregate queries where possible. Its action is {@code warn} or {@code fail}.
 */
public sealed interface DatasetRule extends Rule
        permits UniqueRule,
                DuplicateRowsRule,
                ForeignKeyRule,
                RowCountRule,
                CompletenessRule,
                FreshnessRule,
                SchemaRule {}
