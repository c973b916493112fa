package io.sluice.benchmarks;

import java.util.List;
import java.util.Properties;

/**
 * Where the benchmark JVM (forked by JMH) finds the gateway and the sources, passed to it as system properties.
 *
 * @param gatewayJdbcPort the gateway's Avatica port, for the Sluice JDBC driver
 * @param gatewayFlightPort the gateway's Arrow Flight SQL port
 * @param duckDbFile the DuckDB database file (opened read-only, also by the gateway)
 * @param postgreSqlUrl PostgreSQL's JDBC URL
 * @param postgreSqlUser PostgreSQL's user
 * @param postgreSqlPassword PostgreSQL's password
 * @param postgreSqlSchema the schema holding {@code lineitem} in PostgreSQL
 * @param rows the number of rows of {@code lineitem}: every read is checked against it
 */
record BenchmarkTarget(
        int gatewayJdbcPort,
        int gatewayFlightPort,
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
                "-D" + PREFIX + "jdbcPort=" + gatewayJdbcPort,
                "-D" + PREFIX + "flightPort=" + gatewayFlightPort,
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
                Integer.parseInt(property("jdbcPort")),
                Integer.parseInt(property("flightPort")),
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
}
