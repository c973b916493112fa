package io.sluice.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.QualityRules;
import io.sluice.quality.RuleProblem;
import io.sluice.quality.TpchTables;
import io.sluice.quality.parser.dbt.DbtTableMapping;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Each kind of mistake that only the table's real columns reveal gets its own message, at its place in the file. */
class RuleValidatorTest {

    private static final String FILE = "rules/orders.yaml";

    @Test
    void validate_rulesThatFitTheTable() {
        assertThat(
                        problems(
                                """
                table: Warehouse.MAIN.Orders
                rules:
                  - { check: not_null, column: O_ORDERKEY }
                  - { check: range, column: o_totalprice, min: 0, max: "999999.99" }
                  - { check: range, column: o_orderdate, min: 1992-01-01, max: "1998-12-31" }
                  - { check: range, column: o_orderpriority, min: "1", max: "5" }
                  - { check: accepted_values, column: o_orderstatus, values: [O, F, P] }
                  - { check: accepted_values, column: o_shippriority, values: [0] }
                  - { check: regex, column: o_clerk, pattern: '^Clerk#[0-9]{9}$' }
                  - { check: length, column: o_comment, max: 79 }
                  - { check: type_castable, column: o_comment, type: date }
                  - { check: expression, sql: "o_totalprice > 0 AND o_orderdate <= CURRENT_DATE" }
                  - { check: expression, sql: "\\"o_orderstatus\\" IN ('O', 'F') OR o_comment ILIKE '%x%'" }
                  - { check: unique, column: o_orderkey, where: "o_orderstatus <> 'P'" }
                  - { check: foreign_key, column: o_custkey, references: crm.main.customer.c_custkey }
                  - { check: freshness, column: o_orderdate, max_age: 1d }
                  - { check: completeness, column: o_comment, max_null_ratio: 0 }
                  - { check: schema, columns: { no_such_column: date } }
                """))
                .isEmpty();
    }

    @Test
    void validate_aFileWithAMistakeInOneRule_stillShowsTheOtherRulesMistakes() {
        assertThat(problems(
                        rules("  - { check: not_nul, column: o_orderkey }", "  - { check: not_null, column: zzz }")))
                .hasSize(2)
                .anyMatch(problem -> problem.startsWith("rules/orders.yaml:3:") && problem.contains("unknown check"))
                .anyMatch(problem -> problem.startsWith("rules/orders.yaml:4:") && problem.contains("column \"zzz\""));
    }

    @Test
    void validate_unknownTable() {
        assertThat(problems("table: warehouse.main.order\nrules:\n  - { check: row_count, min: 1 }\n"))
                .containsExactly("rules/orders.yaml:1:8: table: unknown table warehouse.main.order; did you mean"
                        + " \"warehouse.main.orders\"?");
    }

    @Test
    void validate_unknownColumn() {
        assertThat(problems(rules(
                        "  - { check: not_null, column: o_orderky }",
                        "  - { check: unique, columns: [o_orderkey, o_linenumber] }",
                        "  - { check: completeness, column: zzz, max_null_ratio: 0.1 }")))
                .containsExactly(
                        "rules/orders.yaml:3:32: rules[0].column: column \"o_orderky\" is not in table"
                                + " warehouse.main.orders; did you mean \"o_orderkey\"?",
                        "rules/orders.yaml:4:44: rules[1].columns[1]: column \"o_linenumber\" is not in table"
                                + " warehouse.main.orders; expected one of: o_clerk, o_comment, o_custkey, o_orderdate,"
                                + " o_orderkey, o_orderpriority, o_orderstatus, o_shippriority, o_totalprice",
                        "rules/orders.yaml:5:36: rules[2].column: column \"zzz\" is not in table warehouse.main.orders;"
                                + " expected one of: o_clerk, o_comment, o_custkey, o_orderdate, o_orderkey,"
                                + " o_orderpriority, o_orderstatus, o_shippriority, o_totalprice");
    }

    @Test
    void validate_rangeBoundOfTheWrongType() {
        assertThat(problems(rules(
                        "  - { check: range, column: o_totalprice, min: abc }",
                        "  - { check: range, column: o_shippriority, max: 2.5 }",
                        "  - { check: range, column: o_orderdate, min: 2024-02-30 }")))
                .containsExactly(
                        "rules/orders.yaml:3:48: rules[0].min: expected a number for column o_totalprice"
                                + " (DECIMAL(15, 2)), got \"abc\"",
                        "rules/orders.yaml:4:50: rules[1].max: expected a whole number for column o_shippriority"
                                + " (INTEGER), got the number 2.5",
                        "rules/orders.yaml:5:47: rules[2].min: expected a date (YYYY-MM-DD) for column o_orderdate"
                                + " (DATE), got \"2024-02-30\"");
    }

    @Test
    void validate_rangeBoundsOutOfOrder() {
        assertThat(problems(rules("  - { check: range, column: o_orderdate, min: 1998-12-31, max: 1992-01-01 }")))
                .containsExactly(
                        "rules/orders.yaml:3:64: rules[0].max: expected a maximum of at least min (1998-12-31),"
                                + " got \"1992-01-01\"");
    }

    @Test
    void validate_acceptedValuesOfTheWrongType() {
        assertThat(problems(
                        rules("  - { check: accepted_values, column: o_orderdate, values: [2024-01-31, yesterday] }")))
                .containsExactly("rules/orders.yaml:3:73: rules[0].values[1]: expected a date (YYYY-MM-DD) for column"
                        + " o_orderdate (DATE), got \"yesterday\"");
    }

    @Test
    void validate_checkThatDoesNotApplyToTheColumnType() {
        assertThat(problems(rules(
                        "  - { check: regex, column: o_orderkey, pattern: '^[0-9]+$' }",
                        "  - { check: freshness, column: o_comment, max_age: 1d }")))
                .containsExactly(
                        "rules/orders.yaml:3:29: rules[0].column: regex applies to text columns (CHAR, VARCHAR); column"
                                + " o_orderkey is BIGINT",
                        "rules/orders.yaml:4:33: rules[1].column: freshness applies to DATE and TIMESTAMP columns;"
                                + " column o_comment is VARCHAR");
    }

    @Test
    void validate_expressionDoesNotTypeCheck() {
        assertThat(problems(rules("  - { check: expression, sql: \"o_orderdate > 5\" }")))
                .singleElement()
                .asString()
                .startsWith("rules/orders.yaml:3:31: rules[0].sql: SQL does not type-check: Cannot apply '>' to"
                        + " arguments of type '<DATE> > <INTEGER>'");
    }

    @Test
    void validate_expressionNamesUnknownColumn() {
        assertThat(problems(rules("  - { check: expression, sql: \"o_totalprise > 0\" }")))
                .containsExactly("rules/orders.yaml:3:31: rules[0].sql: SQL does not type-check: Unknown identifier"
                        + " 'o_totalprise' (at column 1)");
    }

    @Test
    void validate_expressionIsNotBoolean() {
        assertThat(problems(rules("  - { check: expression, sql: \"o_totalprice * 2\" }")))
                .containsExactly("rules/orders.yaml:3:31: rules[0].sql: expected a SQL boolean expression, got one of"
                        + " type DECIMAL(19, 2)");
    }

    @Test
    void validate_expressionIsNotPerRow() {
        assertThat(problems(rules(
                        "  - { check: expression, sql: \"count(*) > 0\" }",
                        "  - { check: expression, sql: \"o_custkey IN (SELECT 1)\" }",
                        "  - { check: expression, sql: \"o_custkey = ?\" }")))
                .containsExactly(
                        "rules/orders.yaml:3:31: rules[0].sql: expected an expression over one row (rules are checked"
                                + " row by row), got the aggregate function COUNT",
                        "rules/orders.yaml:4:31: rules[1].sql: expected an expression over one row (rules are checked"
                                + " row by row), got a sub-query",
                        "rules/orders.yaml:5:31: rules[2].sql: expected an expression over one row (rules are checked"
                                + " row by row), got a parameter (?): rules have no parameters to bind");
    }

    @Test
    void validate_whereDoesNotTypeCheck() {
        assertThat(problems(rules("  - { check: not_null, column: o_orderkey, where: \"o_orderstatus\" }")))
                .containsExactly("rules/orders.yaml:3:51: rules[0].where: expected a SQL boolean expression, got one of"
                        + " type VARCHAR");
    }

    @Test
    void validate_foreignKeyProblems() {
        assertThat(
                        problems(
                                rules(
                                        "  - { check: foreign_key, column: o_custkey, references: crm.main.customers.c_custkey }",
                                        "  - { check: foreign_key, column: o_custkey, references: crm.main.customer.c_custky, name: b }",
                                        "  - { check: foreign_key, column: o_custkey, references: crm.main.customer.c_name, name: c }")))
                .containsExactly(
                        "rules/orders.yaml:3:58: rules[0].references: unknown table crm.main.customers (in"
                                + " crm.main.customers.c_custkey)",
                        "rules/orders.yaml:4:58: rules[1].references: column \"c_custky\" is not in table"
                                + " crm.main.customer; did you mean \"c_custkey\"?",
                        "rules/orders.yaml:5:58: rules[2].references: column o_custkey (BIGINT) cannot be compared with"
                                + " crm.main.customer.c_name (VARCHAR)");
    }

    @Test
    void validate_followsTheCallersTypeSystem() {
        // The gateway's type system allows DECIMAL(38); Calcite's default stops at 19 digits.
        RelDataTypeSystem wideDecimals = new RelDataTypeSystemImpl() {
            @Override
            public int getMaxPrecision(SqlTypeName typeName) {
                return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
            }
        };
        QualityRules rules = new QualityRules(TpchTables.LOOKUP, DbtTableMapping.metaOnly(), wideDecimals);

        assertThat(rules.loadFiles(Map.of(FILE, rules("  - { check: expression, sql: \"o_totalprice * 2\" }")))
                        .problems())
                .map(RuleProblem::toString)
                .containsExactly("rules/orders.yaml:3:31: rules[0].sql: expected a SQL boolean expression, got one of"
                        + " type DECIMAL(25, 2)");
    }

    private static String rules(String... lines) {
        return "table: warehouse.main.orders\nrules:\n" + String.join("\n", lines) + "\n";
    }

    private static List<String> problems(String yaml) {
        QualityRules rules = new QualityRules(TpchTables.LOOKUP, DbtTableMapping.metaOnly(), RelDataTypeSystem.DEFAULT);
        return rules.loadFiles(Map.of(FILE, yaml)).problems().stream()
                .map(RuleProblem::toString)
                .toList();
    }
}
