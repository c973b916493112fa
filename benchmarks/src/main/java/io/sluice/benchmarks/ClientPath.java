package io.sluice.benchmarks;

/** The ways a client reads a result, as named in the benchmark's {@code path} parameter. */
enum ClientPath {
    /** Through the gateway's Arrow Flight SQL endpoint, with the native Flight SQL client. */
    FLIGHT("flight"),
    /** Through the gateway's Avatica endpoint, with the Sluice JDBC driver. */
    SLUICE_JDBC("sluice-jdbc"),
    /** Straight from the source with its own JDBC driver (DuckDB in the benchmark's JVM, or pgjdbc). */
    DIRECT_JDBC("direct-jdbc");

    private final String parameter;

    ClientPath(String parameter) {
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    static ClientPath of(String parameter) {
        for (ClientPath path : values()) {
            if (path.parameter.equals(parameter)) {
                return path;
            }
        }
        throw new IllegalArgumentException("unknown path " + parameter);
    }
}
