package io.sluice.gateway.execution;

import io.sluice.gateway.quality.QualityGateRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Calcite's statement preparation with the gateway's own planner rules added to Calcite's defaults. */
final class SluicePrepare extends CalcitePrepareImpl {

    @Override
    protected RelOptPlanner createPlanner(
            CalcitePrepare.Context prepareContext,
            org.apache.calcite.plan.@Nullable Context externalContext,
            @Nullable RelOptCostFactory costFactory) {
        RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
        QualityGateRules.ALL.forEach(planner::addRule);
        return planner;
    }
}
