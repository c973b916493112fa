package io.sluice.gateway.quality;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks the rows of one table scan against the table's row rules as they flow: its rows are its input's rows, minus
 * those a {@code drop}, {@code quarantine} or {@code fail} rule removes. It sits directly above the scan, with only
 * filters and column pruning pushed below it (so the checks see exactly the rows the query reads, and the source sends
 * only the columns the query and the rules need); everything else stays above it.
 */
public abstract class QualityGate extends SingleRel {

    /** Planner cost of evaluating one check on one row, relative to reading the row. */
    private static final double CHECK_COST_PER_ROW = 0.01;

    private final String table;
    private final List<RowCheck> checks;

    protected QualityGate(
            RelOptCluster cluster, RelTraitSet traits, RelNode input, String table, List<RowCheck> checks) {
        super(cluster, traits, input);
        this.table = table;
        this.checks = List.copyOf(checks);
    }

    /** The checked table, as {@code source.schema.table}. */
    public String table() {
        return table;
    }

    public List<RowCheck> checks() {
        return checks;
    }

    /** A gate like this one over another input, with its checks rewritten for that input. */
    public abstract QualityGate copy(RelTraitSet traits, RelNode input, List<RowCheck> checks);

    @Override
    public final RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return copy(traitSet, sole(inputs), checks);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return mq.getRowCount(getInput());
    }

    @Override
    public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = mq.getRowCount(getInput());
        // Volcano compares plans by their row-count cost alone, and never prefers reading fewer columns: a gate
        // costs one unit per row and column, so that the plan whose source sends only the columns needed wins.
        double fields = getInput().getRowType().getFieldCount();
        return planner.getCostFactory().makeCost(rows * fields, rows * checks.size() * CHECK_COST_PER_ROW, 0);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        RelWriter writer = super.explainTerms(pw).item("table", table);
        for (RowCheck check : checks) {
            writer.item(
                    check.rule(), check.action().name().toLowerCase(java.util.Locale.ROOT) + " " + check.violated());
        }
        return writer;
    }
}
