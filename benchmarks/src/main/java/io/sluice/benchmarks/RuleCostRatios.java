package io.sluice.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What quality rules cost one cell, from its reads through a gateway with rules and one without that one fork read in
 * turn ({@link AlternatingOrder}): time and gateway CPU with rules over without (target: time &le; 1.05x). Besides the
 * ratio of the means and of the best reads, each read with rules is divided by its neighbour without rules: a pair
 * shares the machine's load of its moment, so the median of the pairs is what other processes disturb least.
 */
final class RuleCostRatios {

    private final Measurement without;
    private final Measurement with;

    RuleCostRatios(Measurement without, Measurement with) {
        this.without = without;
        this.with = with;
    }

    /** The report's lines, indented under the cell's name. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(line("time, mean reads", with.seconds() / without.seconds()));
        lines.add(line("time, best reads", without.bestRowsPerSecond() / with.bestRowsPerSecond()));
        List<Double> timePairs = pairRatios(without.readSeconds(), with.readSeconds());
        lines.add(line("time, pairs (" + timePairs.size() + "), mean", Measurement.mean(timePairs)));
        lines.add(line("time, pairs (" + timePairs.size() + "), median", median(timePairs)));
        lines.add("    time, each pair: "
                + timePairs.stream()
                        .map(ratio -> String.format(Locale.ROOT, "%.2fx", ratio))
                        .collect(Collectors.joining(" ")));
        if (without.gatewayCpuSecondsPerRead().isPresent()
                && with.gatewayCpuSecondsPerRead().isPresent()) {
            lines.add(line(
                    "gateway CPU per read, mean reads",
                    with.gatewayCpuSecondsPerRead().getAsDouble()
                            / without.gatewayCpuSecondsPerRead().getAsDouble()));
            List<Double> cpuPairs = pairRatios(without.gatewayCpuSeconds(), with.gatewayCpuSeconds());
            if (!cpuPairs.isEmpty()) {
                lines.add(line("gateway CPU per read, pairs (" + cpuPairs.size() + "), median", median(cpuPairs)));
            }
        }
        return lines;
    }

    /**
     * Each value with rules over the one without of the same pair: the k-th of each list ran next to each other. A pair
     * whose read without rules shows no time (CPU below one clock tick) has no ratio.
     */
    private static List<Double> pairRatios(List<Double> without, List<Double> with) {
        List<Double> ratios = new ArrayList<>();
        for (int k = 0; k < Math.min(without.size(), with.size()); k++) {
            if (without.get(k) > 0) {
                ratios.add(with.get(k) / without.get(k));
            }
        }
        return ratios;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String line(String label, double ratio) {
        return String.format(Locale.ROOT, "%-70s %6.2fx", "    " + label, ratio);
    }
}
