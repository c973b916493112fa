package io.sluice.gateway.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the planner moves work past a {@link QualityGate}: filters go below it (so the source filters and the checks see
 * only the rows the query reads), column pruning goes below it (so the source sends only the columns the query and the
 * rules need), a sort without a limit goes below it (so the source sorts: the gate keeps its input's order and the
 * rows it checks are the same in any order); nothing else does, and the gate runs as generated code.
 */
public final class QualityGateRules {

    /** {@code Filter(Gate(x))} → {@code Gate(Filter(x))}, for deterministic filters. */
    public static final RelOptRule FILTER_BELOW_GATE = new RuleConfig(
                    "FilterBelowQualityGate",
                    b -> b.operand(LogicalFilter.class)
                            .predicate(filter -> RexUtil.isDeterministic(filter.getCondition()))
                            .oneInput(g -> g.operand(LogicalQualityGate.class).anyInputs()),
                    FilterBelowGate::new)
            .toRule();

    /** {@code Project(Gate(x))} → {@code Project(Gate(Project(needed columns of x)))}. */
    public static final RelOptRule PRUNE_BELOW_GATE = new RuleConfig(
                    "PruneColumnsBelowQualityGate",
                    b -> b.operand(LogicalProject.class)
                            .oneInput(g -> g.operand(LogicalQualityGate.class).anyInputs()),
                    PruneBelowGate::new)
            .toRule();

    /** {@code Sort(Gate(x))} → {@code Gate(Sort(x))}, for a sort without OFFSET or FETCH. */
    public static final RelOptRule SORT_BELOW_GATE = new RuleConfig(
                    "SortBelowQualityGate",
                    b -> b.operand(LogicalSort.class)
                            .predicate(sort -> sort.offset == null && sort.fetch == null)
                            .oneInput(g -> g.operand(LogicalQualityGate.class).anyInputs()),
                    SortBelowGate::new)
            .toRule();

    /** Logical gates run as {@link EnumerableQualityGate}. */
    public static final RelOptRule ENUMERABLE = ConverterRule.Config.INSTANCE
            .withConversion(
                    LogicalQualityGate.class, Convention.NONE, EnumerableConvention.INSTANCE, "EnumerableQualityGate")
            .withRuleFactory(ToEnumerable::new)
            .toRule();

    /** Every rule above, for the planner. */
    public static final List<RelOptRule> ALL =
            List.of(FILTER_BELOW_GATE, PRUNE_BELOW_GATE, SORT_BELOW_GATE, ENUMERABLE);

    private QualityGateRules() {}

    private static final class FilterBelowGate extends RelRule<RuleConfig> {
        FilterBelowGate(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Filter filter = call.rel(0);
            QualityGate gate = call.rel(1);
            RelNode filtered = filter.copy(filter.getTraitSet(), gate.getInput(), filter.getCondition());
            call.transformTo(gate.copy(gate.getTraitSet(), filtered, gate.checks()));
        }
    }

    private static final class SortBelowGate extends RelRule<RuleConfig> {
        SortBelowGate(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Sort sort = call.rel(0);
            QualityGate gate = call.rel(1);
            RelNode sorted = sort.copy(sort.getTraitSet(), gate.getInput(), sort.getCollation());
            call.transformTo(gate.copy(sort.getTraitSet(), sorted, gate.checks()));
        }
    }

    private static final class PruneBelowGate extends RelRule<RuleConfig> {
        PruneBelowGate(RuleConfig config) {
            super(config);
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Project project = call.rel(0);
            QualityGate gate = call.rel(1);
            RelNode input = gate.getInput();
            ImmutableBitSet.Builder used = ImmutableBitSet.builder();
            used.addAll(RelOptUtil.InputFinder.bits(project.getProjects(), null));
            for (RowCheck check : gate.checks()) {
                used.addAll(RelOptUtil.InputFinder.bits(check.violated()));
                if (check.sampleField() >= 0) {
                    used.set(check.sampleField());
                }
                if (check.action() == CheckAction.QUARANTINE) {
                    // A quarantined row is stored with every column the query reads: keep them all.
                    return;
                }
            }
            ImmutableBitSet needed = used.build();
            int fieldCount = input.getRowType().getFieldCount();
            if (needed.cardinality() == fieldCount) {
                return;
            }
            Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, fieldCount, needed.cardinality());
            needed.forEachInt(field -> mapping.set(field, needed.indexOf(field)));
            RelBuilder builder = call.builder();
            builder.push(input).project(builder.fields(needed.asList()));
            List<RowCheck> checks = new ArrayList<>();
            gate.checks().forEach(check -> checks.add(check.remap(mapping)));
            QualityGate narrowed = gate.copy(gate.getTraitSet(), builder.build(), checks);
            List<RexNode> projects = RexUtil.apply(mapping, project.getProjects());
            call.transformTo(project.copy(project.getTraitSet(), narrowed, projects, project.getRowType()));
        }
    }

    private static final class ToEnumerable extends ConverterRule {
        ToEnumerable(Config config) {
            super(config);
        }

        @Override
        public @Nullable RelNode convert(RelNode rel) {
            LogicalQualityGate gate = (LogicalQualityGate) rel;
            RelNode input = convert(gate.getInput(), EnumerableQualityGate.traits(gate.getInput()));
            return new EnumerableQualityGate(
                    gate.getCluster(), EnumerableQualityGate.traits(gate), input, gate.table(), gate.checks());
        }
    }

    /** A rule configuration without the Immutables code generator Calcite configures its own rules with. */
    private record RuleConfig(
            @Nullable String description,
            RelRule.OperandTransform operandSupplier,
            Function<RuleConfig, RelOptRule> factory)
            implements RelRule.Config {

        @Override
        public RelOptRule toRule() {
            return factory.apply(this);
        }

        @Override
        public RelBuilderFactory relBuilderFactory() {
            return RelFactories.LOGICAL_BUILDER;
        }

        @Override
        public RelRule.Config withRelBuilderFactory(RelBuilderFactory factory) {
            throw new UnsupportedOperationException("quality gate rules use the logical builder");
        }

        @Override
        public RelRule.Config withDescription(@Nullable String description) {
            return new RuleConfig(description, operandSupplier, factory);
        }

        @Override
        public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
            return new RuleConfig(description, transform, factory);
        }
    }
}
