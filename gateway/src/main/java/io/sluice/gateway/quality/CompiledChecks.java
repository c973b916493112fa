package io.sluice.gateway.quality;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sluice.gateway.execution.SqlLanguage;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.ClassDeclaration;
import org.apache.calcite.linq4j.tree.ClassDeclarationFinder;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.codehaus.commons.compiler.CompilerFactoryFactory;
import org.codehaus.commons.compiler.IClassBodyEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate's checks compiled once into a class of their own ({@link RowCheckCode}), shared by every execution of every
 * plan with the same checks, in two shapes: a check of one row held as an array ({@link RowChecker}, which the gate's
 * enumerator {@link EnumerableQualityGate} calls), and a loop over the rows of an Arrow batch that reads each value
 * from its vector ({@link BatchChecker}, for {@link ArrowBatchGate}). Kept out of the plan's generated code because a
 * check's constants (a DECIMAL bound is a {@code new BigDecimal}) become static fields there, and Calcite compiles a
 * plan with static fields anew at every execution, where the JIT must learn it again.
 */
public final class CompiledChecks {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledChecks.class);

    /** Compiled checks by their code: the same rules read the same way compile once. */
    private static final Cache<String, Object> COMPILED =
            Caffeine.newBuilder().maximumSize(1_000).build();

    /**
     * The same, by what the code is generated from (the checks' conditions, the row's types, for batches the vectors'
     * types): every query plans its gate anew, and generating the code again for each one would cost it a few
     * milliseconds, more than the lookup by the code saves.
     */
    private static final Cache<String, Object> BY_SHAPE =
            Caffeine.newBuilder().maximumSize(1_000).build();

    /**
     * What the generated class does: checks one row, telling {@code run} each check it violates with its sample from
     * {@code samples}.
     */
    public interface RowChecker {
        void check(Object[] row, GateRun run, Samples samples);
    }

    /**
     * What the generated class for Arrow batches does: checks rows {@code 0 .. rows - 1} of {@code vectors} (one per
     * column of the gate's input, null where the checks read none) and {@code measures}, writes the rows no rule
     * removed into {@code kept} (which holds {@code rows}) and returns how many there are.
     */
    public interface BatchChecker {
        int check(FieldVector[] vectors, MeasuredText[] measures, int rows, GateRun run, int[] kept);
    }

    /** The value of a field of the row being checked, read only for a violation's sample. */
    public interface Samples {
        @Nullable
        Object sample(int field);
    }

    /** The samples of a row held as an array (the engine's rows). */
    public static final class ArraySamples implements Samples {
        /** The row being checked; set before each check. */
        public Object[] row = new Object[0];

        @Override
        public @Nullable Object sample(int field) {
            return row[field];
        }
    }

    private CompiledChecks() {}

    /** The compiled {@code checks} over rows of {@code rowType} (values as the engine holds them, in an array). */
    static RowChecker of(QualityGate gate, RelDataType rowType, List<RowCheck> checks) {
        return (RowChecker) BY_SHAPE.get(
                shape(RowChecker.class, rowType, checks, ""),
                shape -> COMPILED.get(code(gate, rowType, checks), code -> compile(code, RowChecker.class)));
    }

    /**
     * The compiled {@code checks} over the rows of Arrow batches laid out as {@code layout} says, with the fields typed
     * as in {@code rowType} (only a nullable field is checked for null).
     */
    static BatchChecker ofBatches(
            QualityGate gate, BatchFields.Layout layout, RelDataType rowType, List<RowCheck> checks) {
        return (BatchChecker) BY_SHAPE.get(
                shape(BatchChecker.class, rowType, checks, layout(layout)),
                shape -> generateForBatches(gate, layout, rowType, checks));
    }

    /**
     * What the code of {@code checks} over rows of {@code rowType} is generated from, for {@code type}: the fields'
     * types with their nullability, and each check's action, sample field and condition (a RexNode's digest names its
     * inputs by position and its literals with their types).
     */
    private static String shape(Class<?> type, RelDataType rowType, List<RowCheck> checks, String layout) {
        StringBuilder shape = new StringBuilder(type.getName())
                .append('\n')
                .append(rowType.getFullTypeString())
                .append('\n')
                .append(layout);
        for (RowCheck check : checks) {
            shape.append('\n')
                    .append(check.action())
                    .append(' ')
                    .append(check.sampleField())
                    .append(' ')
                    .append(check.violated());
        }
        return shape.toString();
    }

    /** What batch code is generated from besides the checks: how each column arrives, and what is measured of it. */
    private static String layout(BatchFields.Layout layout) {
        StringBuilder shape = new StringBuilder();
        for (int i = 0; i < layout.vectors().size(); i++) {
            FieldVector vector = layout.vectors().get(i);
            shape.append(layout.types().get(i)).append(' ');
            shape.append(
                    vector == null
                            ? "-"
                            : vector.getClass().getName() + " "
                                    + vector.getField().getType());
            shape.append(';');
        }
        for (TextMeasures.Measure measure : layout.measures()) {
            shape.append(" measure ")
                    .append(measure.field())
                    .append(' ')
                    .append(measure.kind())
                    .append(' ')
                    .append(measure.type().getFullTypeString())
                    .append(' ')
                    .append(measure.ifNull())
                    .append(' ')
                    .append(measure.values().stream()
                            .map(HexFormat.of()::formatHex)
                            .toList());
        }
        return shape.append(" unscaled ").append(layout.unscaled()).toString();
    }

    private static BatchChecker generateForBatches(
            QualityGate gate, BatchFields.Layout layout, RelDataType rowType, List<RowCheck> checks) {
        ParameterExpression vectors = Expressions.parameter(FieldVector[].class, "vectors");
        ParameterExpression measures = Expressions.parameter(MeasuredText[].class, "measures");
        ParameterExpression rows = Expressions.parameter(int.class, "rows");
        ParameterExpression run = Expressions.parameter(GateRun.class, "run");
        ParameterExpression kept = Expressions.parameter(int[].class, "kept");
        ParameterExpression row = Expressions.parameter(int.class, "r");
        ParameterExpression keptCount = Expressions.parameter(int.class, "keptCount");
        BlockBuilder body = new BlockBuilder();
        BatchFields fields = new BatchFields(layout, rowType, body, vectors, measures, row);
        body.add(Expressions.declare(0, keptCount, Expressions.constant(0)));
        BlockBuilder eachRow = new BlockBuilder(true, body);
        checkCode(gate, rowType, fields, RowCheckCode.fromFields(fields), run).append(eachRow, checks);
        // kept[keptCount++] = r for a row no rule removed
        eachRow.add(Expressions.ifThen(
                Expressions.call(run, "accept"),
                Expressions.statement(Expressions.assign(
                        Expressions.arrayIndex(kept, Expressions.postIncrementAssign(keptCount)), row))));
        body.add(Expressions.for_(
                Expressions.declare(0, row, Expressions.constant(0)),
                Expressions.lessThan(row, rows),
                Expressions.preIncrementAssign(row),
                eachRow.toBlock()));
        body.add(Expressions.return_(null, keptCount));
        String code = classBody(BatchChecker.class, int.class, List.of(vectors, measures, rows, run, kept), body);
        return (BatchChecker) COMPILED.get(code, compiled -> compile(compiled, BatchChecker.class));
    }

    private static String code(QualityGate gate, RelDataType rowType, List<RowCheck> checks) {
        JavaTypeFactory typeFactory = (JavaTypeFactory) gate.getCluster().getTypeFactory();
        ParameterExpression row = Expressions.parameter(Object[].class, "row");
        ParameterExpression run = Expressions.parameter(GateRun.class, "run");
        ParameterExpression samples = Expressions.parameter(Samples.class, "samples");
        RexToLixTranslator.InputGetter fields = new RexToLixTranslator.InputGetterImpl(
                row, PhysTypeImpl.of(typeFactory, rowType, JavaRowFormat.ARRAY, false));
        BlockBuilder body = new BlockBuilder();
        checkCode(
                        gate,
                        rowType,
                        fields,
                        (block, field) -> Expressions.call(samples, "sample", Expressions.constant(field)),
                        run)
                .append(body, checks);
        return classBody(RowChecker.class, void.class, List.of(row, run, samples), body);
    }

    private static RowCheckCode checkCode(
            QualityGate gate,
            RelDataType rowType,
            RexToLixTranslator.InputGetter fields,
            RowCheckCode.Sampler samples,
            ParameterExpression run) {
        return new RowCheckCode(
                rowType,
                gate.getCluster().getRexBuilder(),
                (JavaTypeFactory) gate.getCluster().getTypeFactory(),
                SqlLanguage.CONFORMANCE,
                fields,
                samples,
                run);
    }

    /** The body of a class implementing {@code type}'s one method, {@code check}, as {@code body}. */
    private static String classBody(
            Class<?> type, Class<?> returns, List<ParameterExpression> parameters, BlockBuilder body) {
        ClassDeclaration declaration = Expressions.classDecl(
                Modifier.PUBLIC,
                "Checks",
                null,
                List.of(type),
                new ArrayList<>(List.of(
                        Expressions.methodDecl(Modifier.PUBLIC, returns, "check", parameters, body.toBlock()))));
        // Hoists constants (a DECIMAL bound is a new BigDecimal) into static fields, as Calcite does for plans.
        ClassDeclaration hoisted = (ClassDeclaration) declaration.accept(ClassDeclarationFinder.create());
        return Expressions.toString(hoisted.memberDeclarations, "\n", false);
    }

    private static Object compile(String code, Class<?> type) {
        LOG.debug("Compiling the checks of a {}:\n{}", type.getSimpleName(), code);
        ClassLoader loader = ArrowBatchGate.class.getClassLoader();
        try {
            IClassBodyEvaluator evaluator =
                    CompilerFactoryFactory.getDefaultCompilerFactory(loader).newClassBodyEvaluator();
            evaluator.setImplementedInterfaces(new Class<?>[] {type});
            evaluator.setParentClassLoader(loader);
            return evaluator.createInstance(new StringReader(code));
        } catch (Exception e) {
            throw new IllegalStateException("The generated checks do not compile: " + e.getMessage() + "\n" + code, e);
        }
    }
}
