package io.sluice.quality.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code schema}: the table has the expected columns, each of the expected type when one is given; with {@code
 * allow_extra_columns: false}, no others. Judged against the live table in a scan, so that schema drift is reported
 * like any other violation instead of stopping the gateway.
 */
public record SchemaRule(RuleMetadata metadata, List<ExpectedColumn> expectedColumns, boolean allowExtraColumns)
        implements DatasetRule {

    /** A column the table must have; {@code type} empty when any type will do. */
    public record ExpectedColumn(String name, Optional<SqlType> type) {

        public ExpectedColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public SchemaRule {
        expectedColumns = List.copyOf(expectedColumns);
    }

    @Override
    public Check check() {
        return Check.SCHEMA;
    }

    /** None: the expected columns are what the rule checks for, not what it reads. */
    @Override
    public List<String> columns() {
        return List.of();
    }
}
