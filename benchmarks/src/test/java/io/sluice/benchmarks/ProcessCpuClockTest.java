package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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

    @Test
    void cpuSecondsOfThreads_addUpToAtMostTheProcess_andCountTheThreadsAsked() throws Exception {
        ProcessCpuClock clock = ProcessCpuClock.open().orElseThrow();
        long pid = ProcessHandle.current().pid();
        double tick = 1.0 / clock.ticksPerSecond();
        // A thread of its own (the JVM names its threads' comm after them), kept alive while it is measured: an ended
        // thread's time is no longer listed.
        CountDownLatch burnt = new CountDownLatch(1);
        CountDownLatch measured = new CountDownLatch(1);
        Thread burner = new Thread(
                () -> {
                    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                    long sink = 0;
                    while (threads.getCurrentThreadCpuTime() < 300_000_000L) {
                        for (int i = 0; i < 1_000_000; i++) {
                            sink += i * 31L ^ sink;
                        }
                    }
                    burnt.countDown();
                    try {
                        measured.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (sink == 1) {
                        throw new IllegalStateException("unreachable");
                    }
                },
                "cpu-burner");
        burner.start();
        burnt.await();
        double all;
        double process;
        double burnerSeconds;
        double none;
        try {
            all = clock.cpuSeconds(pid, name -> true);
            process = clock.cpuSeconds(pid);
            burnerSeconds = clock.cpuSeconds(pid, "cpu-burner"::equals);
            none = clock.cpuSeconds(pid, name -> false);
        } finally {
            measured.countDown();
            burner.join();
        }

        // Ended threads count in the process's time only.
        assertThat(all).isLessThanOrEqualTo(process + tick);
        assertThat(burnerSeconds).isBetween(0.3 - 2 * tick, all);
        assertThat(none).isZero();
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
