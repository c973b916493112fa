package io.sluice.quality.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.RuleProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of mistake in a rule file gets its own clear message, at the line and column of the mistake. */
class RuleFileProblemsTest {

    private static final String FILE = "rules/orders.yaml";

    @Test
    void load_invalidYaml() {
        assertThat(problems("table: warehouse.main.orders\nrules:\n  - { check: not_null, column: o_orderkey\n"))
                .containsExactly(
                        "rules/orders.yaml:4:1: invalid YAML: while parsing a flow mapping: expected ',' or '}',"
                                + " but got <stream end>");
    }

    @Test
    void load_documentIsNotAMapping() {
        assertThat(problems("- check: not_null\n"))
                .containsExactly("rules/orders.yaml:1:1: expected a mapping with the keys table, schedule and rules,"
                        + " got a list");
    }

    @Test
    void load_emptyFile() {
        assertThat(problems(""))
                .containsExactly("rules/orders.yaml:1:1: expected a mapping with the keys table, schedule and rules,"
                        + " got an empty file");
    }

    @Test
    void load_missingTableAndRules() {
        assertThat(problems("schedule: 1h\n"))
                .containsExactly(
                        "rules/orders.yaml:1:1: rules: expected a list of rules, got nothing",
                        "rules/orders.yaml:1:1: table: expected a table name source.schema.table, got nothing");
    }

    @Test
    void load_tableNameWithoutSource() {
        assertThat(problems("table: main.orders\nrules: []\n"))
                .containsExactly(
                        "rules/orders.yaml:1:8: table: expected a table name source.schema.table, got \"main.orders\"");
    }

    @Test
    void load_unknownTopLevelKey() {
        assertThat(problems("table: warehouse.main.orders\nschedul: 1h\nrules: []\n"))
                .containsExactly("rules/orders.yaml:2:1: schedul: unknown key; did you mean \"schedule\"?");
    }

    @Test
    void load_badSchedule() {
        assertThat(problems("table: warehouse.main.orders\nschedule: hourly\nrules: []\n"))
                .containsExactly(
                        "rules/orders.yaml:2:11: schedule: expected a duration such as 500ms, 30s, 5m, 2h or 1d"
                                + " (more than zero), got \"hourly\"");
    }

    @Test
    void load_rulesIsNotAList() {
        assertThat(problems("table: warehouse.main.orders\nrules:\n  check: not_null\n"))
                .containsExactly("rules/orders.yaml:3:3: rules: expected a list of rules, got a mapping");
    }

    @Test
    void load_ruleIsNotAMapping() {
        assertThat(problems(rules("  - not_null")))
                .containsExactly("rules/orders.yaml:3:5: rules[0]: expected a list of rules, got \"not_null\"");
    }

    @Test
    void load_missingCheck() {
        assertThat(problems(rules("  - { column: o_orderkey }")))
                .containsExactly("rules/orders.yaml:3:5: rules[0].check: expected a check such as not_null, range or"
                        + " unique, got nothing");
    }

    @Test
    void load_unknownCheck() {
        assertThat(problems(rules("  - { check: not_nul, column: o_orderkey, actoin: fail }")))
                .containsExactly("rules/orders.yaml:3:14: rules[0].check: unknown check \"not_nul\"; did you mean"
                        + " \"not_null\"?");
    }

    @Test
    void load_unknownCheckWithoutCloseMatch() {
        assertThat(problems(rules("  - { check: banana, column: o_orderkey }")))
                .containsExactly("rules/orders.yaml:3:14: rules[0].check: unknown check \"banana\"; expected one of:"
                        + " accepted_values, completeness, duplicate_rows, expression, foreign_key, format, freshness,"
                        + " length, not_null, range, regex, row_count, schema, type_castable, unique, valid_encoding");
    }

    @Test
    void load_unknownKeyInRule() {
        assertThat(problems(rules("  - { check: not_null, colum: o_orderkey }")))
                .containsExactly(
                        "rules/orders.yaml:3:5: rules[0].column: expected a column name, got nothing",
                        "rules/orders.yaml:3:24: rules[0].colum: unknown key; did you mean \"column\"?");
    }

    @Test
    void load_keyOfAnotherCheck() {
        assertThat(problems(rules("  - { check: not_null, column: o_orderkey, values: [1] }")))
                .containsExactly("rules/orders.yaml:3:44: rules[0].values: unknown key; expected one of: action, check,"
                        + " column, description, name, owner, severity, where");
    }

    @Test
    void load_duplicateKey() {
        assertThat(problems(rules("  - check: not_null\n    column: a\n    column: b")))
                .containsExactly("rules/orders.yaml:5:5: rules[0].column: duplicate key; it was first given on line 4");
    }

    @Test
    void load_columnIsNotAString() {
        assertThat(problems(rules("  - { check: not_null, column: [a, b] }")))
                .containsExactly("rules/orders.yaml:3:32: rules[0].column: expected a string, got a list");
    }

    @Test
    void load_rangeWithoutBounds() {
        assertThat(problems(rules("  - { check: range, column: o_totalprice }")))
                .containsExactly("rules/orders.yaml:3:5: rules[0]: expected at least one of min and max, got neither");
    }

    @Test
    void load_rangeBoundIsAList() {
        assertThat(problems(rules("  - { check: range, column: o_totalprice, min: [0] }")))
                .containsExactly("rules/orders.yaml:3:48: rules[0].min: expected a single value, got a list");
    }

    @Test
    void load_rangeInclusiveIsNotBoolean() {
        assertThat(problems(rules("  - { check: range, column: o_totalprice, min: 0, min_inclusive: maybe }")))
                .containsExactly(
                        "rules/orders.yaml:3:66: rules[0].min_inclusive: expected true or false, got \"maybe\"");
    }

    @Test
    void load_acceptedValuesMissingOrEmpty() {
        assertThat(problems(rules(
                        "  - { check: accepted_values, column: o_orderstatus }",
                        "  - { check: accepted_values, column: o_orderstatus, values: [] }",
                        "  - { check: accepted_values, column: o_orderstatus, values: [O, [F]] }")))
                .containsExactly(
                        "rules/orders.yaml:3:5: rules[0].values: expected a list of the accepted values, got nothing",
                        "rules/orders.yaml:4:62: rules[1].values: expected a list of the accepted values, got an empty"
                                + " list",
                        "rules/orders.yaml:5:66: rules[2].values[1]: expected a single value, got a list");
    }

    @Test
    void load_regexDoesNotCompile() {
        assertThat(problems(rules("  - { check: regex, column: o_clerk, pattern: 'Clerk#(\\d{9}' }")))
                .containsExactly("rules/orders.yaml:3:47: rules[0].pattern: invalid regular expression: Unclosed group"
                        + " at the end");
    }

    @Test
    void load_unknownFormat() {
        assertThat(problems(rules("  - { check: format, column: c_email, format: e-mail }")))
                .containsExactly("rules/orders.yaml:3:47: rules[0].format: unknown format \"e-mail\"; did you mean"
                        + " \"email\"?");
    }

    @Test
    void load_lengthBoundsOutOfOrderOrNegative() {
        assertThat(problems(rules(
                        "  - { check: length, column: c_phone, min: 15, max: 10 }",
                        "  - { check: length, column: c_phone, min: -1 }",
                        "  - { check: length, column: c_phone, max: 1.5 }")))
                .containsExactly(
                        "rules/orders.yaml:3:53: rules[0].max: expected a maximum of at least min (15), got the number"
                                + " 10",
                        "rules/orders.yaml:4:44: rules[1].min: expected a whole number of at least 0, got the number -1",
                        "rules/orders.yaml:5:44: rules[2].max: expected a whole number of at least 0, got the number"
                                + " 1.5");
    }

    @Test
    void load_typeCastableToUnknownOrTextType() {
        assertThat(problems(rules(
                        "  - { check: type_castable, column: s_date, type: dat }",
                        "  - { check: type_castable, column: s_date, type: varchar(10) }")))
                .containsExactly(
                        "rules/orders.yaml:3:51: rules[0].type: expected a number, boolean, date or time type such as"
                                + " INTEGER, DECIMAL(15,2), DATE or TIMESTAMP, got \"dat\"",
                        "rules/orders.yaml:4:51: rules[1].type: expected a number, boolean, date or time type such as"
                                + " INTEGER, DECIMAL(15,2), DATE or TIMESTAMP, got \"varchar(10)\"");
    }

    @Test
    void load_expressionDoesNotParse() {
        assertThat(problems(rules(
                        "  - { check: expression, sql: \"o_orderdate <= CURRENT_DATE AND AND x\" }",
                        "  - check: expression",
                        "    sql: o_totalprice >> 0")))
                .containsExactly(
                        "rules/orders.yaml:3:60: rules[0].sql: SQL does not parse: Incorrect syntax near the keyword"
                                + " 'AND' at line 1, column 29",
                        "rules/orders.yaml:5:23: rules[1].sql: SQL does not parse: Encountered \"> >\" at line 1, column"
                                + " 14");
    }

    @Test
    void load_expressionMissingSql() {
        assertThat(problems(rules("  - { check: expression, expression: \"a > 0\" }")))
                .containsExactly(
                        "rules/orders.yaml:3:5: rules[0].sql: expected a SQL boolean expression over the table's"
                                + " columns, got nothing",
                        "rules/orders.yaml:3:26: rules[0].expression: unknown key; expected one of: action, check,"
                                + " description, name, owner, severity, sql, where");
    }

    @Test
    void load_whereDoesNotParse() {
        assertThat(problems(rules("  - { check: not_null, column: o_orderkey, where: \"o_orderstatus = \" }")))
                .containsExactly(
                        "rules/orders.yaml:3:66: rules[0].where: SQL does not parse: Encountered \"= <EOF>\" at"
                                + " line 1, column 15");
    }

    @Test
    void load_uniqueWithColumnAndColumns() {
        assertThat(problems(rules(
                        "  - { check: unique, column: a, columns: [a, b] }",
                        "  - { check: unique }",
                        "  - { check: unique, columns: [] }")))
                .containsExactly(
                        "rules/orders.yaml:3:5: rules[0]: expected either column (one column) or columns (a list of"
                                + " columns), got both",
                        "rules/orders.yaml:4:5: rules[1]: expected either column (one column) or columns (a list of"
                                + " columns), got neither",
                        "rules/orders.yaml:5:31: rules[2].columns: expected a list of column names, got an empty list");
    }

    @Test
    void load_foreignKeyReferenceMalformed() {
        assertThat(problems(rules("  - { check: foreign_key, column: o_custkey, references: crm.customer.c_custkey }")))
                .containsExactly("rules/orders.yaml:3:58: rules[0].references: expected a column reference"
                        + " source.schema.table.column, got \"crm.customer.c_custkey\"");
    }

    @Test
    void load_rowCountNotANumber() {
        assertThat(problems(rules("  - { check: row_count, min: abc }")))
                .containsExactly(
                        "rules/orders.yaml:3:30: rules[0].min: expected a whole number of at least 0, got \"abc\"");
    }

    @Test
    void load_completenessRatioOutOfRange() {
        assertThat(problems(rules(
                        "  - { check: completeness, column: c_phone, max_null_ratio: 5 }",
                        "  - { check: completeness, column: c_phone }")))
                .containsExactly(
                        "rules/orders.yaml:3:61: rules[0].max_null_ratio: expected a ratio from 0 to 1 (e.g. 0.05"
                                + " allows 5% NULLs), got the number 5",
                        "rules/orders.yaml:4:5: rules[1].max_null_ratio: expected a ratio from 0 to 1 (e.g. 0.05 allows"
                                + " 5% NULLs), got nothing");
    }

    @Test
    void load_freshnessBadDuration() {
        assertThat(problems(rules("  - { check: freshness, column: o_orderdate, max_age: 1 day }")))
                .containsExactly("rules/orders.yaml:3:55: rules[0].max_age: expected a duration such as 500ms, 30s, 5m,"
                        + " 2h or 1d (more than zero), got \"1 day\"");
    }

    @Test
    void load_schemaUnknownType() {
        assertThat(problems(rules("  - check: schema", "    columns: { o_orderkey: bigint, o_orderdate: dayt }")))
                .containsExactly("rules/orders.yaml:4:49: rules[0].columns.o_orderdate: expected a SQL type such as"
                        + " INTEGER, DECIMAL(15,2), DATE, TIMESTAMP or VARCHAR, got \"dayt\"");
    }

    @Test
    void load_unknownActionAndSeverity() {
        assertThat(problems(rules("  - { check: not_null, column: a, action: block, severity: high }")))
                .containsExactly(
                        "rules/orders.yaml:3:43: rules[0].action: expected one of warn, drop, quarantine, fail, got"
                                + " \"block\"",
                        "rules/orders.yaml:3:60: rules[0].severity: expected one of info, warning, error, critical, got"
                                + " \"high\"");
    }

    @Test
    void load_datasetRuleCannotDropRows() {
        assertThat(problems(rules("  - { check: unique, column: o_orderkey, action: drop }")))
                .containsExactly("rules/orders.yaml:3:50: rules[0].action: expected warn or fail (unique judges the"
                        + " whole table in a scan: there is no row to drop), got \"drop\"");
    }

    @Test
    void load_invalidName() {
        assertThat(problems(rules("  - { check: not_null, column: a, name: \"key must exist\" }")))
                .containsExactly("rules/orders.yaml:3:41: rules[0].name: expected a name of letters, digits and"
                        + " underscores, starting with a letter (at most 128 characters), got \"key must exist\"");
    }

    @Test
    void load_duplicateNames() {
        assertThat(problems(rules(
                        "  - { check: not_null, column: o_orderkey }",
                        "  - { check: not_null, column: O_ORDERKEY }",
                        "  - { check: range, column: o_totalprice, min: 0, name: positive }",
                        "  - { check: range, column: o_totalprice, max: 9, name: positive }")))
                .containsExactly(
                        "rules/orders.yaml:4:5: rules[1]: duplicate rule name \"not_null_o_orderkey\" (derived from the"
                                + " check and its columns) for table warehouse.main.orders; the first is at"
                                + " rules/orders.yaml:3:5; set name: on one of them to tell them apart",
                        "rules/orders.yaml:6:57: rules[3].name: duplicate rule name \"positive\" for table"
                                + " warehouse.main.orders; the first is at rules/orders.yaml:5:5; set name: on one of them"
                                + " to tell them apart");
    }

    @Test
    void load_duplicateNamesAcrossFilesAndConflictingSchedules() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "rules/a.yaml",
                "table: warehouse.main.orders\nschedule: 1h\nrules:\n  - { check: row_count, min: 1 }\n");
        files.put(
                "rules/b.yaml",
                "table: WAREHOUSE.main.orders\nschedule: 30m\nrules:\n  - { check: row_count, max: 9 }\n");

        assertThat(new RuleFileLoader().load(files).problems())
                .map(RuleProblem::toString)
                .containsExactly(
                        "rules/b.yaml:1:8: schedule: table WAREHOUSE.main.orders is scheduled every 1h in rules/a.yaml"
                                + " and every 30m here; give one schedule",
                        "rules/b.yaml:4:5: rules[0]: duplicate rule name \"row_count\" (derived from the check and its"
                                + " columns) for table WAREHOUSE.main.orders; the first is at rules/a.yaml:4:5; set name:"
                                + " on one of them to tell them apart");
    }

    @Test
    void load_everyProblemAtOnce() {
        List<String> problems = problems(rules(
                "  - { check: not_nul, column: a }",
                "  - { check: range, column: b, min: [1] }",
                "  - { check: regex, column: c, pattern: '(' }"));

        assertThat(problems)
                .containsExactly(
                        "rules/orders.yaml:3:14: rules[0].check: unknown check \"not_nul\"; did you mean \"not_null\"?",
                        "rules/orders.yaml:4:37: rules[1].min: expected a single value, got a list",
                        "rules/orders.yaml:5:41: rules[2].pattern: invalid regular expression: Unclosed group at"
                                + " the end");
    }

    @Test
    void load_aFileWithProblemsContributesNoRules() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("rules/good.yaml", "table: warehouse.main.orders\nrules:\n  - { check: row_count, min: 1 }\n");
        files.put("rules/bad.yaml", "table: warehouse.main.lineitem\nrules:\n  - { check: row_count, min: x }\n");

        var result = new RuleFileLoader().load(files);

        assertThat(result.isValid()).isFalse();
        assertThat(result.rules().files()).extracting(file -> file.file()).containsExactly("rules/good.yaml");
    }

    private static String rules(String... lines) {
        return "table: warehouse.main.orders\nrules:\n" + String.join("\n", lines) + "\n";
    }

    private static List<String> problems(String yaml) {
        return new RuleFileLoader()
                .load(FILE, yaml).problems().stream().map(RuleProblem::toString).toList();
    }
}
