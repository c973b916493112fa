package io.sluice.benchmarks;

import org.openjdk.jmh.infra.Blackhole;

/** Reads a whole query result, touching every value of every row, through one client path. */
interface TableReader extends AutoCloseable {

    /** Runs the query and reads every value into {@code sink}; returns the number of rows read. */
    long readAll(Blackhole sink) throws Exception;

    @Override
    void close() throws Exception;
}
