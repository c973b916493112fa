package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The order of reads in a fork with several gateways, and how the runner splits the measured reads back. */
class AlternatingOrderTest {

    @Test
    void target_twoGatewaysAlternateAbba() {
        assertThat(IntStream.range(0, 8).map(i -> AlternatingOrder.target(i, 2)))
                .containsExactly(0, 1, 1, 0, 0, 1, 1, 0);
    }

    @Test
    void target_threeGatewaysGoForwardsThenBackwards() {
        assertThat(IntStream.range(0, 6).map(i -> AlternatingOrder.target(i, 3)))
                .containsExactly(0, 1, 2, 2, 1, 0);
    }

    @Test
    void target_oneGatewayAlways() {
        assertThat(IntStream.range(0, 5).map(i -> AlternatingOrder.target(i, 1)))
                .containsOnly(0);
    }

    @Test
    void split_afterWarmupsEachGatewayGetsItsReadsInOrder() {
        // 1 warm-up per gateway (iterations 0: off, 1: on), then 3 measured reads each: on, off, off, on, on, off.
        List<String> measured = List.of("on1", "off1", "off2", "on2", "on3", "off3");

        assertThat(AlternatingOrder.split(measured, 2, 2))
                .containsExactly(List.of("off1", "off2", "off3"), List.of("on1", "on2", "on3"));
    }

    @Test
    void split_kthReadsOfEachGatewayAreNeighbours() {
        int warmups = 3 * 2;
        List<Integer> measured = IntStream.range(warmups, warmups + 10).boxed().toList();

        List<List<Integer>> byGateway = AlternatingOrder.split(measured, warmups, 2);

        assertThat(byGateway.get(0)).hasSize(5);
        assertThat(byGateway.get(1)).hasSize(5);
        for (int k = 0; k < 5; k++) {
            assertThat(Math.abs(byGateway.get(0).get(k) - byGateway.get(1).get(k)))
                    .as("pair %d", k)
                    .isEqualTo(1);
        }
    }
}
