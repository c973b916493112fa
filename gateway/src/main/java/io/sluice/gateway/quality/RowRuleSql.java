package io.sluice.gateway.quality;

import io.sluice.quality.model.AcceptedValuesRule;
import io.sluice.quality.model.ExpressionRule;
import io.sluice.quality.model.FormatRule;
import io.sluice.quality.model.LengthRule;
import io.sluice.quality.model.Literal;
import io.sluice.quality.model.NotNullRule;
import io.sluice.quality.model.RangeRule;
import io.sluice.quality.model.RegexRule;
import io.sluice.quality.model.RowRule;
import io.sluice.quality.model.TypeCastableRule;
import io.sluice.quality.model.ValidEncodingRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A row rule as SQL: a boolean expression over the table's columns that is TRUE exactly when a row violates the rule
 * (NULL counts as no violation). Checks SQL has no function for call the {@code sluice} schema's functions, which the
 * engine runs in generated code.
 */
public final class RowRuleSql {

    private RowRuleSql() {}

    /** The condition under which a row violates {@code rule}, its {@code where} filter included. */
    public static String violation(RowRule rule) {
        String violation = checkViolation(rule);
        return rule.metadata()
                .where()
                .map(where -> "(" + where + ") AND (" + violation + ")")
                .orElse(violation);
    }

    /**
     * The condition under which a row violates {@code rule}, without its {@code where} filter: for counting the
     * violations among the rows the filter selects.
     */
    public static String checkViolation(RowRule rule) {
        if (rule instanceof NotNullRule notNull) {
            return column(notNull.column()) + " IS NULL";
        }
        if (rule instanceof RangeRule range) {
            String column = column(range.column());
            List<String> outside = new ArrayList<>(2);
            range.min().ifPresent(min -> outside.add(column + (range.minInclusive() ? " < " : " <= ") + literal(min)));
            range.max().ifPresent(max -> outside.add(column + (range.maxInclusive() ? " > " : " >= ") + literal(max)));
            return outside.isEmpty() ? "FALSE" : String.join(" OR ", outside);
        }
        if (rule instanceof AcceptedValuesRule accepted) {
            return column(accepted.column()) + " NOT IN ("
                    + accepted.values().stream().map(RowRuleSql::literal).collect(Collectors.joining(", ")) + ")";
        }
        if (rule instanceof RegexRule regex) {
            return "NOT " + function("regex_find", column(regex.column()), text(regex.pattern()));
        }
        if (rule instanceof FormatRule format) {
            return "NOT "
                    + function(
                            "has_format",
                            column(format.column()),
                            text(format.format().yamlName()));
        }
        if (rule instanceof LengthRule length) {
            String chars = "CHAR_LENGTH(" + column(length.column()) + ")";
            List<String> outside = new ArrayList<>(2);
            length.min().ifPresent(min -> outside.add(chars + " < " + min));
            length.max().ifPresent(max -> outside.add(chars + " > " + max));
            return outside.isEmpty() ? "FALSE" : String.join(" OR ", outside);
        }
        if (rule instanceof ValidEncodingRule encoding) {
            return "NOT " + function("valid_encoding", column(encoding.column()));
        }
        if (rule instanceof TypeCastableRule castable) {
            return "NOT "
                    + function(
                            "castable",
                            column(castable.column()),
                            text(castable.type().toString()));
        }
        if (rule instanceof ExpressionRule expression) {
            return "NOT (" + expression.sql() + ")";
        }
        throw new IllegalArgumentException(
                "No SQL for the row rule " + rule.check().yamlName());
    }

    private static String function(String name, String... arguments) {
        return CheckedTable.quote(QualityFunctions.SCHEMA) + "." + CheckedTable.quote(name) + "("
                + String.join(", ", arguments) + ")";
    }

    /** {@code name} quoted for Sluice's SQL, e.g. {@code "o_id"}. */
    public static String column(String name) {
        return CheckedTable.quote(name);
    }

    private static String literal(Literal literal) {
        return switch (literal.kind()) {
            case NUMBER -> literal.text();
            case BOOLEAN -> literal.text().toUpperCase(Locale.ROOT);
            case TEXT -> text(literal.text());
        };
    }

    private static String text(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
