package io.sluice.gateway.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;
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

    private final GateRuntime runtime;
    private final CompiledChecks.RowChecker checker;
    private final List<SqlTypeName> types;
    private final int[] read;
    private final List<TextMeasures.Measure> measures;

    private ArrowBatchGate(
            GateRuntime runtime,
            CompiledChecks.RowChecker checker,
            List<SqlTypeName> types,
            int[] read,
            List<TextMeasures.Measure> measures) {
        this.runtime = runtime;
        this.checker = checker;
        this.types = types;
        this.read = read;
        this.measures = measures;
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
        // CHAR_LENGTH and valid_encoding of a text column are read from its UTF-8 bytes, as fields of their own.
        TextMeasures textMeasures = new TextMeasures(rowType);
        List<RowCheck> checks = new ArrayList<>();
        ImmutableBitSet.Builder read = ImmutableBitSet.builder();
        for (RowCheck check : gate.checks()) {
            RexNode violated = check.violated().accept(textMeasures);
            checks.add(new RowCheck(check.rule(), check.column(), check.action(), violated, check.sampleField()));
            read.addAll(RelOptUtil.InputFinder.bits(violated));
        }
        RelDataType checkedRowType = textMeasures.rowType(gate.getCluster().getTypeFactory());
        CompiledChecks.RowChecker checker;
        try {
            checker = CompiledChecks.of(gate, checkedRowType, checks);
        } catch (RuntimeException e) {
            LOG.warn("The checks of {} cannot run on Arrow batches; they run on the general path", gate.table(), e);
            return Optional.empty();
        }
        List<SqlTypeName> types = new ArrayList<>(rowType.getFieldCount());
        for (RelDataTypeField field : rowType.getFieldList()) {
            types.add(field.getType().getSqlTypeName());
        }
        // The measures' fields are filled by their own readers.
        int[] columns = read.build().get(0, types.size()).toArray();
        GateRuntime runtime = new GateRuntime(gate.table(), gate.checks(), rowType);
        return Optional.of(new ArrowBatchGate(runtime, checker, List.copyOf(types), columns, textMeasures.measures()));
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
    public final class Run implements CompiledChecks.Samples {
        private final GateRun run;
        private final Object[] row = new Object[types.size() + measures.size()];
        private final ArrowValues[] values = new ArrowValues[read.length + measures.size()];
        private final ArrowValues[] samples = new ArrowValues[types.size()];
        private int current;

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
                values[i] = reader(batch, read[i]);
            }
            List<ArrowValues> measured = TextMeasures.readers(measures, batch)
                    .orElseThrow(() -> new IllegalStateException("A column's Arrow type changed mid-stream"));
            for (int i = 0; i < measured.size(); i++) {
                values[read.length + i] = measured.get(i);
            }
            for (RowCheck check : runtime.checks) {
                if (check.sampleField() >= 0) {
                    samples[check.sampleField()] = reader(batch, check.sampleField());
                }
            }
            int rows = batch.getRowCount();
            for (int r = 0; r < rows; r++) {
                current = r;
                for (int i = 0; i < read.length; i++) {
                    row[read[i]] = values[i].get(r);
                }
                for (int i = 0; i < measures.size(); i++) {
                    row[types.size() + i] = values[read.length + i].get(r);
                }
                checker.check(row, run, this);
                run.accept();
            }
        }

        @Override
        public @Nullable Object sample(int field) {
            return samples[field].get(current);
        }

        /** The batches ran out, or the stream stopped: reports the counts to the query (once). */
        public void finish() {
            run.finish();
        }

        private ArrowValues reader(VectorSchemaRoot batch, int field) {
            return ArrowValues.of(batch.getVector(field), types.get(field))
                    .orElseThrow(() -> new IllegalStateException("A column's Arrow type changed mid-stream"));
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
