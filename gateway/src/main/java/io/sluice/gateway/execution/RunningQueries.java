package io.sluice.gateway.execution;

import io.sluice.adapters.spi.SourceContext;
import io.sluice.gateway.quality.QueryQuality;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queries running now, by client connection and statement, with the statements each has open on its sources, so
 * that a cancel or a timeout stops the query in the gateway AND at every source it reads.
 *
 * <p>Work for a query runs on the thread that serves the client's request; {@link #enter} marks that thread so that
 * statements the sources open on it are attributed to the query.
 */
public final class RunningQueries implements SourceContext.StatementListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunningQueries.class);

    /** Why a query stopped early. */
    public enum StopReason {
        CANCELLED,
        TIMED_OUT
    }

    /** How long, at most, a stopped query keeps getting its statements cancelled while it is still working. */
    private static final int CANCEL_RETRIES = 120;

    private static final Duration CANCEL_RETRY_INTERVAL = Duration.ofMillis(250);
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sluice-cancel-retry");
        thread.setDaemon(true);
        return thread;
    });

    private final ConcurrentMap<QueryKey, RunningQuery> queries = new ConcurrentHashMap<>();
    private final ThreadLocal<RunningQuery> current = new ThreadLocal<>();

    private final QueryQuality.QualityListener qualityListener;

    /** Running queries whose quality outcomes are only logged. */
    public RunningQueries() {
        this(QueryQuality.QualityListener.LOG_ONLY);
    }

    /** Running queries whose quality outcomes and quarantined rows go to {@code qualityListener}. */
    public RunningQueries(QueryQuality.QualityListener qualityListener) {
        this.qualityListener = qualityListener;
    }

    /** {@link #enter(String, int, String, Supplier, boolean)} for a query whose user is not known here. */
    public Scope enter(String connectionId, int statementId, Supplier<Statement> engineStatement, boolean restart) {
        return enter(connectionId, statementId, "unknown", engineStatement, restart);
    }

    /**
     * Marks the calling thread as working for a query until the returned scope is closed: statements sources open on
     * it are attributed to the query, and its quality checks report to the query's {@link QueryQuality}.
     *
     * @param user who runs the query, as recorded with its quality outcome
     * @param restart true when the statement starts a new execution (a new query id; forgets an earlier cancel and
     *     source statements)
     */
    public Scope enter(
            String connectionId, int statementId, String user, Supplier<Statement> engineStatement, boolean restart) {
        QueryKey key = new QueryKey(connectionId, statementId);
        RunningQuery query = restart
                ? queries.compute(key, (k, old) -> new RunningQuery(engineStatement, newQuality(user)))
                : queries.computeIfAbsent(key, k -> new RunningQuery(engineStatement, newQuality(user)));
        RunningQuery previous = current.get();
        current.set(query);
        query.activeSteps.incrementAndGet();
        QueryQuality.Scope quality = QueryQuality.enter(query.quality);
        return () -> {
            quality.close();
            query.activeSteps.decrementAndGet();
            current.set(previous);
        };
    }

    private QueryQuality newQuality(String user) {
        return new QueryQuality(UUID.randomUUID().toString(), user, qualityListener);
    }

    /** The quality outcome so far of the statement's current (or last) execution. */
    public Optional<QueryQuality> quality(String connectionId, int statementId) {
        RunningQuery query = queries.get(new QueryKey(connectionId, statementId));
        return query == null ? Optional.empty() : Optional.of(query.quality);
    }

    /** The queries known now, as {@code connection/statement}, e.g. {@code flight-7/0}. */
    public List<String> running() {
        return queries.keySet().stream()
                .map(key -> key.connectionId() + "/" + key.statementId())
                .sorted()
                .toList();
    }

    /** Forgets a statement that the client closed. */
    public void closed(String connectionId, int statementId) {
        queries.remove(new QueryKey(connectionId, statementId));
    }

    /** Forgets every statement of a connection that the client closed. */
    public void closed(String connectionId) {
        queries.keySet().removeIf(key -> key.connectionId().equals(connectionId));
    }

    @Override
    public void opened(Statement statement) throws SQLException {
        RunningQuery query = current.get();
        if (query != null) {
            query.sourceStatements.add(statement);
            if (query.stopReason != null) {
                throw new SQLException("The query was stopped before it reached this source", "57014");
            }
        }
    }

    /**
     * Stops a query: cancels its open source statements (PostgreSQL, for one, aborts the running statement) and the
     * engine statement. Returns false when no such query is known.
     */
    public boolean stop(String connectionId, int statementId, StopReason reason) {
        RunningQuery query = queries.get(new QueryKey(connectionId, statementId));
        if (query == null) {
            return false;
        }
        query.stopReason = reason;
        LOG.info(
                "Stopping statement {} of connection {} ({}): {} source statement(s), {} active step(s)",
                statementId,
                connectionId,
                reason,
                query.sourceStatements.size(),
                query.activeSteps.get());
        cancelAll(query);
        // A driver ignores cancel() on a statement that is not executing yet (pgjdbc does), and the engine statement
        // appears only once execution produced a result set: repeat the cancel while the query is still working.
        keepCancelling(query, CANCEL_RETRIES);
        return true;
    }

    private static void keepCancelling(RunningQuery query, int attemptsLeft) {
        if (attemptsLeft == 0) {
            return;
        }
        RETRIES.schedule(
                () -> {
                    if (query.activeSteps.get() > 0) {
                        cancelAll(query);
                        keepCancelling(query, attemptsLeft - 1);
                    }
                },
                CANCEL_RETRY_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void cancelAll(RunningQuery query) {
        for (Statement statement : query.sourceStatements) {
            cancelQuietly(statement);
        }
        Statement engineStatement = query.engineStatement.get();
        if (engineStatement != null) {
            cancelQuietly(engineStatement);
        }
    }

    /** Why the query stopped early, if it did. */
    public Optional<StopReason> stopReason(String connectionId, int statementId) {
        RunningQuery query = queries.get(new QueryKey(connectionId, statementId));
        return query == null ? Optional.empty() : Optional.ofNullable(query.stopReason);
    }

    private static void cancelQuietly(Statement statement) {
        try {
            if (!statement.isClosed()) {
                statement.cancel();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cancelling a statement failed: {}", e.toString());
        }
    }

    /** The scope during which a thread works for one query. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private record QueryKey(String connectionId, int statementId) {}

    private static final class RunningQuery {
        final Supplier<Statement> engineStatement;
        final QueryQuality quality;
        final List<Statement> sourceStatements = new CopyOnWriteArrayList<>();
        final AtomicInteger activeSteps = new AtomicInteger();
        volatile StopReason stopReason;

        RunningQuery(Supplier<Statement> engineStatement, QueryQuality quality) {
            this.engineStatement = engineStatement;
            this.quality = quality;
        }
    }
}
