package io.sluice.gateway.server.flight;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.sluice.adapters.spi.ArrowBatches;
import io.sluice.adapters.spi.ArrowExport;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.execution.PushedDownQuery;
import io.sluice.gateway.quality.ArrowBatchGate;
import java.io.IOException;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Arrow fast path: a query pushed down whole into a source that exports Arrow (DuckDB) is answered with the
 * source's own record batches, passed to the client as they come instead of being read row by row through JDBC and
 * rebuilt. The client sees the same stream as on the general path: the announced schema (see {@link
 * AnnouncedSchemaConversion}), the same values, back-pressure, cancellation (the source statement is registered with
 * the running query like any other) and memory accounting (the source's buffers are accounted to the query's
 * allocator). A table with row rules keeps the fast path: each batch is checked ({@link ArrowBatchGate}) before it is
 * sent, without the rows that {@code drop} and {@code quarantine} rules removed.
 *
 * <p>Switched by {@code server.flight.arrow_pass_through} (default on).
 */
final class ArrowPassThrough {

    private static final Logger LOG = LoggerFactory.getLogger(ArrowPassThrough.class);

    /**
     * Rows per batch asked from the source: large enough that per-batch costs vanish, small enough (a few MB for wide
     * rows) to keep the query's memory low.
     */
    static final int BATCH_ROWS = 16_384;

    /**
     * A query the fast path can answer: the source's export, the statement to run there, which of its columns the
     * result keeps, the schema announced for the result, and the inline checks of a table with row rules.
     */
    record Route(
            ArrowExport export,
            String sourceSql,
            List<Integer> columns,
            Schema announced,
            Optional<ArrowBatchGate> checks) {}

    /**
     * The threads that read the sources' batches ahead of the streams sending them ({@link ReadAheadBatches}): one per
     * stream while it streams, kept a minute for the next.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(new ThreadFactoryBuilder()
            .setNameFormat("sluice-arrow-read-ahead-%d")
            .setDaemon(true)
            .build());

    private final SourceCatalog catalog;
    private final boolean enabled;
    private final ZoneId zone = ZoneId.systemDefault();
    private final AtomicLong streams = new AtomicLong();

    ArrowPassThrough(SourceCatalog catalog, boolean enabled) {
        this.catalog = catalog;
        this.enabled = enabled;
    }

    /**
     * How to answer a planned query on the fast path, or empty when the general path must answer it.
     *
     * @param announced the result schema the client was (or will be) told, from the engine's result metadata
     */
    Optional<Route> route(Optional<PushedDownQuery> planned, Schema announced) {
        if (!enabled || planned.isEmpty()) {
            return Optional.empty();
        }
        PushedDownQuery query = planned.get();
        Optional<ArrowBatchGate> checks = Optional.empty();
        if (query.gate().isPresent()) {
            // Row rules see every row the query reads: on this path, in the batches, unless they remove rows.
            checks = ArrowBatchGate.of(query.gate().get());
            if (checks.isEmpty()) {
                return Optional.empty();
            }
        }
        Optional<ArrowBatchGate> gate = checks;
        return catalog.source(query.source())
                .flatMap(source -> source.capabilities().arrowExport())
                .map(export -> new Route(export, query.sql(), query.columns(), announced, gate));
    }

    /**
     * Runs the route's statement at its source and streams its batches as the announced schema, completing the stream (or
     * stopping without completing when the client cancelled). Returns false, having sent nothing, when the source's
     * Arrow types cannot become the announced ones, or a column the route's checks read arrives as a type they cannot
     * read: the caller then answers on the general path. Every row is checked before its batch is sent, so a {@code
     * fail} rule stops the stream before the offending row leaves. The stream ends with an empty batch carrying {@code
     * summary} as app metadata, as the general path's last batch does.
     */
    boolean stream(
            Route route,
            BufferAllocator allocator,
            ServerStreamListener listener,
            BackpressureStrategy backpressure,
            Supplier<byte[]> summary)
            throws SQLException, IOException {
        try (ArrowBatches batches = route.export().execute(route.sourceSql(), allocator, BATCH_ROWS)) {
            VectorSchemaRoot source = batches.root();
            Optional<AnnouncedSchemaConversion> conversion =
                    AnnouncedSchemaConversion.plan(source.getSchema(), route.columns(), route.announced(), zone);
            if (conversion.isEmpty()) {
                LOG.info(
                        "Not passing Arrow through for [{}]: {}",
                        route.sourceSql(),
                        AnnouncedSchemaConversion.mismatch(
                                source.getSchema(), route.columns(), route.announced(), zone));
                return false;
            }
            Optional<ArrowBatchGate.Run> checks = Optional.empty();
            if (route.checks().isPresent()) {
                checks = route.checks().get().start(source, allocator);
                if (checks.isEmpty()) {
                    return false;
                }
            }
            try (ArrowBatches readAhead = new ReadAheadBatches(batches, allocator, READERS)) {
                send(readAhead, route, conversion.get(), checks, allocator, listener, backpressure, summary);
            } finally {
                checks.ifPresent(ArrowBatchGate.Run::finish);
            }
        }
        return true;
    }

    /** Sends the source's batches, checked when the table has row rules, and completes the stream. */
    private void send(
            ArrowBatches batches,
            Route route,
            AnnouncedSchemaConversion conversion,
            Optional<ArrowBatchGate.Run> checks,
            BufferAllocator allocator,
            ServerStreamListener listener,
            BackpressureStrategy backpressure,
            Supplier<byte[]> summary)
            throws SQLException, IOException {
        VectorSchemaRoot source = batches.root();
        try (VectorSchemaRoot batch = VectorSchemaRoot.create(route.announced(), allocator)) {
            // Counted before anything is sent, so that a client that has read a row sees the stream counted, even one
            // that stops reading there.
            streams.incrementAndGet();
            listener.start(batch);
            long rows = 0;
            while (batches.next()) {
                if (source.getRowCount() == 0) {
                    continue;
                }
                VectorSchemaRoot checked = checks.isPresent() ? checks.get().check(source) : source;
                if (checked.getRowCount() == 0) {
                    continue; // every row of the batch was dropped or quarantined
                }
                conversion.convert(checked, batch);
                if (!ResultStreamer.awaitReady(listener, backpressure)) {
                    return;
                }
                listener.putNext();
                rows += batch.getRowCount();
            }
            // The checks report before the summary is read, as the general path's gate does when its rows run out.
            checks.ifPresent(ArrowBatchGate.Run::finish);
            batch.setRowCount(0);
            if (!ResultStreamer.awaitReady(listener, backpressure)) {
                return;
            }
            listener.putNext(ResultStreamer.appMetadata(summary.get(), allocator));
            listener.completed();
            LOG.debug("Passed {} row(s) through from [{}]", rows, route.sourceSql());
        }
    }

    /** How many streams the fast path answered (or began to answer, for a stream that stopped); for tests and metrics. */
    long streams() {
        return streams.get();
    }
}
