package io.sluice.quality.parser.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.QualityRules;
import io.sluice.quality.RuleLoadResult;
import io.sluice.quality.RuleProblem;
import io.sluice.quality.TpchTables;
import io.sluice.quality.model.AcceptedValuesRule;
import io.sluice.quality.model.Action;
import io.sluice.quality.model.ColumnReference;
import io.sluice.quality.model.ExpressionRule;
import io.sluice.quality.model.ForeignKeyRule;
import io.sluice.quality.model.Literal;
import io.sluice.quality.model.NotNullRule;
import io.sluice.quality.model.RangeRule;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleMetadata;
import io.sluice.quality.model.RuleOrigin;
import io.sluice.quality.model.Severity;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.TableRules;
import io.sluice.quality.model.UniqueRule;
import io.sluice.quality.parser.RuleFileLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.junit.jupiter.api.Test;

/** dbt {@code schema.yml} files load as rules. */
class DbtSchemaReaderTest {

    private static final String FILE = "rules/dbt/schema.yml";
    private static final TableName ORDERS = new TableName("warehouse", "main", "orders");
    private static final TableName LINEITEM = new TableName("warehouse", "main", "lineitem");
    private static final TableName CUSTOMER = new TableName("crm", "main", "customer");

    /** A dbt project's properties file as teams write them: models, a source, old and new test spellings. */
    private static final String SCHEMA_YML =
            """
            version: 2

            sources:
              - name: crm
                schema: main
                description: the CRM's replica
                tables:
                  - name: customer
                    columns:
                      - name: c_custkey
                        data_tests: [unique, not_null]
                      - name: c_mktsegment
                        data_tests:
                          - accepted_values:
                              arguments:
                                values: [AUTOMOBILE, BUILDING, FURNITURE, HOUSEHOLD, MACHINERY]
                              config:
                                severity: warn

            models:
              - name: orders
                description: one row per order
                meta:
                  owner: sales-data@example.com
                columns:
                  - name: o_orderkey
                    description: the order's key
                    data_type: bigint
                    tests:
                      - unique
                      - not_null:
                          config:
                            meta: { sluice: { action: fail } }
                  - name: o_custkey
                    tests:
                      - relationships:
                          to: source('crm', 'customer')
                          field: c_custkey
                  - name: o_orderstatus
                    tests:
                      - accepted_values:
                          values: ['O', 'F', 'P']
                          where: "o_orderdate >= DATE '1995-01-01'"
                  - name: o_totalprice
                    data_tests:
                      - dbt_utils.accepted_range:
                          min_value: 0
                          inclusive: true
                  - name: o_comment
                    data_tests:
                      - dbt_expectations.expect_column_value_lengths_to_be_between:
                          max_value: 79

              - name: lineitem
                data_tests:
                  - dbt_utils.unique_combination_of_columns:
                      combination_of_columns: [l_orderkey, l_linenumber]
                  - dbt_utils.expression_is_true:
                      expression: "l_shipdate <= l_receiptdate"
                columns:
                  - name: l_orderkey
                    data_tests:
                      - relationships:
                          name: lineitem_has_order
                          arguments:
                            to: ref('orders')
                            field: o_orderkey
            """;

    @Test
    void read_realisticSchemaYml() {
        RuleLoadResult result =
                new RuleFileLoader(DbtTableMapping.modelsIn("warehouse", "main")).load(FILE, SCHEMA_YML);

        assertThat(result.problems()).isEmpty();
        assertThat(result.notices())
                .map(RuleProblem::toString)
                .containsExactly("rules/dbt/schema.yml:51:13: models[0].columns[4].data_tests[0]: dbt test"
                        + " \"dbt_expectations.expect_column_value_lengths_to_be_between\" has no Sluice equivalent;"
                        + " skipped");
        assertThat(result.rules().files()).extracting(TableRules::table).containsExactly(ORDERS, LINEITEM, CUSTOMER);

        Optional<String> owner = Optional.of("sales-data@example.com");
        assertModel(
                result.rules().rulesOf(ORDERS),
                new UniqueRule(meta("unique_o_orderkey", Severity.WARNING, Action.WARN, owner), List.of("o_orderkey")),
                new NotNullRule(meta("not_null_o_orderkey", Severity.ERROR, Action.FAIL, owner), "o_orderkey"),
                new ForeignKeyRule(
                        meta("foreign_key_o_custkey", Severity.WARNING, Action.WARN, owner),
                        "o_custkey",
                        new ColumnReference(CUSTOMER, "c_custkey")),
                new AcceptedValuesRule(
                        new RuleMetadata(
                                "accepted_values_o_orderstatus",
                                Severity.WARNING,
                                Action.WARN,
                                Optional.of("o_orderdate >= DATE '1995-01-01'"),
                                Optional.empty(),
                                owner,
                                RuleOrigin.of(FILE, "")),
                        "o_orderstatus",
                        List.of(Literal.text("O"), Literal.text("F"), Literal.text("P"))),
                new RangeRule(
                        meta("range_o_totalprice", Severity.WARNING, Action.WARN, owner),
                        "o_totalprice",
                        Optional.of(Literal.number("0")),
                        Optional.empty(),
                        true,
                        true));
        assertModel(
                result.rules().rulesOf(LINEITEM),
                new UniqueRule(
                        meta("unique_l_orderkey_l_linenumber", Severity.WARNING, Action.WARN, Optional.empty()),
                        List.of("l_orderkey", "l_linenumber")),
                new ExpressionRule(
                        meta("expression_l_shipdate_l_receiptdate", Severity.WARNING, Action.WARN, Optional.empty()),
                        "l_shipdate <= l_receiptdate",
                        List.of("l_shipdate", "l_receiptdate")),
                new ForeignKeyRule(
                        meta("lineitem_has_order", Severity.WARNING, Action.WARN, Optional.empty()),
                        "l_orderkey",
                        new ColumnReference(ORDERS, "o_orderkey")));
        assertModel(
                result.rules().rulesOf(CUSTOMER),
                new UniqueRule(
                        meta("unique_c_custkey", Severity.WARNING, Action.WARN, Optional.empty()),
                        List.of("c_custkey")),
                new NotNullRule(
                        meta("not_null_c_custkey", Severity.WARNING, Action.WARN, Optional.empty()), "c_custkey"),
                new AcceptedValuesRule(
                        meta("accepted_values_c_mktsegment", Severity.WARNING, Action.WARN, Optional.empty()),
                        "c_mktsegment",
                        List.of("AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY").stream()
                                .map(Literal::text)
                                .toList()));
    }

    @Test
    void read_importedRulesValidateAgainstTheTables() {
        QualityRules rules = new QualityRules(
                TpchTables.LOOKUP, DbtTableMapping.modelsIn("warehouse", "main"), RelDataTypeSystem.DEFAULT);

        assertThat(rules.loadFiles(Map.of(FILE, SCHEMA_YML)).problems()).isEmpty();
    }

    @Test
    void read_modelWithoutMappingNeedsMeta() {
        String yaml =
                """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: o_orderkey
                        data_tests: [not_null]
                  - name: customers
                    meta: { sluice: { table: crm.main.customer } }
                    columns:
                      - name: c_custkey
                        data_tests: [not_null]
                """;

        RuleLoadResult result = new RuleFileLoader().load(FILE, yaml);

        assertThat(result.problems())
                .map(RuleProblem::toString)
                .containsExactly("rules/dbt/schema.yml:3:11: models[0].name: cannot tell which Sluice table dbt model"
                        + " \"orders\" is; add meta: {sluice: {table: source.schema.table}} to it, or give the loader"
                        + " the source and schema of dbt models");
    }

    @Test
    void read_testMistakes() {
        String yaml =
                """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: o_orderstatus
                        data_tests:
                          - accepted_values
                          - relationships:
                              to: ref('customers')
                              field: c_custkey
                """;

        RuleLoadResult result = new RuleFileLoader(DbtTableMapping.modelsIn("warehouse", "main")).load(FILE, yaml);

        assertThat(result.problems())
                .map(RuleProblem::toString)
                .containsExactly(
                        "rules/dbt/schema.yml:7:13: models[0].columns[0].data_tests[0].values: expected a list of the"
                                + " accepted values, got nothing",
                        "rules/dbt/schema.yml:9:19: models[0].columns[0].data_tests[1].relationships.to: cannot tell"
                                + " which Sluice table \"ref('customers')\" is: expected ref('model') or source('source',"
                                + " 'table') of a model or source in this file, with its Sluice table known");
    }

    private static RuleMetadata meta(String name, Severity severity, Action action, Optional<String> owner) {
        return new RuleMetadata(
                name, severity, action, Optional.empty(), Optional.empty(), owner, RuleOrigin.of(FILE, ""));
    }

    private static void assertModel(List<Rule> actual, Rule... expected) {
        assertThat(actual)
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("metadata.origin")
                .containsExactly(expected);
    }
}
