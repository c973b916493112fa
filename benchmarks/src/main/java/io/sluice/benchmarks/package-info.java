/**
 * Benchmarks, run by {@code scripts/bench} only: TPC-H data loaders, the gateway in its own JVM, and JMH benchmarks that
 * stream results through Arrow Flight SQL, the Sluice JDBC driver and the sources' own drivers.
 */
package io.sluice.benchmarks;
