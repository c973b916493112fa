package io.sluice.adapters.spi;

import java.sql.SQLException;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A source that can run a statement written in its own SQL and hand the result over as Arrow record batches, without a
 * row-by-row JDBC detour (DuckDB's Arrow export). Offered through {@link SourceCapabilities#arrowExport()}.
 *
 * <p>The gateway uses it for queries that the planner pushed down whole into one source: it then passes the source's
 * batches to Arrow Flight clients as they come.
 */
public interface ArrowExport {

    /**
     * Runs {@code sql} on the source and returns its result as batches of at most {@code batchRows} rows.
     *
     * <p>The statement is announced to the {@link SourceContext.StatementListener} before it runs, on the calling
     * thread, like every statement a source opens for a query, so that the gateway can cancel it. Every buffer of the
     * batches is allocated from, or accounted to, {@code allocator}. Closing the result ends the statement and releases
     * everything, also when not every batch was read.
     *
     * @throws SQLException when the source rejects the statement or fails while starting it
     */
    ArrowBatches execute(String sql, BufferAllocator allocator, int batchRows) throws SQLException;
}
