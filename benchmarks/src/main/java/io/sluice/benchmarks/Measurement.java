package io.sluice.benchmarks;

import io.sluice.benchmarks.BenchmarkMain.PassThrough;
import java.util.List;
import java.util.OptionalDouble;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

/**
 * One row of the report: a source read through a path, with or without quality rules on it, as its measured reads.
 *
 * @param source {@code duckdb} or {@code postgresql}
 * @param path the client path
 * @param passThrough the gateway's Arrow pass-through, for Flight
 * @param rules whether the gateway checked quality rules
 * @param readSeconds each measured read's time, in the order they ran
 * @param gatewayCpuSeconds the gateway's CPU time during each of those reads; empty where it was not measured
 * @param jitGcCpuSeconds the part of it spent by the gateway JVM's JIT compiler and GC threads; empty where not measured
 * @param rows rows per read
 * @param heap the gateway's heap while the reads ran; null for the paths that do not go through it
 */
record Measurement(
        String source,
        ClientPath path,
        PassThrough passThrough,
        boolean rules,
        List<Double> readSeconds,
        List<Double> gatewayCpuSeconds,
        List<Double> jitGcCpuSeconds,
        long rows,
        GcLog.HeapPeak heap) {

    /** The measurement of {@code iterations}, measured JMH iterations of one target, with their CPU times if any. */
    static Measurement of(
            String source,
            ClientPath path,
            PassThrough passThrough,
            boolean rules,
            List<IterationResult> iterations,
            long rows,
            GcLog.HeapPeak heap) {
        List<Double> cpu = secondary(iterations, GatewayCpuProfiler.RESULT);
        List<Double> jitGc = secondary(iterations, GatewayCpuProfiler.JIT_GC_RESULT);
        return new Measurement(
                source,
                path,
                passThrough,
                rules,
                iterations.stream()
                        .map(iteration -> iteration.getPrimaryResult().getScore())
                        .toList(),
                cpu,
                jitGc,
                rows,
                heap);
    }

    /** The secondary result {@code name} of every iteration, or none when an iteration lacks it. */
    private static List<Double> secondary(List<IterationResult> iterations, String name) {
        List<Double> scores = iterations.stream()
                .map(iteration -> iteration.getSecondaryResults().get(name))
                .filter(result -> result != null)
                .map(Result::getScore)
                .toList();
        return scores.size() == iterations.size() ? scores : List.of();
    }

    /** Mean seconds per full read. */
    double seconds() {
        return mean(readSeconds);
    }

    double rowsPerSecond() {
        return rows / seconds();
    }

    double bestRowsPerSecond() {
        return rows
                / readSeconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The gateway's mean CPU seconds per read, if measured. */
    OptionalDouble gatewayCpuSecondsPerRead() {
        return gatewayCpuSeconds.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(mean(gatewayCpuSeconds));
    }

    /** The mean CPU seconds per read of the gateway's JIT compiler and GC threads, if measured. */
    OptionalDouble jitGcCpuSecondsPerRead() {
        return jitGcCpuSeconds.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(mean(jitGcCpuSeconds));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
