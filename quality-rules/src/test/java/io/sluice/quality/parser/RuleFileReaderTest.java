package io.sluice.quality.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.RuleLoadResult;
import io.sluice.quality.model.AcceptedValuesRule;
import io.sluice.quality.model.Action;
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
import io.sluice.quality.model.Location;
import io.sluice.quality.model.NotNullRule;
import io.sluice.quality.model.RangeRule;
import io.sluice.quality.model.RegexRule;
import io.sluice.quality.model.RowCountRule;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleMetadata;
import io.sluice.quality.model.RuleOrigin;
import io.sluice.quality.model.SchemaRule;
import io.sluice.quality.model.Severity;
import io.sluice.quality.model.SqlType;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.TableRules;
import io.sluice.quality.model.TypeCastableRule;
import io.sluice.quality.model.UniqueRule;
import io.sluice.quality.model.ValidEncodingRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Valid rule files of every kind load to the expected model. */
class RuleFileReaderTest {

    private static final String FILE = "rules/orders.yaml";

    @Test
    void load_everyRowRule() {
        TableRules rules = loadValid(
                """
                table: warehouse.main.orders
                schedule: 1h
                rules:
                  - { check: not_null, column: o_orderkey, action: fail }
                  - check: range
                    column: o_totalprice
                    min: 0
                    max: 600000.50
                    max_inclusive: false
                  - { check: accepted_values, column: o_orderstatus, values: [O, F, P], action: drop }
                  - { check: regex, column: o_clerk, pattern: '^Clerk#\\d{9}$' }
                  - { check: format, column: o_comment, format: email, name: comment_is_email }
                  - { check: length, column: o_comment, min: 1, max: 79 }
                  - { check: valid_encoding, column: o_comment, action: quarantine }
                  - { check: type_castable, column: o_comment, type: 'decimal(15, 2)' }
                  - check: expression
                    sql: o_orderdate <= CURRENT_DATE
                    severity: critical
                    where: o_orderstatus = 'F'
                    description: orders are not placed in the future
                    owner: sales-data@example.com
                """);

        assertThat(rules.table()).isEqualTo(new TableName("warehouse", "main", "orders"));
        assertThat(rules.schedule()).contains(Duration.ofHours(1));
        assertThat(rules.tableLocation()).isEqualTo(new Location(FILE, 1, 8));
        assertModel(
                rules.rules(),
                new NotNullRule(meta("not_null_o_orderkey", Severity.ERROR, Action.FAIL), "o_orderkey"),
                new RangeRule(
                        meta("range_o_totalprice", Severity.WARNING, Action.WARN),
                        "o_totalprice",
                        Optional.of(Literal.number("0")),
                        Optional.of(Literal.number("600000.50")),
                        true,
                        false),
                new AcceptedValuesRule(
                        meta("accepted_values_o_orderstatus", Severity.ERROR, Action.DROP),
                        "o_orderstatus",
                        List.of(Literal.text("O"), Literal.text("F"), Literal.text("P"))),
                new RegexRule(meta("regex_o_clerk", Severity.WARNING, Action.WARN), "o_clerk", "^Clerk#\\d{9}$"),
                new FormatRule(meta("comment_is_email", Severity.WARNING, Action.WARN), "o_comment", Format.EMAIL),
                new LengthRule(
                        meta("length_o_comment", Severity.WARNING, Action.WARN),
                        "o_comment",
                        OptionalInt.of(1),
                        OptionalInt.of(79)),
                new ValidEncodingRule(meta("valid_encoding_o_comment", Severity.ERROR, Action.QUARANTINE), "o_comment"),
                new TypeCastableRule(
                        meta("type_castable_o_comment", Severity.WARNING, Action.WARN),
                        "o_comment",
                        new SqlType(SqlTypeName.DECIMAL, OptionalInt.of(15), OptionalInt.of(2))),
                new ExpressionRule(
                        new RuleMetadata(
                                "expression_o_orderdate_current_date",
                                Severity.CRITICAL,
                                Action.WARN,
                                Optional.of("o_orderstatus = 'F'"),
                                Optional.of("orders are not placed in the future"),
                                Optional.of("sales-data@example.com"),
                                RuleOrigin.of(FILE, "rules[8]")),
                        "o_orderdate <= CURRENT_DATE",
                        List.of("o_orderdate")));
    }

    @Test
    void load_everyDatasetRule() {
        TableRules rules = loadValid(
                """
                table: warehouse.main.lineitem
                rules:
                  - { check: unique, columns: [l_orderkey, l_linenumber], action: fail }
                  - { check: unique, column: l_comment }
                  - { check: duplicate_rows }
                  - { check: duplicate_rows, columns: [l_partkey, l_suppkey], name: same_part_and_supplier }
                  - { check: foreign_key, column: l_orderkey, references: warehouse.main.orders.o_orderkey }
                  - { check: row_count, min: 1, max: 10000000 }
                  - { check: completeness, column: l_comment, max_null_ratio: 0.05 }
                  - { check: freshness, column: l_shipdate, max_age: 1d, where: "l_returnflag = 'N'" }
                  - check: schema
                    allow_extra_columns: false
                    columns:
                      l_orderkey: BIGINT
                      l_quantity: decimal(15,2)
                      l_comment:
                """);

        assertModel(
                rules.rules(),
                new UniqueRule(
                        meta("unique_l_orderkey_l_linenumber", Severity.ERROR, Action.FAIL),
                        List.of("l_orderkey", "l_linenumber")),
                new UniqueRule(meta("unique_l_comment", Severity.WARNING, Action.WARN), List.of("l_comment")),
                new DuplicateRowsRule(meta("duplicate_rows", Severity.WARNING, Action.WARN), List.of()),
                new DuplicateRowsRule(
                        meta("same_part_and_supplier", Severity.WARNING, Action.WARN),
                        List.of("l_partkey", "l_suppkey")),
                new ForeignKeyRule(
                        meta("foreign_key_l_orderkey", Severity.WARNING, Action.WARN),
                        "l_orderkey",
                        new ColumnReference(new TableName("warehouse", "main", "orders"), "o_orderkey")),
                new RowCountRule(
                        meta("row_count", Severity.WARNING, Action.WARN),
                        OptionalLong.of(1),
                        OptionalLong.of(10_000_000)),
                new CompletenessRule(
                        meta("completeness_l_comment", Severity.WARNING, Action.WARN),
                        "l_comment",
                        new BigDecimal("0.05")),
                new FreshnessRule(
                        new RuleMetadata(
                                "freshness_l_shipdate",
                                Severity.WARNING,
                                Action.WARN,
                                Optional.of("l_returnflag = 'N'"),
                                Optional.empty(),
                                Optional.empty(),
                                RuleOrigin.of(FILE, "rules[7]")),
                        "l_shipdate",
                        Duration.ofDays(1)),
                new SchemaRule(
                        meta("schema", Severity.WARNING, Action.WARN),
                        List.of(
                                new SchemaRule.ExpectedColumn(
                                        "l_orderkey", Optional.of(SqlType.of(SqlTypeName.BIGINT))),
                                new SchemaRule.ExpectedColumn(
                                        "l_quantity",
                                        Optional.of(new SqlType(
                                                SqlTypeName.DECIMAL, OptionalInt.of(15), OptionalInt.of(2)))),
                                new SchemaRule.ExpectedColumn("l_comment", Optional.empty())),
                        false));
        assertThat(rules.rowRules()).isEmpty();
        assertThat(rules.datasetRules()).hasSize(9);
    }

    @Test
    void load_keepsWhereEachValueIs() {
        TableRules rules = loadValid(
                """
                table: warehouse.main.orders
                rules:
                  - check: accepted_values
                    column: o_orderstatus
                    values:
                      - O
                      - F
                """);

        RuleOrigin origin = rules.rules().get(0).metadata().origin();
        assertThat(origin.path()).isEqualTo("rules[0]");
        assertThat(origin.start()).isEqualTo(new Location(FILE, 3, 5));
        assertThat(origin.locationOf("column")).isEqualTo(new Location(FILE, 4, 13));
        assertThat(origin.locationOf("values[1]")).isEqualTo(new Location(FILE, 7, 9));
        assertThat(origin.pathOf("values[1]")).isEqualTo("rules[0].values[1]");
    }

    @Test
    void load_derivedExpressionNamesAreShortAndStable() {
        TableRules rules = loadValid(
                """
                table: warehouse.main.orders
                rules:
                  - { check: expression, sql: "o_totalprice >= 0 AND o_totalprice < 1000000 AND o_shippriority = 0" }
                  - { check: expression, sql: "1 = 1" }
                """);

        assertThat(rules.rules())
                .extracting(Rule::name)
                .containsExactly("expression_o_totalprice_0_and_o_totalprice_1000000", "expression_1_1");
    }

    @Test
    void load_emptyRulesListIsAllowed() {
        assertThat(loadValid("table: warehouse.main.orders\nrules: []\n").rules())
                .isEmpty();
    }

    private static TableRules loadValid(String yaml) {
        RuleLoadResult result = new RuleFileLoader().load(FILE, yaml);
        assertThat(result.problems()).isEmpty();
        assertThat(result.rules().files()).hasSize(1);
        return result.rules().files().get(0);
    }

    private static RuleMetadata meta(String name, Severity severity, Action action) {
        return new RuleMetadata(
                name, severity, action, Optional.empty(), Optional.empty(), Optional.empty(), RuleOrigin.of(FILE, ""));
    }

    /** The rules equal the expected ones except for where they were written (tested on its own). */
    private static void assertModel(List<Rule> actual, Rule... expected) {
        assertThat(actual)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("metadata.origin")
                .containsExactly(expected);
    }
}
