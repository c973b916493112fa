package io.sluice.adapters.jdbc.duckdb;

import io.sluice.adapters.spi.ArrowBatches;
import io.sluice.adapters.spi.ArrowExport;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DuckDB's Arrow export: the statement runs as usual (announced to the gateway by the source's data source, so it can be
 * cancelled), and {@link DuckDBResultSet#arrowExportStream} hands its result over through Arrow's C stream interface,
 * imported into Java vectors whose memory DuckDB keeps owning and the given allocator accounts for.
 *
 * <p>DuckDB's Arrow format follows its settings: strings are {@code utf8} unless {@code produce_arrow_string_view} or
 * {@code arrow_large_buffer_size} is on, decimals are 128-bit with the column's precision and scale, timestamps are in
 * microseconds (with the session's time zone for TIMESTAMPTZ), UUID and JSON are strings.
 */
final class DuckDbArrowExport implements ArrowExport {

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbArrowExport.class);

    private final DataSource dataSource;

    DuckDbArrowExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ArrowBatches execute(String sql, BufferAllocator allocator, int batchRows) throws SQLException {
        Connection connection = dataSource.getConnection();
        Statement statement = null;
        ResultSet resultSet = null;
        try {
            statement = connection.createStatement();
            resultSet = statement.executeQuery(sql);
            ArrowReader reader =
                    (ArrowReader) resultSet.unwrap(DuckDBResultSet.class).arrowExportStream(allocator, batchRows);
            return new Batches(reader, resultSet, statement, connection);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(resultSet, statement, connection);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    LOG.warn("Closing a DuckDB Arrow export failed: {}", e.toString());
                }
            }
        }
    }

    /** The imported stream, with the JDBC objects that must outlive it (DuckDB's result backs the C stream). */
    private static final class Batches implements ArrowBatches {
        private final ArrowReader reader;
        private final ResultSet resultSet;
        private final Statement statement;
        private final Connection connection;
        private boolean closed;

        Batches(ArrowReader reader, ResultSet resultSet, Statement statement, Connection connection) {
            this.reader = reader;
            this.resultSet = resultSet;
            this.statement = statement;
            this.connection = connection;
        }

        @Override
        public VectorSchemaRoot root() throws IOException {
            return reader.getVectorSchemaRoot();
        }

        @Override
        public boolean next() throws IOException {
            return reader.loadNextBatch();
        }

        @Override
        public void cancel() {
            try {
                statement.cancel(); // interrupts the connection's running query, from any thread
            } catch (SQLException e) {
                LOG.warn("Cancelling a DuckDB Arrow export failed: {}", e.toString());
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                // The stream first: it reads from DuckDB's result, which closing the result set frees.
                closeQuietly(reader, resultSet, statement, connection);
            }
        }
    }
}
