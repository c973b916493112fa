package io.sluice.benchmarks;

import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streams all of TPC-H {@code lineitem} (16 columns) from one source through one client path. One operation is one
 * whole multi-second stream, so the mode is single-shot time: each measured iteration is one full read, timed alone
 * (the runner sets the iteration counts). Every read must return every row of the table, or the benchmark fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LineitemStreamBenchmark {

    /** Where the rows come from: {@code duckdb} or {@code postgresql}. */
    @Param({"duckdb", "postgresql"})
    public String source;

    /** How they are read; see {@link ClientPath}. */
    @Param({"flight", "sluice-jdbc", "direct-jdbc"})
    public String path;

    private TableReader reader;
    private long expectedRows;

    @Setup(Level.Trial)
    public void open() throws Exception {
        BenchmarkTarget target = BenchmarkTarget.fromSystemProperties();
        expectedRows = target.rows();
        reader = switch (ClientPath.of(path)) {
            case FLIGHT -> new FlightTableReader(target.gatewayFlightPort(), target.gatewayQuery(source));
            case SLUICE_JDBC -> new JdbcTableReader(
                    "jdbc:sluice://127.0.0.1:" + target.gatewayJdbcPort() + "?fetchSize=" + JdbcTableReader.FETCH_SIZE,
                    new Properties(),
                    target.gatewayQuery(source));
            case DIRECT_JDBC -> source.equals("duckdb")
                    ? new JdbcTableReader(
                            LineitemData.duckDbUrl(java.nio.file.Path.of(target.duckDbFile())),
                            duckDbStreaming(),
                            target.directQuery(source))
                    : new JdbcTableReader(
                            target.postgreSqlUrl(), target.postgreSqlCredentials(), target.directQuery(source));
        };
    }

    /** Read-only (the gateway has the file open too) and streaming, as the gateway opens DuckDB. */
    private static Properties duckDbStreaming() {
        Properties properties = LineitemData.readOnly();
        properties.setProperty("jdbc_stream_results", "true");
        return properties;
    }

    @Benchmark
    public long stream(Blackhole sink) throws Exception {
        long rows = reader.readAll(sink);
        if (rows != expectedRows) {
            throw new IllegalStateException(
                    path + " read " + rows + " rows from " + source + ", expected " + expectedRows);
        }
        return rows;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        reader.close();
    }
}
