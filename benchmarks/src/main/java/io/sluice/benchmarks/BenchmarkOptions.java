package io.sluice.benchmarks;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code scripts/bench}.
 *
 * @param scaleFactor TPC-H scale factor (1 = 6,001,215 lineitem rows)
 * @param warmups unmeasured reads before the measured ones, per cell
 * @param iterations measured reads per cell
 * @param sources {@code duckdb}, {@code postgresql}
 * @param paths client paths
 * @param passThroughModes the gateway's Arrow pass-through settings to measure Flight with
 * @param ruleModes whether the gateway checks {@value QualityRuleFiles#RULE_COUNT} row rules on {@code lineitem}: off,
 *     on, or both (one gateway each, both serving while one fork per cell reads through them in turn)
 * @param control whether the gateway labelled "rules on" checks none either ({@code --rules control}): the same
 *     pairing with two equal gateways, whose ratios show how far apart equal gateways read
 * @param dataDirectory where generated data is cached between runs
 * @param workDirectory where configs, gateway logs and reports go
 * @param repository the checkout (for {@code bin/sluice})
 */
record BenchmarkOptions(
        double scaleFactor,
        int warmups,
        int iterations,
        List<String> sources,
        List<ClientPath> paths,
        List<BenchmarkMain.PassThrough> passThroughModes,
        List<Boolean> ruleModes,
        boolean control,
        Path dataDirectory,
        Path workDirectory,
        Path repository) {

    static final String USAGE = String.join(
            "\n",
            "usage: scripts/bench [--sf N] [--warmups N] [--iterations N] [--sources duckdb,postgresql]",
            "                     [--paths flight,sluice-jdbc,direct-jdbc] [--pass-through on|off|both|default]",
            "                     [--rules on|off|both|control]",
            "  --sf            TPC-H scale factor (default 1: 6M lineitem rows; 0.1 for a quick run)",
            "  --warmups       unmeasured reads per cell (default 1)",
            "  --iterations    measured reads per cell (default 3)",
            "  --pass-through  the gateway's Arrow pass-through for Flight (default both: measured on and off)",
            "  --rules         on: the gateway checks 10 row rules inline on every read of lineitem; both: a gateway with",
            "                  them and one without, read in turn (ABBA) by one fork per cell, for the overhead ratio,",
            "                  with each gateway's CPU time per read; control: as both, but neither gateway has rules,",
            "                  for the ratios' noise (default off)",
            "  SLUICE_BENCH_DATA  where generated data is kept between runs (default benchmarks/target/bench-data)");

    static BenchmarkOptions parse(String[] args) {
        double scaleFactor = 1;
        int warmups = 1;
        int iterations = 3;
        String sources = "duckdb,postgresql";
        String paths = "flight,sluice-jdbc,direct-jdbc";
        String passThrough = "both";
        List<Boolean> ruleModes = List.of(false);
        boolean control = false;
        Path repository = Path.of(System.getProperty("sluice.repository", ".")).toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--sf" -> scaleFactor = positive(name, Double.parseDouble(value));
                case "--warmups" -> warmups = Integer.parseInt(value);
                case "--iterations" -> iterations = (int) positive(name, Integer.parseInt(value));
                case "--sources" -> sources = value;
                case "--paths" -> paths = value;
                case "--pass-through" -> passThrough = value;
                case "--rules" -> {
                    control = value.equals("control");
                    ruleModes = onOffBoth(name, control ? "both" : value);
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        List<String> sourceList = BenchmarkMain.list(sources, source -> {
            if (!source.equals("duckdb") && !source.equals("postgresql")) {
                throw new IllegalArgumentException("--sources: expected duckdb or postgresql, got " + source);
            }
            return source;
        });
        String data = System.getenv("SLUICE_BENCH_DATA");
        Path target = repository.resolve("benchmarks/target");
        return new BenchmarkOptions(
                scaleFactor,
                warmups,
                iterations,
                sourceList,
                BenchmarkMain.list(paths, ClientPath::of),
                BenchmarkMain.PassThrough.parse(passThrough),
                ruleModes,
                control,
                data == null || data.isBlank()
                        ? target.resolve("bench-data")
                        : Path.of(data).toAbsolutePath(),
                target.resolve("bench-work"),
                repository);
    }

    private static List<Boolean> onOffBoth(String name, String value) {
        return switch (value) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException(name + ": expected on, off, both or control, got " + value);
        };
    }

    private static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + ": expected a positive number, got " + value);
        }
        return value;
    }
}
