package io.sluice.quality.validation;

import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.AcceptedValuesRule;
import io.sluice.quality.model.CompletenessRule;
import io.sluice.quality.model.DuplicateRowsRule;
import io.sluice.quality.model.ExpressionRule;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.FormatRule;
import io.sluice.quality.model.FreshnessRule;
import io.sluice.quality.model.LengthRule;
import io.sluice.quality.model.Literal;
import io.sluice.quality.model.NotNullRule;
import io.sluice.quality.model.RangeRule;
import io.sluice.quality.model.RegexRule;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleOrigin;
import io.sluice.quality.model.TypeCastableRule;
import io.sluice.quality.model.UniqueRule;
import io.sluice.quality.model.ValidEncodingRule;
import io.sluice.quality.parser.Suggestions;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFamily;

/** Checks the rules of one table against its columns, adding each problem at the place in the file it concerns. */
final class RuleChecks {

    private final TableSchema table;
    private final TableSchemaLookup tables;
    private final SqlExpressionChecker expressions;
    private final List<RuleProblem> problems;

    RuleChecks(
            TableSchema table, TableSchemaLookup tables, SqlExpressionChecker expressions, List<RuleProblem> problems) {
        this.table = table;
        this.tables = tables;
        this.expressions = expressions;
        this.problems = problems;
    }

    void check(Rule rule) {
        rule.metadata().where().ifPresent(where -> sql(rule, "where", where));
        // Java 17 has no pattern matching in switch: the chain below lists every kind with something to check.
        if (rule instanceof RangeRule range) {
            range(range);
        } else if (rule instanceof AcceptedValuesRule acceptedValues) {
            acceptedValues(acceptedValues);
        } else if (rule instanceof RegexRule
                || rule instanceof FormatRule
                || rule instanceof LengthRule
                || rule instanceof ValidEncodingRule
                || rule instanceof TypeCastableRule) {
            text(rule, rule.columns().get(0));
        } else if (rule instanceof ExpressionRule expression) {
            sql(rule, "sql", expression.sql());
        } else if (rule instanceof ForeignKeyRule foreignKey) {
            foreignKey(foreignKey);
        } else if (rule instanceof FreshnessRule freshness) {
            freshness(freshness);
        } else if (rule instanceof UniqueRule || rule instanceof DuplicateRowsRule) {
            columns(rule, rule.columns());
        } else if (rule instanceof NotNullRule || rule instanceof CompletenessRule) {
            column(rule, "column", rule.columns().get(0));
        }
        // row_count and schema read no column: schema is judged against the live table in scans.
    }

    private void range(RangeRule rule) {
        Optional<RelDataType> type = column(rule, "column", rule.column()).map(RelDataTypeField::getType);
        if (type.isEmpty()) {
            return;
        }
        SqlTypeFamily family = LiteralConversion.family(type.get());
        if (family == SqlTypeFamily.BOOLEAN || family == SqlTypeFamily.ANY) {
            notApplicable(rule, type.get(), "numbers, dates, times, timestamps and text");
            return;
        }
        Optional<Comparable<?>> min = rule.min().flatMap(value -> value(rule, "min", value, type.get()));
        Optional<Comparable<?>> max = rule.max().flatMap(value -> value(rule, "max", value, type.get()));
        if (min.isPresent() && max.isPresent() && compare(min.get(), max.get()) > 0) {
            add(
                    rule,
                    "max",
                    "expected a maximum of at least min (" + rule.min().get().text() + "), got "
                            + rule.max().get().describe());
        }
    }

    private void acceptedValues(AcceptedValuesRule rule) {
        Optional<RelDataType> type = column(rule, "column", rule.column()).map(RelDataTypeField::getType);
        if (type.isEmpty()) {
            return;
        }
        if (LiteralConversion.family(type.get()) == SqlTypeFamily.ANY) {
            notApplicable(rule, type.get(), "text, numbers, booleans, dates and times");
            return;
        }
        for (int i = 0; i < rule.values().size(); i++) {
            value(rule, "values[" + i + "]", rule.values().get(i), type.get());
        }
    }

    private void foreignKey(ForeignKeyRule rule) {
        Optional<RelDataType> type = column(rule, "column", rule.column()).map(RelDataTypeField::getType);
        Optional<TableSchema> referenced = tables.find(rule.references().table());
        if (referenced.isEmpty()) {
            add(rule, "references", "unknown table " + rule.references().table() + " (in " + rule.references() + ")");
            return;
        }
        String column = rule.references().column();
        Optional<RelDataTypeField> target = referenced.get().column(column);
        if (target.isEmpty()) {
            add(
                    rule,
                    "references",
                    "column \"" + column + "\" is not in table "
                            + referenced.get().name()
                            + Suggestions.hint(column, referenced.get().columnNames()));
            return;
        }
        if (type.isPresent() && !comparable(type.get(), target.get().getType())) {
            add(
                    rule,
                    "references",
                    "column " + rule.column() + " (" + typeName(type.get()) + ") cannot be compared with "
                            + rule.references() + " (" + typeName(target.get().getType()) + ")");
        }
    }

    private void freshness(FreshnessRule rule) {
        column(rule, "column", rule.column()).map(RelDataTypeField::getType).ifPresent(type -> {
            SqlTypeFamily family = LiteralConversion.family(type);
            if (family != SqlTypeFamily.DATE && family != SqlTypeFamily.TIMESTAMP) {
                notApplicable(rule, type, "DATE and TIMESTAMP columns");
            }
        });
    }

    /** A check that reads text: regex, format, length, valid_encoding, type_castable. */
    private void text(Rule rule, String column) {
        column(rule, "column", column).map(RelDataTypeField::getType).ifPresent(type -> {
            if (LiteralConversion.family(type) != SqlTypeFamily.CHARACTER) {
                notApplicable(rule, type, "text columns (CHAR, VARCHAR)");
            }
        });
    }

    private void sql(Rule rule, String key, String sql) {
        expressions.check(sql, table).ifPresent(message -> add(rule, key, message));
    }

    private void columns(Rule rule, List<String> columns) {
        for (int i = 0; i < columns.size(); i++) {
            column(rule, "columns[" + i + "]", columns.get(i));
        }
    }

    private Optional<RelDataTypeField> column(Rule rule, String key, String column) {
        Optional<RelDataTypeField> field = table.column(column);
        if (field.isEmpty()) {
            // A rule written with "column:" for a one-column unique reports at that key.
            String at = rule.metadata().origin().keys().containsKey(key) ? key : "column";
            add(
                    rule,
                    at,
                    "column \"" + column + "\" is not in table " + table.name()
                            + Suggestions.hint(column, table.columnNames()));
        }
        return field;
    }

    private Optional<Comparable<?>> value(Rule rule, String key, Literal literal, RelDataType type) {
        Optional<Comparable<?>> value = LiteralConversion.convert(literal, type);
        if (value.isEmpty()) {
            add(
                    rule,
                    key,
                    "expected " + LiteralConversion.expected(type) + " for column " + columnName(rule) + " ("
                            + typeName(type) + "), got " + literal.describe());
        }
        return value;
    }

    private void notApplicable(Rule rule, RelDataType type, String appliesTo) {
        add(
                rule,
                "column",
                rule.check().yamlName() + " applies to " + appliesTo + "; column " + columnName(rule) + " is "
                        + typeName(type));
    }

    private void add(Rule rule, String key, String message) {
        RuleOrigin origin = rule.metadata().origin();
        problems.add(new RuleProblem(origin.locationOf(key), origin.pathOf(key), message));
    }

    private static String columnName(Rule rule) {
        return rule.columns().isEmpty() ? "" : rule.columns().get(0);
    }

    static String typeName(RelDataType type) {
        return type.getFullTypeString().replace(" NOT NULL", "");
    }

    private static boolean comparable(RelDataType a, RelDataType b) {
        SqlTypeFamily familyA = LiteralConversion.family(a);
        SqlTypeFamily familyB = LiteralConversion.family(b);
        return familyA == familyB && familyA != SqlTypeFamily.ANY || a.getSqlTypeName() == b.getSqlTypeName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) {
        return a.compareTo(b);
    }
}
