package io.sluice.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which one JMH fork reads through several gateways, one gateway per iteration, warm-ups included: a
 * round over the gateways, then the same round backwards (ABBA for two: off, on, on, off, off, on, ...). A slow drift of
 * the machine's load then weighs on every gateway alike, and every aligned block of {@code targets} iterations reads
 * each gateway once, so that block's reads are neighbours to compare with each other.
 *
 * <p>The benchmark, {@link GatewayCpuProfiler} and the runner all derive the gateway of an iteration from here: JMH
 * reports iterations by their position only.
 */
final class AlternatingOrder {

    private AlternatingOrder() {}

    /**
     * The gateway (an index below {@code targets}) that {@code iteration}, counted from 0 over the warm-up and then the
     * measured iterations of one fork, reads through.
     */
    static int target(int iteration, int targets) {
        if (targets < 1 || iteration < 0) {
            throw new IllegalArgumentException("iteration " + iteration + " of " + targets + " target(s)");
        }
        int position = iteration % targets;
        boolean backwards = (iteration / targets) % 2 == 1;
        return backwards ? targets - 1 - position : position;
    }

    /**
     * Splits the measured iterations of a fork, which ran {@code warmupIterations} warm-ups before them, by the target
     * each read through. With warm-ups a multiple of {@code targets}, the k-th iteration of every target lies in the
     * k-th aligned block of the measured ones: those are neighbours, to be compared pair by pair.
     */
    static <T> List<List<T>> split(List<T> measured, int warmupIterations, int targets) {
        List<List<T>> byTarget = new ArrayList<>();
        for (int target = 0; target < targets; target++) {
            byTarget.add(new ArrayList<>());
        }
        for (int i = 0; i < measured.size(); i++) {
            byTarget.get(target(warmupIterations + i, targets)).add(measured.get(i));
        }
        return byTarget;
    }
}
