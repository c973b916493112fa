package io.sluice.quality.parser;

import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleOrigin;
import io.sluice.quality.model.TableRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks across files: rule names are unique per table (results are kept per rule name, so two rules with one name
 * would mix their history), and files that give the same table a schedule agree on it.
 */
final class RuleSetChecks {

    private RuleSetChecks() {}

    static List<RuleProblem> check(List<TableRules> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Rule> rulesByName = new HashMap<>();
        Map<String, TableRules> scheduleByTable = new HashMap<>();
        for (TableRules file : files) {
            String table = file.table().toString().toLowerCase(Locale.ROOT);
            for (Rule rule : file.rules()) {
                Rule first =
                        rulesByName.putIfAbsent(table + "\u0000" + rule.name().toLowerCase(Locale.ROOT), rule);
                if (first != null) {
                    problems.add(duplicateName(file, rule, first));
                }
            }
            if (file.schedule().isPresent()) {
                TableRules first = scheduleByTable.putIfAbsent(table, file);
                if (first != null && !first.schedule().equals(file.schedule())) {
                    problems.add(new RuleProblem(
                            file.tableLocation(),
                            "schedule",
                            "table " + file.table() + " is scheduled every "
                                    + Durations.format(first.schedule().get())
                                    + " in " + first.file() + " and every "
                                    + Durations.format(file.schedule().get())
                                    + " here; give one schedule"));
                }
            }
        }
        return problems;
    }

    private static RuleProblem duplicateName(TableRules file, Rule rule, Rule first) {
        RuleOrigin origin = rule.metadata().origin();
        boolean written = origin.keys().containsKey("name");
        String how = written ? "" : " (derived from the check and its columns)";
        return new RuleProblem(
                written ? origin.locationOf("name") : origin.start(),
                written ? origin.pathOf("name") : origin.path(),
                "duplicate rule name \"" + rule.name() + "\"" + how + " for table " + file.table()
                        + "; the first is at " + first.metadata().origin().start()
                        + "; set name: on one of them to tell them apart");
    }
}
