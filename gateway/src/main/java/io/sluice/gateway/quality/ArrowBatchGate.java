package io.sluice.gateway.quality;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sluice.gateway.execution.SqlLanguage;
import java.io.StringReader;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.ClassDeclaration;
import org.apache.calcite.linq4j.tree.ClassDeclarationFinder;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Util;
import org.codehaus.commons.compiler.CompilerFactoryFactory;
import org.codehaus.commons.compiler.IClassBodyEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate's checks run on the Arrow record batches of its input: how the Arrow fast path (a query answered with its
 * source's own batches) keeps the inline checks of a table with row rules. The values a row's checks read are taken
 * from the batch as the engine holds them ({@link ArrowValues}) and judged by code generated from the gate's own
 * conditions ({@link RowCheckCode}), so that rows checked, violations and samples are what the general path counts.
 *
 * <p>Only for rules that never remove a row ({@code warn}, and {@code fail}, which stops the query): {@code drop} and
 * {@code quarantine} would need each batch filtered, and keep such a query on the general path. Neither do conditions
 * that need the query's context (CURRENT_DATE and other functions of the time of the query) take this path.
 */
public final class ArrowBatchGate {

    private static final Logger LOG = LoggerFactory.getLogger(ArrowBatchGate.class);

    /** Compiled checks by their code: the same rules read the same way compile once. */
    private static final Cache<String, RowChecker> COMPILED =
            Caffeine.newBuilder().maximumSize(1_000).build();

    /** What the generated class does: checks one row, telling {@code run} each check it violates. */
    public interface RowChecker {
        void check(Object[] row, GateRun run);
    }

    private final GateRuntime runtime;
    private final RowChecker checker;
    private final List<SqlTypeName> types;
    private final int[] read;

    private ArrowBatchGate(GateRuntime runtime, RowChecker checker, List<SqlTypeName> types, int[] read) {
        this.runtime = runtime;
        this.checker = checker;
        this.types = types;
        this.read = read;
    }

    /** The checks of {@code gate} for Arrow batches of its input's columns, or empty when they cannot run on batches. */
    public static Optional<ArrowBatchGate> of(QualityGate gate) {
        for (RowCheck check : gate.checks()) {
            if (check.action() == CheckAction.DROP || check.action() == CheckAction.QUARANTINE) {
                LOG.debug("Rule {} of {} removes rows: checked on the general path", check.rule(), gate.table());
                return Optional.empty();
            }
            if (needsQueryContext(check.violated())) {
                LOG.debug(
                        "Rule {} of {} reads the query's context: checked on the general path",
                        check.rule(),
                        gate.table());
                return Optional.empty();
            }
        }
        RelDataType rowType = gate.getInput().getRowType();
        RowChecker checker;
        try {
            checker = COMPILED.get(code(gate, rowType), ArrowBatchGate::compile);
        } catch (RuntimeException e) {
            LOG.warn("The checks of {} cannot run on Arrow batches; they run on the general path", gate.table(), e);
            return Optional.empty();
        }
        ImmutableBitSet.Builder read = ImmutableBitSet.builder();
        for (RowCheck check : gate.checks()) {
            read.addAll(RelOptUtil.InputFinder.bits(check.violated()));
            if (check.sampleField() >= 0) {
                read.set(check.sampleField());
            }
        }
        List<SqlTypeName> types = new ArrayList<>(rowType.getFieldCount());
        for (RelDataTypeField field : rowType.getFieldList()) {
            types.add(field.getType().getSqlTypeName());
        }
        GateRuntime runtime = new GateRuntime(gate.table(), gate.checks(), rowType);
        return Optional.of(new ArrowBatchGate(
                runtime, checker, List.copyOf(types), read.build().toArray()));
    }

    /**
     * Starts checking the batches {@code source} will hold (a root whose vectors the source refills batch after batch,
     * one per column of the gate's input), or empty, with the reason logged, when a column the checks read arrives as an
     * Arrow type they cannot read.
     */
    public Optional<Run> start(VectorSchemaRoot source) {
        List<FieldVector> vectors = source.getFieldVectors();
        if (vectors.size() != types.size()) {
            LOG.info(
                    "Not checking {} on Arrow batches: {} columns arrive, the checks expect {}",
                    runtime.table,
                    vectors.size(),
                    types.size());
            return Optional.empty();
        }
        for (int field : read) {
            if (ArrowValues.of(vectors.get(field), types.get(field)).isEmpty()) {
                LOG.info(
                        "Not checking {} on Arrow batches: column {} ({}) arrives as {}",
                        runtime.table,
                        runtime.fields.get(field),
                        types.get(field),
                        vectors.get(field).getField().getType());
                return Optional.empty();
            }
        }
        return Optional.of(new Run(runtime.start()));
    }

    /** The checking of one query's batches; {@link #finish()} reports what it found. */
    public final class Run {
        private final GateRun run;
        private final Object[] row = new Object[types.size()];
        private final ArrowValues[] values = new ArrowValues[read.length];

        private Run(GateRun run) {
            this.run = run;
        }

        /**
         * Checks every row of {@code batch}.
         *
         * @throws io.sluice.gateway.error.SluiceException QUALITY_FAILED at the first row that violates a {@code fail}
         *     rule
         */
        public void check(VectorSchemaRoot batch) {
            for (int i = 0; i < read.length; i++) {
                values[i] = ArrowValues.of(batch.getVector(read[i]), types.get(read[i]))
                        .orElseThrow(() -> new IllegalStateException("A column's Arrow type changed mid-stream"));
            }
            int rows = batch.getRowCount();
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < read.length; i++) {
                    row[read[i]] = values[i].get(r);
                }
                checker.check(row, run);
                run.accept();
            }
        }

        /** The batches ran out, or the stream stopped: reports the counts to the query (once). */
        public void finish() {
            run.finish();
        }
    }

    private static String code(QualityGate gate, RelDataType rowType) {
        JavaTypeFactory typeFactory = (JavaTypeFactory) gate.getCluster().getTypeFactory();
        ParameterExpression row = Expressions.parameter(Object[].class, "row");
        ParameterExpression run = Expressions.parameter(GateRun.class, "run");
        RexToLixTranslator.InputGetter fields = new RexToLixTranslator.InputGetterImpl(
                row, PhysTypeImpl.of(typeFactory, rowType, JavaRowFormat.ARRAY, false));
        BlockBuilder body = new BlockBuilder();
        new RowCheckCode(rowType, gate.getCluster().getRexBuilder(), typeFactory, SqlLanguage.CONFORMANCE, fields, run)
                .append(body, gate.checks());
        ClassDeclaration checks = Expressions.classDecl(
                Modifier.PUBLIC,
                "Checks",
                null,
                List.of(RowChecker.class),
                new ArrayList<>(List.of(Expressions.methodDecl(
                        Modifier.PUBLIC, void.class, "check", List.of(row, run), body.toBlock()))));
        // Hoists constants (a DECIMAL bound is a new BigDecimal) into static fields, as Calcite does for plans.
        ClassDeclaration hoisted = (ClassDeclaration) checks.accept(ClassDeclarationFinder.create());
        return Expressions.toString(hoisted.memberDeclarations, "\n", false);
    }

    private static RowChecker compile(String code) {
        ClassLoader loader = ArrowBatchGate.class.getClassLoader();
        try {
            IClassBodyEvaluator evaluator =
                    CompilerFactoryFactory.getDefaultCompilerFactory(loader).newClassBodyEvaluator();
            evaluator.setImplementedInterfaces(new Class<?>[] {RowChecker.class});
            evaluator.setParentClassLoader(loader);
            return (RowChecker) evaluator.createInstance(new StringReader(code));
        } catch (Exception e) {
            throw new IllegalStateException("The generated checks do not compile: " + e.getMessage() + "\n" + code, e);
        }
    }

    /** Whether {@code condition} calls a function of the query's context, such as CURRENT_DATE. */
    private static boolean needsQueryContext(RexNode condition) {
        try {
            condition.accept(new RexVisitorImpl<Void>(true) {
                @Override
                public Void visitCall(RexCall call) {
                    if (call.getOperator().isDynamicFunction()) {
                        throw Util.FoundOne.NULL;
                    }
                    return super.visitCall(call);
                }
            });
            return false;
        } catch (Util.FoundOne found) {
            return true;
        }
    }
}
