package io.sluice.gateway.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gate's checks run on the Arrow record batches of its input: how the Arrow fast path (a query answered with its
 * source's own batches) keeps the inline checks of a table with row rules. The gate's own conditions are compiled
 * into a loop over a batch's rows ({@link CompiledChecks#ofBatches}, {@link RowCheckCode}) that reads each value from
 * its vector as the engine holds it ({@link BatchFields}), so that rows checked, violations and samples are what the
 * general path counts. Before that, the conditions are rewritten to read what can be judged without building a value:
 * text measured on its UTF-8 bytes ({@link TextMeasures}) and small decimals compared as their unscaled longs ({@link
 * UnscaledDecimals}). The loop is compiled twice, with and without null checks, and a batch with no null in the
 * columns it reads (the usual case) runs the one without.
 *
 * <p>Every action is carried out on the batches: {@code warn} counts, {@code fail} stops the stream before the batch
 * with the offending row is sent, {@code drop} and {@code quarantine} send the batch without the rows they removed
 * ({@link KeptRows}), and quarantine stores each removed row whole. Conditions that need the query's context
 * (CURRENT_DATE and other functions of the time of the query) keep a query on the general path.
 */
public final class ArrowBatchGate {

    private static final Logger LOG = LoggerFactory.getLogger(ArrowBatchGate.class);

    private final QualityGate gate;
    private final GateRuntime runtime;
    private final List<SqlTypeName> types;
    private final List<RowCheck> checks;
    private final RelDataType rowType;
    private final List<TextMeasures.Measure> measures;
    private final List<Integer> unscaled;
    private final int[] read;

    private ArrowBatchGate(
            QualityGate gate,
            List<RowCheck> checks,
            RelDataType rowType,
            List<TextMeasures.Measure> measures,
            List<Integer> unscaled,
            int[] read) {
        this.gate = gate;
        this.runtime =
                new GateRuntime(gate.table(), gate.checks(), gate.getInput().getRowType());
        List<SqlTypeName> types = new ArrayList<>();
        for (RelDataTypeField field : gate.getInput().getRowType().getFieldList()) {
            types.add(field.getType().getSqlTypeName());
        }
        this.types = List.copyOf(types);
        this.checks = checks;
        this.rowType = rowType;
        this.measures = measures;
        this.unscaled = unscaled;
        this.read = read;
    }

    /** The checks of {@code gate} for Arrow batches of its input's columns, or empty when they cannot run on batches. */
    public static Optional<ArrowBatchGate> of(QualityGate gate) {
        for (RowCheck check : gate.checks()) {
            if (needsQueryContext(check.violated())) {
                LOG.debug(
                        "Rule {} of {} reads the query's context: checked on the general path",
                        check.rule(),
                        gate.table());
                return Optional.empty();
            }
        }
        RelDataType inputRowType = gate.getInput().getRowType();
        // CHAR_LENGTH, valid_encoding and IN lists of a text column are read from its UTF-8 bytes, and small decimals
        // compared as their unscaled longs, as fields of their own.
        TextMeasures textMeasures = new TextMeasures(inputRowType);
        List<RowCheck> textChecks = new ArrayList<>();
        for (RowCheck check : gate.checks()) {
            textChecks.add(check.withViolated(check.violated().accept(textMeasures)));
        }
        int unscaledFrom =
                inputRowType.getFieldCount() + textMeasures.measures().size();
        UnscaledDecimals unscaled = new UnscaledDecimals(gate.getCluster().getRexBuilder(), unscaledFrom);
        List<RowCheck> checks = new ArrayList<>();
        ImmutableBitSet.Builder read = ImmutableBitSet.builder();
        for (RowCheck check : textChecks) {
            RowCheck rewritten = check.withViolated(check.violated().accept(unscaled));
            checks.add(rewritten);
            read.addAll(RelOptUtil.InputFinder.bits(rewritten.violated()));
            if (check.sampleField() >= 0) {
                read.set(check.sampleField());
            }
        }
        textMeasures.measures().forEach(measure -> read.set(measure.field()));
        if (gate.checks().stream().anyMatch(check -> check.action() == CheckAction.QUARANTINE)) {
            read.set(0, inputRowType.getFieldCount()); // a quarantined row is stored whole
        }
        read.addAll(unscaled.columns());
        RelDataTypeFactory.Builder rowType = gate.getCluster()
                .getTypeFactory()
                .builder()
                .addAll(textMeasures.rowType(gate.getCluster().getTypeFactory()).getFieldList());
        unscaled.addFields(rowType);
        return Optional.of(new ArrowBatchGate(
                gate,
                List.copyOf(checks),
                rowType.uniquify().build(),
                textMeasures.measures(),
                unscaled.columns(),
                read.build().get(0, inputRowType.getFieldCount()).toArray()));
    }

    /**
     * Starts checking the batches {@code source} will hold (a root whose vectors the source refills batch after batch,
     * one per column of the gate's input), or empty, with the reason logged, when a column the checks read arrives as an
     * Arrow type they cannot read. The rows that {@code drop} and {@code quarantine} rules keep are copied into buffers
     * of {@code allocator}.
     */
    public Optional<Run> start(VectorSchemaRoot source, BufferAllocator allocator) {
        List<FieldVector> vectors = source.getFieldVectors();
        if (vectors.size() != types.size()) {
            LOG.info(
                    "Not checking {} on Arrow batches: {} columns arrive, the checks expect {}",
                    runtime.table,
                    vectors.size(),
                    types.size());
            return Optional.empty();
        }
        List<@Nullable FieldVector> layout = new ArrayList<>(Collections.nCopies(types.size(), null));
        for (int field : read) {
            String unreadable = unreadable(vectors.get(field), field);
            if (unreadable != null) {
                LOG.info(
                        "Not checking {} on Arrow batches: column {} ({}) arrives as {}{}",
                        runtime.table,
                        runtime.fields.get(field),
                        gate.getInput().getRowType().getFieldList().get(field).getType(),
                        vectors.get(field).getField().getType(),
                        unreadable);
                return Optional.empty();
            }
            layout.set(field, vectors.get(field));
        }
        BatchFields.Layout fields = new BatchFields.Layout(layout, types, measures, unscaled);
        try {
            CompiledChecks.BatchChecker withNulls = CompiledChecks.ofBatches(gate, fields, rowType, checks);
            CompiledChecks.BatchChecker withoutNulls = withoutNulls(fields);
            return Optional.of(new Run(runtime.start(), withNulls, withoutNulls, new KeptRows(allocator)));
        } catch (RuntimeException e) {
            LOG.warn("The checks of {} cannot run on Arrow batches; they run on the general path", runtime.table, e);
            return Optional.empty();
        }
    }

    /** Why generated code cannot read {@code vector} as field {@code field} of the checks, or null when it can. */
    private @Nullable String unreadable(FieldVector vector, int field) {
        if (!BatchFields.readable(vector, types.get(field))) {
            return "";
        }
        RelDataType type =
                gate.getInput().getRowType().getFieldList().get(field).getType();
        if (unscaled.contains(field) && ((DecimalVector) vector).getScale() != type.getScale()) {
            return ", whose scale is not the column's";
        }
        for (TextMeasures.Measure measure : measures) {
            if (measure.field() == field && !(vector instanceof VarCharVector)) {
                return ", not UTF-8 text";
            }
        }
        return null;
    }

    /**
     * The checks compiled for a batch without a null in any column they read: every field read without a null check,
     * as the engine reads a NOT NULL column.
     */
    private CompiledChecks.BatchChecker withoutNulls(BatchFields.Layout fields) {
        RelDataTypeFactory typeFactory = gate.getCluster().getTypeFactory();
        RelDataTypeFactory.Builder notNull = typeFactory.builder();
        for (RelDataTypeField field : rowType.getFieldList()) {
            notNull.add(field.getName(), typeFactory.createTypeWithNullability(field.getType(), false));
        }
        RexShuttle retype = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(ref.getIndex(), typeFactory.createTypeWithNullability(ref.getType(), false));
            }
        };
        List<RowCheck> retyped = new ArrayList<>(checks.size());
        for (RowCheck check : checks) {
            retyped.add(check.withViolated(check.violated().accept(retype)));
        }
        return CompiledChecks.ofBatches(gate, fields, notNull.build(), retyped);
    }

    /** The checking of one query's batches; {@link #finish()} reports what it found. */
    public final class Run {
        private final GateRun run;
        private final CompiledChecks.BatchChecker withNulls;
        private final CompiledChecks.BatchChecker withoutNulls;
        private final KeptRows keptRows;
        private final FieldVector[] vectors = new FieldVector[types.size()];
        private final MeasuredText[] measured = MeasuredText.of(measures);
        private int[] kept = new int[0];

        private Run(
                GateRun run,
                CompiledChecks.BatchChecker withNulls,
                CompiledChecks.BatchChecker withoutNulls,
                KeptRows keptRows) {
            this.run = run;
            this.withNulls = withNulls;
            this.withoutNulls = withoutNulls;
            this.keptRows = keptRows;
        }

        /**
         * Checks every row of {@code batch}, with the checks compiled without null checks when no column they read
         * holds a null in this batch (the usual case), and returns the rows to send: {@code batch} itself, or the rows
         * that {@code drop} and {@code quarantine} rules kept, in a root the caller may take the buffers of.
         *
         * @throws io.sluice.gateway.error.SluiceException QUALITY_FAILED at the first row that violates a {@code fail}
         *     rule
         */
        public VectorSchemaRoot check(VectorSchemaRoot batch) {
            boolean nulls = false;
            for (int field : read) {
                vectors[field] = batch.getVector(field);
                nulls |= vectors[field].getNullCount() > 0;
            }
            int rows = batch.getRowCount();
            if (kept.length < rows) {
                kept = new int[rows];
            }
            MeasuredText.bind(measured, batch);
            int count = (nulls ? withNulls : withoutNulls).check(vectors, measured, rows, run, kept);
            return keptRows.of(batch, kept, count);
        }

        /**
         * The batches ran out, or the stream stopped: reports the counts to the query (once) and frees the rows it
         * kept.
         */
        public void finish() {
            try {
                run.finish();
            } finally {
                keptRows.close();
            }
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
