package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CPU clock agrees with the JDK's own reading of a process's CPU time ({@code ProcessHandle.Info}). */
class ProcessCpuClockTest {

    @Test
    void cpuSeconds_matchesProcessHandle() throws Exception {
        ProcessCpuClock clock = ProcessCpuClock.open().orElseThrow();
        long pid = ProcessHandle.current().pid();
        double tick = 1.0 / clock.ticksPerSecond();
        burnCpuUntilAbove(clock, pid, clock.cpuSeconds(pid) + 10 * tick);

        double before = clock.cpuSeconds(pid);
        Duration jdk = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        double after = clock.cpuSeconds(pid);

        assertThat(clock.ticksAssumed()).isFalse();
        assertThat(jdk.toNanos() / 1e9).isBetween(before - tick, after + tick);
    }

    private static void burnCpuUntilAbove(ProcessCpuClock clock, long pid, double seconds) throws Exception {
        long sink = 0;
        while (clock.cpuSeconds(pid) < seconds) {
            for (int i = 0; i < 1_000_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        assertThat(sink).isNotEqualTo(1);
    }
}
