package io.sluice.quality.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule of a rules directory, one {@link TableRules} per file. Several files may state rules of the same table
 * (e.g. hand-written rules next to imported dbt tests); their rules then apply together.
 */
public record RuleSet(List<TableRules> files) {

    public static final RuleSet EMPTY = new RuleSet(List.of());

    public RuleSet {
        files = List.copyOf(files);
    }

    /** The tables that have rules, each once, in the order first seen. */
    public List<TableName> tables() {
        Map<String, TableName> tables = new LinkedHashMap<>();
        files.forEach(file -> tables.putIfAbsent(key(file.table()), file.table()));
        return List.copyOf(tables.values());
    }

    /** All rules of {@code table} from every file, in file order; empty when it has none. */
    public List<Rule> rulesOf(TableName table) {
        List<Rule> rules = new ArrayList<>();
        files.stream().filter(file -> file.table().matches(table)).forEach(file -> rules.addAll(file.rules()));
        return List.copyOf(rules);
    }

    /** The row rules of {@code table}, which run inline on every query that reads it. */
    public List<RowRule> rowRulesOf(TableName table) {
        return rulesOf(table).stream()
                .filter(RowRule.class::isInstance)
                .map(RowRule.class::cast)
                .toList();
    }

    /** The dataset rules of {@code table}, which run in scans. */
    public List<DatasetRule> datasetRulesOf(TableName table) {
        return rulesOf(table).stream()
                .filter(DatasetRule.class::isInstance)
                .map(DatasetRule.class::cast)
                .toList();
    }

    /** The scan schedule of {@code table}, if a file gives one (the loader ensures files do not disagree). */
    public Optional<Duration> scheduleOf(TableName table) {
        return files.stream()
                .filter(file -> file.table().matches(table))
                .flatMap(file -> file.schedule().stream())
                .findFirst();
    }

    private static String key(TableName table) {
        return table.toString().toLowerCase(Locale.ROOT);
    }
}
