package io.sluice.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The runner behind {@code scripts/bench}: loads TPC-H {@code lineitem} (cached), starts the gateway in its own JVM
 * with {@code -Xmx1g}, runs {@link LineitemStreamBenchmark} for every source × path (and, for Flight, with the Arrow
 * pass-through on and off), and prints rows/s, the ratios the targets are stated in, and the gateway's heap peaks.
 */
public final class BenchmarkMain {

    private static final String GATEWAY_HEAP = "1g";
    private static final int COLUMNS = 16;

    private final BenchmarkOptions options;
    private final PrintStream out = System.out;

    private BenchmarkMain(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        new BenchmarkMain(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(options.workDirectory());
        LineitemData data = new LineitemData(options.dataDirectory(), options.scaleFactor(), out);
        long rows = data.ensureDuckDb();
        String pgUrl = requiredEnv("SLUICE_TEST_POSTGRES_URL");
        BenchmarkTarget partialTarget = new BenchmarkTarget(
                0,
                0,
                data.duckDbFile().toAbsolutePath().toString(),
                pgUrl,
                requiredEnv("SLUICE_TEST_POSTGRES_USER"),
                requiredEnv("SLUICE_TEST_POSTGRES_PASSWORD"),
                data.postgreSqlSchema(),
                rows);
        if (options.sources().contains("postgresql")) {
            data.ensurePostgreSql(pgUrl, partialTarget.postgreSqlCredentials(), rows);
        }

        List<Measurement> measurements = new ArrayList<>();
        for (boolean rules : options.ruleModes()) {
            for (PassThrough passThrough : options.passThroughModes()) {
                List<ClientPath> gatewayPaths = options.paths().stream()
                        .filter(path -> path != ClientPath.DIRECT_JDBC)
                        // Avatica never uses the Arrow pass-through: measure it once.
                        .filter(path -> path == ClientPath.FLIGHT
                                || passThrough == options.passThroughModes().get(0))
                        .toList();
                if (gatewayPaths.isEmpty()) {
                    continue;
                }
                int[] ports = freePorts(3);
                Path config = writeConfig(ports, data, passThrough, rules);
                out.printf(
                        Locale.ROOT,
                        "bench: starting the gateway (-Xmx%s, Arrow pass-through %s, quality rules %s)%n",
                        GATEWAY_HEAP,
                        passThrough.label(),
                        rulesLabel(rules));
                try (GatewayProcess gateway = GatewayProcess.start(
                        options.repository(),
                        config,
                        GATEWAY_HEAP,
                        options.workDirectory(),
                        "gateway-" + passThrough.label() + "-rules-" + rulesLabel(rules))) {
                    BenchmarkTarget target = new BenchmarkTarget(
                            ports[0],
                            ports[1],
                            partialTarget.duckDbFile(),
                            partialTarget.postgreSqlUrl(),
                            partialTarget.postgreSqlUser(),
                            partialTarget.postgreSqlPassword(),
                            partialTarget.postgreSqlSchema(),
                            rows);
                    for (String source : options.sources()) {
                        for (ClientPath path : gatewayPaths) {
                            long mark = gateway.gcLog().mark();
                            RunResult result = runJmh(target, source, path);
                            gateway.checkAlive();
                            measurements.add(new Measurement(
                                    source,
                                    path,
                                    path == ClientPath.FLIGHT ? passThrough : PassThrough.NOT_APPLICABLE,
                                    rules,
                                    result,
                                    rows,
                                    gateway.gcLog().peakSince(mark)));
                        }
                    }
                }
            }
        }
        if (options.paths().contains(ClientPath.DIRECT_JDBC)) {
            BenchmarkTarget target = partialTarget;
            for (String source : options.sources()) {
                measurements.add(new Measurement(
                        source,
                        ClientPath.DIRECT_JDBC,
                        PassThrough.NOT_APPLICABLE,
                        false,
                        runJmh(target, source, ClientPath.DIRECT_JDBC),
                        rows,
                        null));
            }
        }
        String report = new BenchmarkReport(options, rows, COLUMNS, GATEWAY_HEAP, measurements).render();
        out.println();
        out.println(report);
        Path reportFile = options.workDirectory()
                .resolve("bench-" + new LineitemData(options.dataDirectory(), options.scaleFactor(), out).tag()
                        + ".txt");
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        out.println("bench: report written to " + reportFile);
    }

    private RunResult runJmh(BenchmarkTarget target, String source, ClientPath path) throws Exception {
        out.printf(
                Locale.ROOT,
                "bench: %s from %s: %d warm-up + %d measured read(s)%n",
                path.parameter(),
                source,
                options.warmups(),
                options.iterations());
        List<String> jvmArgs = new ArrayList<>(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"));
        jvmArgs.addAll(target.jvmArgs());
        Options jmh = new OptionsBuilder()
                .include(LineitemStreamBenchmark.class.getName() + ".stream")
                .param("source", source)
                .param("path", path.parameter())
                .warmupIterations(options.warmups())
                .measurementIterations(options.iterations())
                .forks(1)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .build();
        return new Runner(jmh).runSingle();
    }

    static String rulesLabel(boolean rules) {
        return rules ? "on" : "off";
    }

    private Path writeConfig(int[] ports, LineitemData data, PassThrough passThrough, boolean rules)
            throws IOException {
        String flightExtra =
                passThrough == PassThrough.DEFAULT ? "" : ", arrow_pass_through: " + (passThrough == PassThrough.ON);
        String yaml = String.join(
                "\n",
                "# Written by scripts/bench.",
                "server:",
                "  jdbc: { host: 127.0.0.1, port: " + ports[0] + " }",
                "  flight: { host: 127.0.0.1, port: " + ports[1] + flightExtra + " }",
                "  admin: { host: 127.0.0.1, port: " + ports[2] + " }",
                "sources:",
                "  " + BenchmarkTarget.DUCKDB_SOURCE + ":",
                "    type: duckdb",
                "    path: " + data.duckDbFile().toAbsolutePath(),
                "    read_only: true",
                "  " + BenchmarkTarget.POSTGRESQL_SOURCE + ":",
                "    type: postgresql",
                "    url: " + requiredEnv("SLUICE_TEST_POSTGRES_URL"),
                "    user: ${env:SLUICE_TEST_POSTGRES_USER}",
                "    password: ${env:SLUICE_TEST_POSTGRES_PASSWORD}",
                "security:",
                "  allow_anonymous: true",
                rules
                        ? "rules: "
                                + QualityRuleFiles.write(
                                        options.workDirectory().resolve("rules"), data, options.sources())
                        : "",
                "");
        Path config = options.workDirectory()
                .resolve("sluice-bench-" + passThrough.label() + "-rules-" + rulesLabel(rules) + ".yaml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    private static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the benchmarks through scripts/bench, which starts"
                    + " PostgreSQL and sets it");
        }
        return value;
    }

    /** Whether the gateway passes a source's Arrow batches through (server.flight.arrow_pass_through). */
    enum PassThrough {
        ON("on"),
        OFF("off"),
        /** The config does not set the key. */
        DEFAULT("default"),
        /** The path does not go through Flight. */
        NOT_APPLICABLE("-");

        private final String label;

        PassThrough(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static List<PassThrough> parse(String text) {
            return switch (text) {
                case "on" -> List.of(ON);
                case "off" -> List.of(OFF);
                case "both" -> List.of(ON, OFF);
                case "default" -> List.of(DEFAULT);
                default -> throw new IllegalArgumentException(
                        "--pass-through: expected on, off, both or default, got " + text);
            };
        }
    }

    /** One cell of the table: a source read through a path, with or without quality rules on it. */
    record Measurement(
            String source,
            ClientPath path,
            PassThrough passThrough,
            boolean rules,
            RunResult result,
            long rows,
            GcLog.HeapPeak heap) {

        /** Mean seconds per full read. */
        double seconds() {
            return result.getPrimaryResult().getScore();
        }

        double rowsPerSecond() {
            return rows / seconds();
        }

        double bestRowsPerSecond() {
            return rows / result.getPrimaryResult().getStatistics().getMin();
        }
    }

    static <T> List<T> list(String text, Function<String, T> parse) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(parse)
                .toList();
    }
}
