package io.sluice.gateway.quality;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quality outcome of one query execution: every gate of its plan reports here when its scan ends. The serving
 * layer makes it current on the threads that run the query ({@link #enter}), because Calcite's generated code has no
 * other way to reach per-query state.
 */
public final class QueryQuality {

    private static final Logger LOG = LoggerFactory.getLogger(QueryQuality.class);
    private static final ThreadLocal<QueryQuality> CURRENT = new ThreadLocal<>();

    private final String queryId;
    private final String user;
    private final List<CheckOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final QualityListener listener;

    public QueryQuality(String queryId, String user, QualityListener listener) {
        this.queryId = queryId;
        this.user = user;
        this.listener = listener;
    }

    /** Makes {@code quality} current on this thread until the returned scope is closed. */
    public static Scope enter(QueryQuality quality) {
        QueryQuality previous = CURRENT.get();
        CURRENT.set(quality);
        return () -> CURRENT.set(previous);
    }

    /** The query running on this thread; outside any query (a plan run by a tool or test) a detached one. */
    public static QueryQuality current() {
        QueryQuality quality = CURRENT.get();
        return quality != null ? quality : new QueryQuality("unattributed", "unknown", QualityListener.LOG_ONLY);
    }

    public String queryId() {
        return queryId;
    }

    public String user() {
        return user;
    }

    /** Everything the query's gates reported so far. */
    public List<CheckOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    void report(List<CheckOutcome> gateOutcomes) {
        outcomes.addAll(gateOutcomes);
        try {
            listener.checked(this, gateOutcomes);
        } catch (RuntimeException e) {
            LOG.error("Recording the quality outcome of query {} failed", queryId, e);
        }
    }

    void quarantine(String table, List<String> fields, List<QuarantinedRow> rows) {
        listener.quarantined(this, table, fields, rows);
    }

    /** A row a quarantine rule removed, with its values in the gate's field order. */
    public record QuarantinedRow(String rule, Object[] values) {}

    /** Where outcomes and quarantined rows go. */
    public interface QualityListener {
        /** A gate's scan ended; called once per gate execution. */
        void checked(QueryQuality query, List<CheckOutcome> outcomes);

        /** Rows were removed by quarantine rules; they must be durable when this returns. */
        void quarantined(QueryQuality query, String table, List<String> fields, List<QuarantinedRow> rows);

        QualityListener LOG_ONLY = new QualityListener() {
            @Override
            public void checked(QueryQuality query, List<CheckOutcome> outcomes) {
                outcomes.stream()
                        .filter(outcome -> outcome.violations() > 0)
                        .forEach(outcome -> LOG.info("Quality: {}", outcome));
            }

            @Override
            public void quarantined(QueryQuality query, String table, List<String> fields, List<QuarantinedRow> rows) {
                LOG.warn("No quarantine store here; {} row(s) of {} were removed", rows.size(), table);
            }
        };
    }

    /** Ends {@link #enter}. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
