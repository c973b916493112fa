package io.sluice.gateway.quality;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The row rules in force, by table; looked up for every scan planned, so a reload takes effect at the next query. */
@FunctionalInterface
public interface RowRuleSet {

    /** No rules at all. */
    RowRuleSet NONE = (source, schema, table) -> List.of();

    /** The row rules of one table, in file order; empty when it has none. */
    List<RuleSql> rowRules(String source, String schema, String table);

    /**
     * One row rule, as SQL over the table's columns.
     *
     * @param name the rule's name
     * @param column the column it is about (its value is the sample), or null
     * @param action what a violation does
     * @param violationSql a boolean SQL expression over the table's columns that is TRUE when a row violates the rule
     */
    record RuleSql(String name, @Nullable String column, CheckAction action, String violationSql) {}
}
