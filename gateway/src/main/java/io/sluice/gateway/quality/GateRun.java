package io.sluice.gateway.quality;

import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One execution of a gate: the counters generated code updates row by row, reported to the query's
 * {@link QueryQuality} when the scan ends. Generated code calls {@link #violated} for each rule a row breaks, then
 * {@link #accept} once per row. Not thread-safe: one scan runs on one thread at a time.
 */
public final class GateRun {

    /** Offending values kept per rule. */
    static final int MAX_SAMPLES = 5;

    private static final int MAX_SAMPLE_LENGTH = 200;

    /** Quarantined rows written to the store at once; the rest are written when the scan ends. */
    private static final int QUARANTINE_BATCH = 1000;

    private final GateRuntime gate;
    private final QueryQuality query;
    private final long[] violations;
    private final List<List<String>> samples;
    private final long startNanos = System.nanoTime();
    private long rows;
    private boolean removed;
    private boolean finished;
    private final List<QueryQuality.QuarantinedRow> quarantined = new ArrayList<>();

    GateRun(GateRuntime gate, QueryQuality query) {
        this.gate = gate;
        this.query = query;
        this.violations = new long[gate.checks.size()];
        this.samples = new ArrayList<>(gate.checks.size());
        for (int i = 0; i < gate.checks.size(); i++) {
            samples.add(new ArrayList<>(MAX_SAMPLES));
        }
    }

    /**
     * The current row violates check {@code index}.
     *
     * @param sample the offending value (null when the rule names no column)
     * @param row the row's values in the gate's field order, for quarantine; null for other actions
     * @throws SluiceException QUALITY_FAILED for a {@code fail} rule
     */
    public void violated(int index, @Nullable Object sample, @Nullable Object[] row) {
        violations[index]++;
        List<String> kept = samples.get(index);
        if (kept.size() < MAX_SAMPLES) {
            kept.add(describe(sample, gate.sampleTypes.get(index)));
        }
        RowCheck check = gate.checks.get(index);
        switch (check.action()) {
            case WARN -> {}
            case DROP -> removed = true;
            case QUARANTINE -> {
                removed = true;
                quarantined.add(new QueryQuality.QuarantinedRow(check.rule(), shown(row)));
                if (quarantined.size() >= QUARANTINE_BATCH) {
                    flushQuarantine();
                }
            }
            case FAIL -> throw failure(check, sample, gate.sampleTypes.get(index));
        }
    }

    /** Ends the current row: true when it goes on to the query, false when a rule removed it. */
    public boolean accept() {
        rows++;
        if (removed) {
            removed = false;
            return false;
        }
        return true;
    }

    /** The scan ended (its rows ran out, it was closed early, or it failed): reports what the checks found. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        flushQuarantine();
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        List<CheckOutcome> outcomes = new ArrayList<>(violations.length);
        for (int i = 0; i < violations.length; i++) {
            RowCheck check = gate.checks.get(i);
            outcomes.add(new CheckOutcome(
                    gate.table,
                    check.rule(),
                    check.column(),
                    check.action(),
                    rows,
                    violations[i],
                    samples.get(i),
                    duration));
        }
        query.report(outcomes);
    }

    private void flushQuarantine() {
        if (!quarantined.isEmpty()) {
            query.quarantine(gate.table, gate.fields, List.copyOf(quarantined));
            quarantined.clear();
        }
    }

    private SluiceException failure(RowCheck check, @Nullable Object sample, @Nullable SqlTypeName type) {
        String where = check.column() == null ? "" : ", column " + check.column();
        String value = check.column() == null ? "" : " (value: " + describe(sample, type) + ")";
        return new SluiceException(
                ErrorCode.QUALITY_FAILED,
                "Quality rule '" + check.rule() + "' failed on table " + gate.table + where + value
                        + ". The rule's action is 'fail', so the query stopped; change it to warn, drop or quarantine"
                        + " to let the query run.");
    }

    /** A row's values as SQL shows them (see {@link #shown(Object, SqlTypeName)}), for the quarantine store. */
    private @Nullable Object[] shown(@Nullable Object[] row) {
        if (row == null) {
            return null;
        }
        Object[] shown = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            shown[i] = shown(row[i], i < gate.fieldTypes.size() ? gate.fieldTypes.get(i) : null);
        }
        return shown;
    }

    /** A value as SQL shows it, cut to {@value #MAX_SAMPLE_LENGTH} characters. */
    private static String describe(@Nullable Object value, @Nullable SqlTypeName type) {
        if (value == null) {
            return "NULL";
        }
        String text = shown(value, type).toString();
        return text.length() <= MAX_SAMPLE_LENGTH ? text : text.substring(0, MAX_SAMPLE_LENGTH) + "…";
    }

    /**
     * A value as SQL shows it, where generated code holds it otherwise: a DATE (days since 1970-01-01), a TIME
     * (milliseconds of the day) and a TIMESTAMP (milliseconds since 1970-01-01 00:00) as their SQL text, binary as hex;
     * numbers, text and booleans as they are.
     */
    private static @Nullable Object shown(@Nullable Object value, @Nullable SqlTypeName type) {
        if (type == SqlTypeName.DATE && value instanceof Integer days) {
            return DateTimeUtils.unixDateToString(days);
        } else if (type == SqlTypeName.TIME && value instanceof Integer millis) {
            return DateTimeUtils.unixTimeToString(millis, 3);
        } else if ((type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE)
                && value instanceof Long millis) {
            return DateTimeUtils.unixTimestampToString(millis, 3);
        } else if (value instanceof byte[] bytes) {
            return java.util.HexFormat.of().formatHex(bytes);
        } else if (value instanceof ByteString bytes) {
            return bytes.toString();
        }
        return value;
    }
}
