package io.sluice.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Given several gateways (a gateway with quality rules and one without, say), one fork reads through each in turn,
 * one iteration each, in {@link AlternatingOrder}: their reads interleave, so that the load of other processes on a
 * shared machine weighs on both alike.
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

    /** One reader per gateway (in {@link BenchmarkTarget#gateways()}'s order), or the one direct reader. */
    private final List<TableReader> readers = new ArrayList<>();

    private TableReader reader;
    private int iteration;
    private long expectedRows;

    @Setup(Level.Trial)
    public void open() throws Exception {
        BenchmarkTarget target = BenchmarkTarget.fromSystemProperties();
        expectedRows = target.rows();
        ClientPath clientPath = ClientPath.of(path);
        if (clientPath == ClientPath.DIRECT_JDBC) {
            readers.add(directReader(target));
            return;
        }
        for (BenchmarkTarget.Gateway gateway : target.gateways()) {
            String query = target.gatewayQuery(source);
            readers.add(
                    clientPath == ClientPath.FLIGHT
                            ? new FlightTableReader(gateway.flightPort(), query)
                            : new JdbcTableReader(
                                    "jdbc:sluice://127.0.0.1:" + gateway.jdbcPort() + "?fetchSize="
                                            + JdbcTableReader.FETCH_SIZE,
                                    new Properties(),
                                    query));
        }
    }

    private TableReader directReader(BenchmarkTarget target) throws Exception {
        return source.equals("duckdb")
                ? new JdbcTableReader(
                        LineitemData.duckDbUrl(java.nio.file.Path.of(target.duckDbFile())),
                        duckDbStreaming(),
                        target.directQuery(source))
                : new JdbcTableReader(
                        target.postgreSqlUrl(), target.postgreSqlCredentials(), target.directQuery(source));
    }

    /** Picks the reader of the coming iteration, warm-up or measured. */
    @Setup(Level.Iteration)
    public void pickReader() {
        reader = readers.get(AlternatingOrder.target(iteration++, readers.size()));
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
        for (TableReader open : readers) {
            open.close();
        }
    }
}
