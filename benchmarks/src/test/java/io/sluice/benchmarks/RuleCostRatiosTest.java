package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.benchmarks.BenchmarkMain.PassThrough;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rule-cost lines of the report, computed by hand from a few reads. */
class RuleCostRatiosTest {

    @Test
    void lines_pairsCompareNeighboursAndCpu() {
        Measurement without = measurement(false, List.of(1.0, 2.0, 1.0), List.of(0.5, 0.5, 0.4));
        Measurement with = measurement(true, List.of(1.1, 2.4, 1.0), List.of(0.6, 0.5, 0.6));

        List<String> lines = new RuleCostRatios(without, with).lines();

        assertThat(lines)
                .containsExactly(
                        line("time, mean reads", 4.5 / 4.0),
                        line("time, best reads", 1.0),
                        line("time, pairs (3), mean", (1.1 + 1.2 + 1.0) / 3),
                        line("time, pairs (3), median", 1.1),
                        "    time, each pair: 1.10x 1.20x 1.00x",
                        line("gateway CPU per read, mean reads", 1.7 / 1.4),
                        line("gateway CPU per read, pairs (3), median", 1.2));
    }

    @Test
    void lines_withoutCpuTimesOnlyTime() {
        Measurement without = measurement(false, List.of(1.0, 3.0), List.of());
        Measurement with = measurement(true, List.of(2.0, 3.0), List.of());

        assertThat(new RuleCostRatios(without, with).lines())
                .containsExactly(
                        line("time, mean reads", 5.0 / 4.0),
                        line("time, best reads", 2.0),
                        line("time, pairs (2), mean", 1.5),
                        line("time, pairs (2), median", 1.5),
                        "    time, each pair: 2.00x 1.00x");
    }

    private static Measurement measurement(boolean rules, List<Double> seconds, List<Double> cpu) {
        return new Measurement(
                "postgresql",
                ClientPath.FLIGHT,
                PassThrough.OFF,
                rules,
                seconds,
                cpu,
                List.of(),
                1000,
                new GcLog.HeapPeak(0, 0, 0));
    }

    private static String line(String label, double ratio) {
        return String.format(Locale.ROOT, "%-70s %6.2fx", "    " + label, ratio);
    }
}
