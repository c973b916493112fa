package io.sluice.quality.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of one table as one rule file states them.
 *
 * @param table the table the rules apply to
 * @param schedule how often scans run on their own, when given ({@code schedule: 1h})
 * @param rules in file order
 * @param file the file, as named in messages
 * @param tableLocation where the table is named in the file
 */
public record TableRules(
        TableName table, Optional<Duration> schedule, List<Rule> rules, String file, Location tableLocation) {

    public TableRules {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(schedule, "schedule");
        rules = List.copyOf(rules);
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tableLocation, "tableLocation");
    }

    /** The row rules, which run inline. */
    public List<RowRule> rowRules() {
        return rules.stream()
                .filter(RowRule.class::isInstance)
                .map(RowRule.class::cast)
                .toList();
    }

    /** The dataset rules, which run in scans. */
    public List<DatasetRule> datasetRules() {
        return rules.stream()
                .filter(DatasetRule.class::isInstance)
                .map(DatasetRule.class::cast)
                .toList();
    }
}
