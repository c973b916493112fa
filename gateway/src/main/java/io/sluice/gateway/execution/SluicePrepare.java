package io.sluice.gateway.execution;

import io.sluice.gateway.quality.QualityGateRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with the gateway's own planner rules added to Calcite's defaults, parsing the SQL it
 * parses on its own in the sessions' language.
 */
final class SluicePrepare extends CalcitePrepareImpl {

    /**
     * The parser for SQL Calcite parses outside a statement, such as a checked table's violation query when a view is
     * expanded: Calcite's default (core conformance, upper-cased names) would refuse what the session accepted, such as
     * {@code %} in a rule's expression.
     */
    @Override
    protected SqlParser createParser(String sql) {
        return createParser(sql, SqlLanguage.parserConfig());
    }

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
