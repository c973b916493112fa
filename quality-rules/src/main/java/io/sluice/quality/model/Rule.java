package io.sluice.quality.model;

import java.util.List;

/** One declarative quality rule of a table: either a {@link RowRule} or a {@link DatasetRule}. */
public sealed interface Rule permits RowRule, DatasetRule {

    /** Name, severity, action, filter, description, owner and origin. */
    RuleMetadata metadata();

    /** The kind of check, as spelt after {@code check:}. */
    Check check();

    /** The columns of the rule's own table that the check reads (not counting its {@code where} filter). */
    List<String> columns();

    default String name() {
        return metadata().name();
    }
}
