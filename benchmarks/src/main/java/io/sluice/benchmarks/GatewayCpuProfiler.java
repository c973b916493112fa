package io.sluice.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds to every iteration the CPU seconds that the gateway it read through spent meanwhile, as the
 * secondary result {@value #RESULT}, and the part of it spent by the JVM's JIT compiler and GC threads, {@value
 * #JIT_GC_RESULT} (none where {@link ProcessCpuClock} finds no {@code /proc}).
 *
 * <p>Why a profiler: it runs in the forked JVM just before and just after each iteration, warm-ups included, so the
 * window holds the whole read and next to nothing else, and its results land in that iteration's {@code
 * IterationResult} next to the read's time, where the runner splits them by gateway. {@code @AuxCounters}, the other
 * way to add a secondary result, is experimental and not supported in {@code SingleShotTime} mode. The gateways and
 * their process ids come from {@link BenchmarkTarget}'s system properties; the gateway of an iteration from {@link
 * AlternatingOrder}, as in {@link LineitemStreamBenchmark}.
 */
public final class GatewayCpuProfiler implements InternalProfiler {

    static final String RESULT = "gateway-cpu";

    /**
     * The part of {@link #RESULT} spent by the gateway JVM's JIT compiler and GC threads: their work follows what the
     * read allocates and what code it runs for the first time, and it moves between runs more than the read's own.
     */
    static final String JIT_GC_RESULT = "gateway-cpu:jit+gc";

    private static final Predicate<String> JIT_GC_THREADS = name -> name.startsWith("C1 CompilerThre")
            || name.startsWith("C2 CompilerThre")
            || name.startsWith("GC Thread")
            || name.startsWith("G1 ");

    private Optional<ProcessCpuClock> clock;
    private List<BenchmarkTarget.Gateway> gateways;
    private int iteration;
    private long pid;
    private double before;
    private double jitGcBefore;

    /** JMH also instantiates the profiler in the runner's JVM, to check it: the target is read in the fork only. */
    public GatewayCpuProfiler() {}

    @Override
    public String getDescription() {
        return "user + system CPU seconds of the gateway each iteration reads through, from /proc/<pid>/stat";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (clock == null) {
            clock = ProcessCpuClock.open();
            gateways = BenchmarkTarget.fromSystemProperties().gateways();
        }
        if (clock.isEmpty() || gateways.isEmpty()) {
            return;
        }
        pid = gateways.get(AlternatingOrder.target(iteration, gateways.size())).pid();
        jitGcBefore = jitGcSeconds();
        before = cpuSeconds();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        iteration++;
        if (clock.isEmpty() || gateways.isEmpty()) {
            return List.of();
        }
        double cpu = cpuSeconds() - before;
        double jitGc = jitGcSeconds() - jitGcBefore;
        return List.of(
                new ScalarResult(RESULT, cpu, "s", AggregationPolicy.AVG),
                new ScalarResult(JIT_GC_RESULT, jitGc, "s", AggregationPolicy.AVG));
    }

    private double jitGcSeconds() {
        try {
            return clock.orElseThrow().cpuSeconds(pid, JIT_GC_THREADS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the threads' CPU time of gateway process " + pid, e);
        }
    }

    private double cpuSeconds() {
        try {
            return clock.orElseThrow().cpuSeconds(pid);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CPU time of gateway process " + pid, e);
        }
    }
}
