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
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The runner behind {@code scripts/bench}: loads TPC-H {@code lineitem} (cached), starts the gateway in its own JVM
 * with {@code -Xmx1g}, runs {@link LineitemStreamBenchmark} for every source × path (and, for Flight, with the Arrow
 * pass-through on and off), and prints rows/s, the ratios the targets are stated in, and the gateway's heap peaks.
 * With {@code --rules both} a gateway with rules and one without serve side by side, and each cell's single fork reads
 * through them in turn, with each gateway's CPU time per read (see {@link AlternatingOrder}, {@link
 * GatewayCpuProfiler}).
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
                List.of(),
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
            // One gateway per rule mode, all started before measuring (an idle gateway costs nothing), so that with
            // --rules both one fork per cell reads through both in turn.
            List<RunningGateway> gateways = new ArrayList<>();
            try {
                for (boolean rules : options.ruleModes()) {
                    gateways.add(startGateway(data, passThrough, rules));
                }
                BenchmarkTarget target = partialTarget.withGateways(
                        gateways.stream().map(RunningGateway::endpoint).toList());
                for (String source : options.sources()) {
                    for (ClientPath path : gatewayPaths) {
                        measurements.addAll(measureThroughGateways(target, source, path, passThrough, gateways));
                    }
                }
            } finally {
                for (RunningGateway gateway : gateways) {
                    gateway.process().close();
                }
            }
        }
        if (options.paths().contains(ClientPath.DIRECT_JDBC)) {
            BenchmarkTarget target = partialTarget;
            for (String source : options.sources()) {
                RunResult result = runJmh(target, source, ClientPath.DIRECT_JDBC, 1);
                measurements.add(Measurement.of(
                        source,
                        ClientPath.DIRECT_JDBC,
                        PassThrough.NOT_APPLICABLE,
                        false,
                        measuredIterations(result),
                        rows,
                        null));
            }
        }
        String report = new BenchmarkReport(
                        options,
                        rows,
                        COLUMNS,
                        GATEWAY_HEAP,
                        measurements,
                        options.ruleModes().size() > 1 ? ProcessCpuClock.open() : Optional.empty())
                .render();
        out.println();
        out.println(report);
        Path reportFile = options.workDirectory()
                .resolve("bench-" + new LineitemData(options.dataDirectory(), options.scaleFactor(), out).tag()
                        + ".txt");
        Files.writeString(reportFile, report, StandardCharsets.UTF_8);
        out.println("bench: report written to " + reportFile);
    }

    private RunningGateway startGateway(LineitemData data, PassThrough passThrough, boolean rules)
            throws IOException, InterruptedException {
        int[] ports = freePorts(3);
        Path config = writeConfig(ports, data, passThrough, rules);
        out.printf(
                Locale.ROOT,
                "bench: starting the gateway (-Xmx%s, Arrow pass-through %s, quality rules %s)%n",
                GATEWAY_HEAP,
                passThrough.label(),
                rulesLabel(rules));
        GatewayProcess process = GatewayProcess.start(
                options.repository(),
                config,
                GATEWAY_HEAP,
                options.workDirectory(),
                "gateway-" + passThrough.label() + "-rules-" + rulesLabel(rules));
        return new RunningGateway(rules, process, new BenchmarkTarget.Gateway(ports[0], ports[1], process.pid()));
    }

    /** Runs one fork that reads through every gateway in turn; returns a measurement per gateway. */
    private List<Measurement> measureThroughGateways(
            BenchmarkTarget target,
            String source,
            ClientPath path,
            PassThrough passThrough,
            List<RunningGateway> gateways)
            throws Exception {
        long[] gcMarks = new long[gateways.size()];
        for (int i = 0; i < gateways.size(); i++) {
            gcMarks[i] = gateways.get(i).process().gcLog().mark();
        }
        if (gateways.size() > 1) {
            out.println("bench: the reads go through the gateways with rules " + readOrder(gateways));
        }
        RunResult result = runJmh(target, source, path, gateways.size());
        List<List<IterationResult>> byGateway = AlternatingOrder.split(
                measuredIterations(result), options.warmups() * gateways.size(), gateways.size());
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < gateways.size(); i++) {
            GatewayProcess process = gateways.get(i).process();
            process.checkAlive();
            measurements.add(Measurement.of(
                    source,
                    path,
                    path == ClientPath.FLIGHT ? passThrough : PassThrough.NOT_APPLICABLE,
                    gateways.get(i).rules(),
                    byGateway.get(i),
                    target.rows(),
                    process.gcLog().peakSince(gcMarks[i])));
        }
        return measurements;
    }

    /** The rule modes of the gateways the fork's iterations read through, in order: "off (warm-up), on (warm-up), on". */
    private String readOrder(List<RunningGateway> gateways) {
        int warmupIterations = options.warmups() * gateways.size();
        int iterations = warmupIterations + options.iterations() * gateways.size();
        return IntStream.range(0, iterations)
                .mapToObj(i -> {
                    RunningGateway gateway = gateways.get(AlternatingOrder.target(i, gateways.size()));
                    return rulesLabel(gateway.rules()) + (i < warmupIterations ? " (warm-up)" : "");
                })
                .collect(Collectors.joining(", "));
    }

    private static List<IterationResult> measuredIterations(RunResult result) {
        return result.getBenchmarkResults().stream()
                .flatMap(benchmark -> benchmark.getIterationResults().stream())
                .toList();
    }

    /**
     * Runs one JMH fork of {@code targets} × the warm-ups and measured reads of a cell: with several gateways, it reads
     * through each in turn ({@link AlternatingOrder}), and {@link GatewayCpuProfiler} adds each gateway's CPU time.
     */
    private RunResult runJmh(BenchmarkTarget target, String source, ClientPath path, int targets) throws Exception {
        out.printf(
                Locale.ROOT,
                "bench: %s from %s: %d warm-up + %d measured read(s)%s%n",
                path.parameter(),
                source,
                options.warmups(),
                options.iterations(),
                targets > 1 ? " per gateway, alternating between the gateways in ABBA order" : "");
        List<String> jvmArgs = new ArrayList<>(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx2g"));
        jvmArgs.addAll(target.jvmArgs());
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(LineitemStreamBenchmark.class.getName() + ".stream")
                .param("source", source)
                .param("path", path.parameter())
                .warmupIterations(options.warmups() * targets)
                .measurementIterations(options.iterations() * targets)
                .forks(1)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL);
        if (targets > 1) {
            jmh.addProfiler(GatewayCpuProfiler.class);
        }
        return new Runner(jmh.build()).runSingle();
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
                rules && !options.control()
                        ? "rules: "
                                + QualityRuleFiles.write(
                                        options.workDirectory().resolve("rules"), data, options.sources())
                        : "",
                "");
        // A directory per gateway: its quality results store (a DuckDB file next to the config) is its own, since
        // the gateways of one pass-through mode run at the same time.
        Path directory = Files.createDirectories(
                options.workDirectory().resolve("sluice-bench-" + passThrough.label() + "-rules-" + rulesLabel(rules)));
        Path config = directory.resolve("sluice.yaml");
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

    /** A gateway serving while a pass-through mode is measured. */
    private record RunningGateway(boolean rules, GatewayProcess process, BenchmarkTarget.Gateway endpoint) {}

    static <T> List<T> list(String text, Function<String, T> parse) {
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(parse)
                .toList();
    }
}
