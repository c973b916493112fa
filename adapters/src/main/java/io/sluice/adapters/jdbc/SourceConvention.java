package io.sluice.adapters.jdbc;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.SqlDialect;

/**
 * The calling convention of one JDBC source: Calcite's JDBC rules, with the step back into the engine replaced by
 * {@link SourceToEnumerableConverter}, which shows in {@code EXPLAIN} the SQL it sends to the source.
 */
final class SourceConvention extends JdbcConvention {

    SourceConvention(SqlDialect dialect, Expression expression, String name) {
        super(dialect, expression, name);
    }

    @Override
    public void register(RelOptPlanner planner) {
        for (RelOptRule rule : JdbcRules.rules(this)) {
            if (!(rule instanceof JdbcToEnumerableConverterRule)) {
                planner.addRule(rule);
            }
        }
        planner.addRule(ToEnumerableRule.create(this));
        // What JdbcConvention.register adds besides its rules (not calling it: it would add the stock converter).
        planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
        planner.addRule(CoreRules.PROJECT_REMOVE);
    }

    /** Converts any relational expression of this source into a {@link SourceToEnumerableConverter}. */
    static final class ToEnumerableRule extends ConverterRule {

        static ToEnumerableRule create(Convention source) {
            return Config.INSTANCE
                    .withConversion(
                            RelNode.class, source, EnumerableConvention.INSTANCE, "SourceToEnumerableRule:" + source)
                    .withRuleFactory(ToEnumerableRule::new)
                    .toRule(ToEnumerableRule.class);
        }

        private ToEnumerableRule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return new SourceToEnumerableConverter(
                    rel.getCluster(), rel.getTraitSet().replace(getOutTrait()), rel);
        }
    }
}
