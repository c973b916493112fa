package io.sluice.quality.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of rule, as spelt after {@code check:} in a rule file. */
public enum Check {
    NOT_NULL("not_null", true),
    RANGE("range", true),
    ACCEPTED_VALUES("accepted_values", true),
    REGEX("regex", true),
    FORMAT("format", true),
    LENGTH("length", true),
    VALID_ENCODING("valid_encoding", true),
    TYPE_CASTABLE("type_castable", true),
    EXPRESSION("expression", true),
    UNIQUE("unique", false),
    DUPLICATE_ROWS("duplicate_rows", false),
    FOREIGN_KEY("foreign_key", false),
    ROW_COUNT("row_count", false),
    COMPLETENESS("completeness", false),
    FRESHNESS("freshness", false),
    SCHEMA("schema", false);

    private final String yamlName;
    private final boolean rowRule;

    Check(String yamlName, boolean rowRule) {
        this.yamlName = yamlName;
        this.rowRule = rowRule;
    }

    /** The spelling in rule files, e.g. {@code accepted_values}. */
    public String yamlName() {
        return yamlName;
    }

    /** Whether the check judges one row at a time (and so runs inline), rather than a whole table. */
    public boolean isRowRule() {
        return rowRule;
    }

    /** The check spelt {@code text} in a rule file. */
    public static Optional<Check> fromYaml(String text) {
        return Arrays.stream(values())
                .filter(check -> check.yamlName.equals(text))
                .findFirst();
    }

    /** Every spelling, for "did you mean" and "expected one of" messages. */
    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(Check::yamlName).toList();
    }
}
