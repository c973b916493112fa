package io.sluice.gateway.quality;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.BuiltInMethod;

/**
 * A {@link QualityGate} run by generated code: each rule's condition is compiled like any other Calcite expression, so
 * checking a row costs what evaluating its conditions costs, with no interpretation. The conditions are compiled once
 * per rule set into their own class ({@link CompiledChecks}: {@code if (<rule 0 violated>) run.violated(0, <sample>,
 * <row, for quarantine>); ...}), which the plan's generated enumerator calls:
 *
 * <pre>
 * moveNext():
 *   while (input.moveNext()) {
 *     row = input.current();
 *     checks.check(row as an array, run, samples);
 *     if (run.accept()) return true;
 *   }
 *   run.finish(); return false;
 * current(): row
 * close(): input.close(); run.finish()
 * </pre>
 *
 * <p>The row is kept because an input's {@code current()} may build it anew on every call: a JDBC scan's reads every
 * column from the source's result set again, which would double the cost of reading the table.
 */
public final class EnumerableQualityGate extends QualityGate implements EnumerableRel {

    EnumerableQualityGate(
            RelOptCluster cluster, RelTraitSet traits, RelNode input, String table, List<RowCheck> checks) {
        super(cluster, traits, input, table, checks);
    }

    @Override
    public QualityGate copy(RelTraitSet traits, RelNode input, List<RowCheck> checks) {
        return new EnumerableQualityGate(getCluster(), traits, input, table(), checks);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        JavaTypeFactory typeFactory = implementor.getTypeFactory();
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
        PhysType physType = input.physType;
        Type rowJavaType = physType.getJavaRowType();

        ParameterExpression inputEnumerator =
                Expressions.parameter(Types.of(Enumerator.class, rowJavaType), "inputEnumerator");
        ParameterExpression run = Expressions.parameter(GateRun.class, "run");
        ParameterExpression currentRow = Expressions.parameter(Object.class, "currentRow");
        Expression row = EnumUtils.convert(currentRow, rowJavaType);
        RexToLixTranslator.InputGetter fields = new RexToLixTranslator.InputGetterImpl(row, physType);

        RelDataType inputRowType = getInput().getRowType();
        // The checks run in a class of their own, compiled once for these checks (see CompiledChecks).
        Expression checker =
                implementor.stash(CompiledChecks.of(this, inputRowType, checks()), CompiledChecks.RowChecker.class);
        ParameterExpression samples = Expressions.parameter(CompiledChecks.ArraySamples.class, "samples");
        BlockBuilder checkRow = new BlockBuilder();
        checkRow.add(Expressions.statement(Expressions.assign(
                currentRow, Expressions.call(inputEnumerator, BuiltInMethod.ENUMERATOR_CURRENT.method))));
        checkRow.add(Expressions.statement(Expressions.assign(
                Expressions.field(samples, "row"),
                asArray(row, physType, fields, inputRowType.getFieldCount(), checkRow))));
        checkRow.add(Expressions.statement(Expressions.call(
                checker,
                "check",
                Expressions.field(samples, "row"),
                run,
                Expressions.convert_(samples, CompiledChecks.Samples.class))));
        checkRow.add(Expressions.ifThen(
                Expressions.call(run, "accept"), Expressions.return_(null, Expressions.constant(true))));

        BlockStatement moveNext = Expressions.block(
                Expressions.while_(
                        Expressions.call(inputEnumerator, BuiltInMethod.ENUMERATOR_MOVE_NEXT.method),
                        checkRow.toBlock()),
                // Report as soon as the rows run out, not only at close: the client may ask for the outcome at once.
                Expressions.statement(Expressions.call(run, "finish")),
                Expressions.return_(null, Expressions.constant(false)));

        GateRuntime runtime = new GateRuntime(table(), checks(), inputRowType);
        Expression gate = implementor.stash(runtime, GateRuntime.class);

        BlockBuilder builder = new BlockBuilder();
        Expression inputEnumerable = builder.append("inputEnumerable", input.block, false);
        Expression enumerator = Expressions.new_(
                Types.of(Enumerator.class, rowJavaType),
                List.of(),
                Expressions.list(
                        Expressions.fieldDecl(
                                Modifier.PUBLIC | Modifier.FINAL,
                                inputEnumerator,
                                Expressions.call(inputEnumerable, BuiltInMethod.ENUMERABLE_ENUMERATOR.method)),
                        Expressions.fieldDecl(Modifier.PUBLIC | Modifier.FINAL, run, Expressions.call(gate, "start")),
                        Expressions.fieldDecl(Modifier.PUBLIC, currentRow, Expressions.constant(null)),
                        Expressions.fieldDecl(
                                Modifier.PUBLIC | Modifier.FINAL,
                                samples,
                                Expressions.new_(CompiledChecks.ArraySamples.class)),
                        EnumUtils.overridingMethodDecl(
                                BuiltInMethod.ENUMERATOR_RESET.method,
                                List.of(),
                                Expressions.block(
                                        Expressions.statement(Expressions.call(
                                                inputEnumerator, BuiltInMethod.ENUMERATOR_RESET.method)),
                                        Expressions.statement(
                                                Expressions.assign(currentRow, Expressions.constant(null))))),
                        EnumUtils.overridingMethodDecl(BuiltInMethod.ENUMERATOR_MOVE_NEXT.method, List.of(), moveNext),
                        EnumUtils.overridingMethodDecl(
                                BuiltInMethod.ENUMERATOR_CLOSE.method,
                                List.of(),
                                Expressions.block(Expressions.tryFinally(
                                        Expressions.statement(Expressions.call(
                                                inputEnumerator, BuiltInMethod.ENUMERATOR_CLOSE.method)),
                                        Expressions.statement(Expressions.call(run, "finish"))))),
                        Expressions.methodDecl(
                                Modifier.PUBLIC,
                                Object.class,
                                "current",
                                List.of(),
                                Blocks.toFunctionBlock(currentRow))));
        builder.add(Expressions.return_(
                null,
                Expressions.new_(
                        BuiltInMethod.ABSTRACT_ENUMERABLE_CTOR.constructor,
                        List.of(),
                        List.of(Expressions.methodDecl(
                                Modifier.PUBLIC,
                                Types.of(Enumerator.class, rowJavaType),
                                BuiltInMethod.ENUMERABLE_ENUMERATOR.method.getName(),
                                List.of(),
                                Blocks.toFunctionBlock(enumerator))))));
        return implementor.result(physType, builder.toBlock());
    }

    /** The row as an array of its values: the row itself when rows are arrays, else a new array of its fields. */
    private static Expression asArray(
            Expression row,
            PhysType physType,
            RexToLixTranslator.InputGetter fields,
            int fieldCount,
            BlockBuilder block) {
        if (physType.getFormat() == JavaRowFormat.ARRAY) {
            return Expressions.convert_(row, Object[].class);
        }
        List<Expression> values = new java.util.ArrayList<>(fieldCount);
        for (int i = 0; i < fieldCount; i++) {
            values.add(Expressions.convert_(Expressions.box(fields.field(block, i, null)), Object.class));
        }
        return Expressions.newArrayInit(Object.class, values);
    }

    /** Only the Enumerable convention; kept for the rule that creates this node. */
    static RelTraitSet traits(RelNode input) {
        return input.getTraitSet().replace(EnumerableConvention.INSTANCE);
    }
}
