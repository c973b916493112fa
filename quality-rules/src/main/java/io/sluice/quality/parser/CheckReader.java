package io.sluice.quality.parser;

import io.sluice.quality.model.AcceptedValuesRule;
import io.sluice.quality.model.Check;
import io.sluice.quality.model.ColumnReference;
import io.sluice.quality.model.CompletenessRule;
import io.sluice.quality.model.DuplicateRowsRule;
import io.sluice.quality.model.ExpressionRule;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.Format;
import io.sluice.quality.model.FormatRule;
import io.sluice.quality.model.FreshnessRule;
import io.sluice.quality.model.LengthRule;
import io.sluice.quality.model.Literal;
import io.sluice.quality.model.NotNullRule;
import io.sluice.quality.model.RangeRule;
import io.sluice.quality.model.RegexRule;
import io.sluice.quality.model.RowCountRule;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleMetadata;
import io.sluice.quality.model.SchemaRule;
import io.sluice.quality.model.SqlType;
import io.sluice.quality.model.TypeCastableRule;
import io.sluice.quality.model.UniqueRule;
import io.sluice.quality.model.ValidEncodingRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Reads the keys particular to each check (everything but the keys every rule has). A problem is recorded at its key
 * and makes the read empty; the keys are the ones people who know Soda, Great Expectations and dbt would guess: {@code
 * column}/{@code columns}, {@code min}/{@code max}, {@code values}, {@code pattern}, {@code references}, {@code
 * max_age}.
 */
final class CheckReader {

    /** What the check reads, to name the rule when it has no name, and how to build it once the metadata is read. */
    record Body(List<String> nameParts, Function<RuleMetadata, Rule> build) {}

    private static final String COLUMN = "column";
    private static final String COLUMNS = "columns";
    private static final String A_COLUMN = "a column name";

    private CheckReader() {}

    static Optional<Body> read(Check check, YamlMapping rule) {
        return switch (check) {
            case NOT_NULL -> column(rule).map(column -> body(column, meta -> new NotNullRule(meta, column)));
            case RANGE -> range(rule);
            case ACCEPTED_VALUES -> acceptedValues(rule);
            case REGEX -> regex(rule);
            case FORMAT -> format(rule);
            case LENGTH -> length(rule);
            case VALID_ENCODING -> column(rule)
                    .map(column -> body(column, meta -> new ValidEncodingRule(meta, column)));
            case TYPE_CASTABLE -> typeCastable(rule);
            case EXPRESSION -> expression(rule);
            case UNIQUE -> unique(rule);
            case DUPLICATE_ROWS -> duplicateRows(rule);
            case FOREIGN_KEY -> foreignKey(rule);
            case ROW_COUNT -> rowCount(rule);
            case COMPLETENESS -> completeness(rule);
            case FRESHNESS -> freshness(rule);
            case SCHEMA -> schema(rule);
        };
    }

    private static Body body(String column, Function<RuleMetadata, Rule> build) {
        return new Body(List.of(column), build);
    }

    private static Optional<String> column(YamlMapping rule) {
        return rule.requiredString(COLUMN, A_COLUMN);
    }

    private static Optional<Body> range(YamlMapping rule) {
        Optional<String> column = column(rule);
        Optional<Literal> min = rule.literal("min");
        Optional<Literal> max = rule.literal("max");
        boolean minInclusive = rule.bool("min_inclusive").orElse(true);
        boolean maxInclusive = rule.bool("max_inclusive").orElse(true);
        if (!rule.has("min") && !rule.has("max")) {
            rule.error(null, "at least one of min and max", "neither");
            return Optional.empty();
        }
        if (!complete(rule, column, "min", min, "max", max)) {
            return Optional.empty();
        }
        return Optional.of(
                body(column.get(), meta -> new RangeRule(meta, column.get(), min, max, minInclusive, maxInclusive)));
    }

    private static Optional<Body> acceptedValues(YamlMapping rule) {
        Optional<String> column = column(rule);
        Optional<List<Literal>> values = rule.literals("values", "a list of the accepted values");
        if (!rule.has("values")) {
            rule.error("values", "a list of the accepted values", "nothing");
        }
        if (column.isEmpty() || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new AcceptedValuesRule(meta, column.get(), values.get())));
    }

    private static Optional<Body> regex(YamlMapping rule) {
        Optional<String> column = column(rule);
        Optional<String> pattern =
                rule.requiredString("pattern", "a regular expression").filter(text -> compiles(rule, text));
        if (column.isEmpty() || pattern.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new RegexRule(meta, column.get(), pattern.get())));
    }

    private static boolean compiles(YamlMapping rule, String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            // Java points one past the end for what is missing at the end (an unclosed group): say so in words.
            String where = e.getIndex() < 0
                    ? ""
                    : e.getIndex() >= pattern.length() ? " at the end" : " at character " + (e.getIndex() + 1);
            rule.problem("pattern", "invalid regular expression: " + e.getDescription() + where);
            return false;
        }
    }

    private static Optional<Body> format(YamlMapping rule) {
        Optional<String> column = column(rule);
        String expected = "one of " + String.join(", ", Format.yamlNames());
        Optional<Format> format = rule.requiredString("format", expected)
                .flatMap(text -> Format.fromYaml(text).or(() -> {
                    rule.problem(
                            "format",
                            "unknown format " + YamlMapping.quote(text) + Suggestions.hint(text, Format.yamlNames()));
                    return Optional.empty();
                }));
        if (column.isEmpty() || format.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new FormatRule(meta, column.get(), format.get())));
    }

    private static Optional<Body> length(YamlMapping rule) {
        Optional<String> column = column(rule);
        OptionalLong min = rule.count("min");
        OptionalLong max = rule.count("max");
        if (!boundsOrdered(rule, min, max) || column.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt minLength = toInt(min);
        OptionalInt maxLength = toInt(max);
        return Optional.of(body(column.get(), meta -> new LengthRule(meta, column.get(), minLength, maxLength)));
    }

    private static Optional<Body> typeCastable(YamlMapping rule) {
        Optional<String> column = column(rule);
        Optional<SqlType> type = rule.requiredString("type", SqlType.EXPECTED).flatMap(text -> castTarget(rule, text));
        if (column.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new TypeCastableRule(meta, column.get(), type.get())));
    }

    private static Optional<SqlType> castTarget(YamlMapping rule, String text) {
        Optional<SqlType> type = SqlType.parse(text);
        String expected = "a number, boolean, date or time type such as INTEGER, DECIMAL(15,2), DATE or TIMESTAMP";
        boolean castable = type.map(t -> SqlTypeName.NUMERIC_TYPES.contains(t.name())
                        || SqlTypeName.DATETIME_TYPES.contains(t.name())
                        || t.name() == SqlTypeName.BOOLEAN)
                .orElse(false);
        if (!castable) {
            rule.error("type", expected, YamlMapping.quote(text));
            return Optional.empty();
        }
        return type;
    }

    private static Optional<Body> expression(YamlMapping rule) {
        Optional<String> sql = rule.requiredString("sql", "a SQL boolean expression over the table's columns");
        Optional<SqlExpressionParser.Parsed> parsed = sql.flatMap(text -> RuleFileReader.parsed(rule, "sql", text));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        List<String> columns = parsed.get().columnNames();
        return Optional.of(new Body(List.of(sql.get()), meta -> new ExpressionRule(meta, sql.get(), columns)));
    }

    private static Optional<Body> unique(YamlMapping rule) {
        if (rule.has(COLUMN) == rule.has(COLUMNS)) {
            String got = rule.has(COLUMN) ? "both" : "neither";
            rule.error(null, "either column (one column) or columns (a list of columns)", got);
            rule.ignore(List.of(COLUMN, COLUMNS));
            return Optional.empty();
        }
        Optional<List<String>> columns = rule.has(COLUMN)
                ? rule.string(COLUMN).map(List::of)
                : rule.strings(COLUMNS, "a list of column names", false);
        return columns.map(list -> new Body(list, meta -> new UniqueRule(meta, list)));
    }

    private static Optional<Body> duplicateRows(YamlMapping rule) {
        boolean listed = rule.has(COLUMNS);
        Optional<List<String>> columns = rule.strings(COLUMNS, "a list of column names", false);
        if (listed && columns.isEmpty()) {
            return Optional.empty();
        }
        List<String> list = columns.orElse(List.of());
        return Optional.of(new Body(list, meta -> new DuplicateRowsRule(meta, list)));
    }

    private static Optional<Body> foreignKey(YamlMapping rule) {
        Optional<String> column = column(rule);
        Optional<ColumnReference> references = rule.requiredString("references", ColumnReference.EXPECTED)
                .flatMap(text -> ColumnReference.parse(text).or(() -> {
                    rule.error("references", ColumnReference.EXPECTED, YamlMapping.quote(text));
                    return Optional.empty();
                }));
        if (column.isEmpty() || references.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new ForeignKeyRule(meta, column.get(), references.get())));
    }

    private static Optional<Body> rowCount(YamlMapping rule) {
        OptionalLong min = rule.count("min");
        OptionalLong max = rule.count("max");
        if (!boundsOrdered(rule, min, max)) {
            return Optional.empty();
        }
        return Optional.of(new Body(List.of(), meta -> new RowCountRule(meta, min, max)));
    }

    private static Optional<Body> completeness(YamlMapping rule) {
        Optional<String> column = column(rule);
        String expected = "a ratio from 0 to 1 (e.g. 0.05 allows 5% NULLs)";
        Optional<BigDecimal> ratio = rule.number("max_null_ratio", expected);
        if (!rule.has("max_null_ratio")) {
            rule.error("max_null_ratio", expected, "nothing");
        } else if (ratio.isPresent() && (ratio.get().signum() < 0 || ratio.get().compareTo(BigDecimal.ONE) > 0)) {
            rule.error("max_null_ratio", expected, "the number " + ratio.get().toPlainString());
            return Optional.empty();
        }
        if (column.isEmpty() || ratio.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new CompletenessRule(meta, column.get(), ratio.get())));
    }

    private static Optional<Body> freshness(YamlMapping rule) {
        Optional<String> column = column(rule);
        Optional<Duration> maxAge = rule.duration("max_age");
        if (!rule.has("max_age")) {
            rule.error("max_age", Durations.EXPECTED, "nothing");
        }
        if (column.isEmpty() || maxAge.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body(column.get(), meta -> new FreshnessRule(meta, column.get(), maxAge.get())));
    }

    private static Optional<Body> schema(YamlMapping rule) {
        boolean allowExtra = rule.bool("allow_extra_columns").orElse(true);
        String expected = "the expected columns: a mapping of column name to SQL type (empty for any type)";
        if (!rule.has(COLUMNS)) {
            rule.error(COLUMNS, expected, "nothing");
            return Optional.empty();
        }
        Optional<YamlMapping> columns = rule.mapping(COLUMNS);
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        if (columns.get().keys().isEmpty()) {
            rule.error(COLUMNS, expected, "an empty mapping");
            return Optional.empty();
        }
        List<SchemaRule.ExpectedColumn> expectedColumns = new ArrayList<>();
        boolean complete = true;
        for (String name : columns.get().keys()) {
            boolean typed = columns.get().has(name);
            Optional<SqlType> type = columns.get().string(name).flatMap(text -> SqlType.parse(text)
                    .or(() -> {
                        columns.get().error(name, SqlType.EXPECTED, YamlMapping.quote(text));
                        return Optional.empty();
                    }));
            complete &= !typed || type.isPresent();
            expectedColumns.add(new SchemaRule.ExpectedColumn(name, type));
        }
        return complete
                ? Optional.of(new Body(List.of(), meta -> new SchemaRule(meta, expectedColumns, allowExtra)))
                : Optional.empty();
    }

    private static boolean boundsOrdered(YamlMapping rule, OptionalLong min, OptionalLong max) {
        if (!rule.has("min") && !rule.has("max")) {
            rule.error(null, "at least one of min and max", "neither");
            return false;
        }
        if ((rule.has("min") && min.isEmpty()) || (rule.has("max") && max.isEmpty())) {
            return false;
        }
        if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
            rule.error("max", "a maximum of at least min (" + min.getAsLong() + ")", "the number " + max.getAsLong());
            return false;
        }
        return true;
    }

    private static boolean complete(
            YamlMapping rule,
            Optional<String> column,
            String key1,
            Optional<?> value1,
            String key2,
            Optional<?> value2) {
        return column.isPresent() && (!rule.has(key1) || value1.isPresent()) && (!rule.has(key2) || value2.isPresent());
    }

    private static OptionalInt toInt(OptionalLong value) {
        return value.isPresent()
                ? OptionalInt.of((int) Math.min(value.getAsLong(), Integer.MAX_VALUE))
                : OptionalInt.empty();
    }
}
