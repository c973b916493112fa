package io.sluice.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where the benchmark JVM (forked by JMH) finds the gateway and the sources, passed to it as system properties.
 *
 * @param gateways the gateways the forked JVM reads through, in {@link AlternatingOrder}'s order; empty for the paths
 *     that do not use a gateway
 * @param duckDbFile the DuckDB database file (opened read-only, also by the gateway)
 * @param postgreSqlUrl PostgreSQL's JDBC URL
 * @param postgreSqlUser PostgreSQL's user
 * @param postgreSqlPassword PostgreSQL's password
 * @param postgreSqlSchema the schema holding {@code lineitem} in PostgreSQL
 * @param rows the number of rows of {@code lineitem}: every read is checked against it
 */
record BenchmarkTarget(
        List<Gateway> gateways,
        String duckDbFile,
        String postgreSqlUrl,
        String postgreSqlUser,
        String postgreSqlPassword,
        String postgreSqlSchema,
        long rows) {

    private static final String PREFIX = "sluice.bench.";

    /** Source names in the gateway's config. */
    static final String DUCKDB_SOURCE = "duck";

    static final String POSTGRESQL_SOURCE = "pg";

    /** The same sources read through {@code gateways}. */
    BenchmarkTarget withGateways(List<Gateway> gateways) {
        return new BenchmarkTarget(
                List.copyOf(gateways),
                duckDbFile,
                postgreSqlUrl,
                postgreSqlUser,
                postgreSqlPassword,
                postgreSqlSchema,
                rows);
    }

    /** The query a path runs through the gateway: the whole table, every column. */
    String gatewayQuery(String source) {
        return switch (source) {
            case "duckdb" -> "SELECT * FROM " + DUCKDB_SOURCE + ".main." + LineitemData.TABLE;
            case "postgresql" -> "SELECT * FROM " + POSTGRESQL_SOURCE + "." + postgreSqlSchema + "."
                    + LineitemData.TABLE;
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
    }

    /** The same query run on the source itself. */
    String directQuery(String source) {
        return switch (source) {
            case "duckdb" -> "SELECT * FROM main." + LineitemData.TABLE;
            case "postgresql" -> "SELECT * FROM " + postgreSqlSchema + "." + LineitemData.TABLE;
            default -> throw new IllegalArgumentException("unknown source " + source);
        };
    }

    Properties postgreSqlCredentials() {
        Properties properties = new Properties();
        properties.setProperty("user", postgreSqlUser);
        properties.setProperty("password", postgreSqlPassword);
        return properties;
    }

    /** The JVM options that hand this target to a forked benchmark JVM. */
    List<String> jvmArgs() {
        return List.of(
                "-D" + PREFIX + "gateways="
                        + gateways.stream().map(Gateway::format).collect(Collectors.joining(",")),
                "-D" + PREFIX + "duckDbFile=" + duckDbFile,
                "-D" + PREFIX + "postgreSqlUrl=" + postgreSqlUrl,
                "-D" + PREFIX + "postgreSqlUser=" + postgreSqlUser,
                "-D" + PREFIX + "postgreSqlPassword=" + postgreSqlPassword,
                "-D" + PREFIX + "postgreSqlSchema=" + postgreSqlSchema,
                "-D" + PREFIX + "rows=" + rows);
    }

    /** The target handed over by {@link #jvmArgs()}. */
    static BenchmarkTarget fromSystemProperties() {
        return new BenchmarkTarget(
                Arrays.stream(property("gateways").split(","))
                        .filter(text -> !text.isEmpty())
                        .map(Gateway::parse)
                        .toList(),
                property("duckDbFile"),
                property("postgreSqlUrl"),
                property("postgreSqlUser"),
                property("postgreSqlPassword"),
                property("postgreSqlSchema"),
                Long.parseLong(property("rows")));
    }

    private static String property(String name) {
        String value = System.getProperty(PREFIX + name);
        if (value == null) {
            throw new IllegalStateException(
                    "System property " + PREFIX + name + " is missing: run the benchmarks through scripts/bench");
        }
        return value;
    }

    /**
     * One gateway the benchmark reads through.
     *
     * @param jdbcPort its Avatica port, for the Sluice JDBC driver
     * @param flightPort its Arrow Flight SQL port
     * @param pid its process id, for its CPU time (see {@link GatewayCpuProfiler})
     */
    record Gateway(int jdbcPort, int flightPort, long pid) {

        private String format() {
            return jdbcPort + "/" + flightPort + "/" + pid;
        }

        private static Gateway parse(String text) {
            String[] parts = text.split("/");
            return new Gateway(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        }
    }
}
