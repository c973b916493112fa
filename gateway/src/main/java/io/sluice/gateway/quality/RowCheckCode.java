package io.sluice.gateway.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexProgramBuilder;
import org.apache.calcite.sql.validate.SqlConformance;

/**
 * The generated code that checks one row against a gate's checks, shared by the gate's enumerator ({@link
 * EnumerableQualityGate}) and the checks of Arrow batches ({@link ArrowBatchGate}) so that both judge a row alike:
 *
 * <pre>
 *   if (&lt;check 0 violated&gt;) run.violated(0, &lt;sample&gt;, &lt;row, for quarantine&gt;);
 *   ...
 * </pre>
 *
 * @param inputRowType the row type the checks' conditions are over
 * @param fields reads a field of the row being checked
 * @param samples reads the value of a field shown as a check's sample, only when the row violates the check
 * @param run the {@link GateRun} the violations go to
 */
record RowCheckCode(
        RelDataType inputRowType,
        RexBuilder rexBuilder,
        JavaTypeFactory typeFactory,
        SqlConformance conformance,
        RexToLixTranslator.InputGetter fields,
        Sampler samples,
        Expression run) {

    /** Code that reads field {@code field} of the row being checked as an Object, for a sample. */
    @FunctionalInterface
    interface Sampler {
        Expression sample(BlockBuilder block, int field);
    }

    /** Samples read like any other field. */
    static Sampler fromFields(RexToLixTranslator.InputGetter fields) {
        return (block, field) -> Expressions.box(fields.field(block, field, null));
    }

    /** Adds to {@code block} a statement per check: report the row to {@code run} when it violates the check. */
    void append(BlockBuilder block, List<RowCheck> checks) {
        for (int i = 0; i < checks.size(); i++) {
            RowCheck check = checks.get(i);
            RexProgramBuilder program = new RexProgramBuilder(inputRowType, rexBuilder);
            program.addCondition(check.violated());
            Expression violated = RexToLixTranslator.translateCondition(
                    program.getProgram(), typeFactory, block, fields, RowCheckCode::noCorrelation, conformance);
            BlockBuilder report = new BlockBuilder(true, block);
            Expression sample =
                    check.sampleField() < 0 ? Expressions.constant(null) : samples.sample(report, check.sampleField());
            Expression values = check.action() == CheckAction.QUARANTINE
                    ? rowValues(report, inputRowType.getFieldCount())
                    : Expressions.constant(null, Object[].class);
            report.add(Expressions.statement(Expressions.call(
                    run, "violated", Expressions.constant(i), Expressions.convert_(sample, Object.class), values)));
            block.add(Expressions.ifThen(violated, report.toBlock()));
        }
    }

    /** {@code new Object[] {field0, field1, ...}}: the row as quarantine stores it. */
    private Expression rowValues(BlockBuilder block, int count) {
        List<Expression> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(Expressions.convert_(Expressions.box(fields.field(block, i, null)), Object.class));
        }
        return Expressions.newArrayInit(Object.class, values);
    }

    /** Rule conditions are over one row of one table: they never refer to an outer query. */
    private static RexToLixTranslator.InputGetter noCorrelation(String name) {
        throw new IllegalStateException("A quality rule cannot refer to the correlation variable " + name);
    }
}
