package io.sluice.quality.validation;

import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleSet;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.TableRules;
import io.sluice.quality.parser.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataTypeSystem;

/**
 * Checks loaded rules against the tables they name, as the caller's {@link TableSchemaLookup} reports them: the table
 * exists; every column a rule names exists (with "did you mean"); each check applies to its column's type; every value
 * is a value of the column's type; expressions and {@code where} filters type-check and are boolean; foreign keys
 * reference an existing column of a comparable type. Returns every problem; none means the rules can be used.
 */
public final class RuleValidator {

    private final TableSchemaLookup tables;
    private final SqlExpressionChecker expressions;

    /** A validator with Calcite's default type system. */
    public RuleValidator(TableSchemaLookup tables) {
        this(tables, RelDataTypeSystem.DEFAULT);
    }

    /** A validator whose SQL types follow {@code typeSystem} (pass the gateway's, so that DECIMALs agree). */
    public RuleValidator(TableSchemaLookup tables, RelDataTypeSystem typeSystem) {
        this.tables = tables;
        this.expressions = new SqlExpressionChecker(typeSystem);
    }

    /** Every problem of every rule in {@code rules}, in file order. */
    public List<RuleProblem> validate(RuleSet rules) {
        List<RuleProblem> problems = new ArrayList<>();
        for (TableRules file : rules.files()) {
            problems.addAll(validate(file));
        }
        return problems.stream().sorted(RuleProblem.IN_FILE_ORDER).toList();
    }

    /** Every problem of the rules of one file. */
    public List<RuleProblem> validate(TableRules file) {
        Optional<TableSchema> table = tables.find(file.table());
        if (table.isEmpty()) {
            return List.of(new RuleProblem(file.tableLocation(), "table", unknownTable(file.table())));
        }
        List<RuleProblem> problems = new ArrayList<>();
        RuleChecks checks = new RuleChecks(table.get(), tables, expressions, problems);
        for (Rule rule : file.rules()) {
            checks.check(rule);
        }
        return problems;
    }

    /** "unknown table a.b.c; did you mean …" with the tables the lookup offers. */
    String unknownTable(TableName table) {
        List<String> candidates =
                tables.candidates(table).stream().map(TableName::toString).toList();
        return "unknown table " + table
                + Suggestions.closest(table.toString(), candidates)
                        .map(name -> "; did you mean \"" + name + "\"?")
                        .orElse("");
    }
}
