package io.sluice.gateway.quality;

import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

/** A {@link QualityGate} before the planner chose how to run it. */
public final class LogicalQualityGate extends QualityGate {

    private LogicalQualityGate(
            RelOptCluster cluster, RelTraitSet traits, RelNode input, String table, List<RowCheck> checks) {
        super(cluster, traits, input, table, checks);
    }

    public static LogicalQualityGate create(RelNode input, String table, List<RowCheck> checks) {
        RelOptCluster cluster = input.getCluster();
        return new LogicalQualityGate(cluster, cluster.traitSetOf(Convention.NONE), input, table, checks);
    }

    @Override
    public QualityGate copy(RelTraitSet traits, RelNode input, List<RowCheck> checks) {
        return new LogicalQualityGate(getCluster(), traits, input, table(), checks);
    }
}
