package io.sluice.gateway.quality.scan;

import io.sluice.quality.model.SchemaRule;
import io.sluice.quality.model.SqlType;
import io.sluice.quality.validation.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * {@code schema}: the live table's row type (as the engine sees it now, not as it was when the rules were loaded)
 * against the expected columns. Each difference is one violation: a missing column, a column of another type, and,
 * with {@code allow_extra_columns: false}, a column the rule does not expect. Names match ignoring case. A type matches
 * when its SQL type name is the expected one (aliases such as {@code int} or {@code text} are resolved when the rule is
 * loaded) and, where the rule gives a precision or scale, those are equal too.
 */
final class SchemaCheck {

    private SchemaCheck() {}

    static Measurement measure(SchemaRule rule, TableSchema table) {
        List<String> differences = new ArrayList<>();
        for (SchemaRule.ExpectedColumn expected : rule.expectedColumns()) {
            Optional<RelDataTypeField> actual = table.column(expected.name());
            if (actual.isEmpty()) {
                differences.add("missing column " + expected.name());
            } else if (expected.type().isPresent()
                    && !matches(expected.type().get(), actual.get().getType())) {
                differences.add(expected.name() + " is "
                        + actual.get().getType().getFullTypeString().replace(" NOT NULL", "") + ", expected "
                        + expected.type().get());
            }
        }
        if (!rule.allowExtraColumns()) {
            Set<String> expected = rule.expectedColumns().stream()
                    .map(column -> column.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            table.columnNames().stream()
                    .filter(name -> !expected.contains(name.toLowerCase(Locale.ROOT)))
                    .forEach(name -> differences.add("unexpected column " + name));
        }
        int columns = table.columnNames().size();
        String detail = differences.isEmpty()
                ? "the table's " + ScanSql.count(columns, "column matches", "columns match") + " the rule"
                : ScanSql.count(differences.size(), "difference", "differences") + " from the expected schema: "
                        + String.join("; ", differences);
        return Measurement.counted(
                columns,
                differences.size(),
                differences.subList(0, Math.min(differences.size(), RuleResult.MAX_SAMPLES)),
                detail);
    }

    static boolean matches(SqlType expected, RelDataType actual) {
        if (expected.name() != actual.getSqlTypeName()) {
            return false;
        }
        boolean precisionMatches =
                expected.precision().isEmpty() || expected.precision().getAsInt() == actual.getPrecision();
        boolean scaleMatches = expected.scale().isEmpty() || expected.scale().getAsInt() == actual.getScale();
        return precisionMatches && scaleMatches;
    }
}
