package io.sluice.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The CPU time of another process on Linux: user + system time, fields 14 and 15 of {@code /proc/<pid>/stat}, which
 * count every thread of the process (GC and JIT threads included) in clock ticks of {@code getconf CLK_TCK} (100 per
 * second on Linux, assumed when {@code getconf} cannot tell). Unlike wall time, it barely moves when other processes
 * compete for the cores, so it resolves a gateway's cost on a shared machine.
 */
final class ProcessCpuClock {

    static final long ASSUMED_TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");
    private static final int UTIME_FIELD = 14;
    private static final int STIME_FIELD = 15;

    private final long ticksPerSecond;
    private final boolean ticksAssumed;

    private ProcessCpuClock(long ticksPerSecond, boolean ticksAssumed) {
        this.ticksPerSecond = ticksPerSecond;
        this.ticksAssumed = ticksAssumed;
    }

    /** The clock, or empty where there is no {@code /proc/<pid>/stat} (not Linux). */
    static Optional<ProcessCpuClock> open() {
        if (!Files.isReadable(PROC.resolve("self/stat"))) {
            return Optional.empty();
        }
        Optional<Long> ticks = ticksFromGetconf();
        return Optional.of(new ProcessCpuClock(ticks.orElse(ASSUMED_TICKS_PER_SECOND), ticks.isEmpty()));
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Whether {@code getconf CLK_TCK} failed and the tick rate is {@link #ASSUMED_TICKS_PER_SECOND}. */
    boolean ticksAssumed() {
        return ticksAssumed;
    }

    /** The user + system CPU seconds {@code pid} has used so far, at a resolution of one clock tick. */
    double cpuSeconds(long pid) throws IOException {
        return (double) cpuTicks(pid) / ticksPerSecond;
    }

    /**
     * The user + system CPU seconds that the threads of {@code pid} whose name (as {@code /proc/<pid>/task/<tid>/comm}
     * holds it, cut to 15 characters) {@code threads} accepts have used so far. Threads that ended are no longer
     * counted, so this is a diagnostic (the JVM's compiler and GC threads live as long as it does), not an account.
     */
    double cpuSeconds(long pid, Predicate<String> threads) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8)
                            .strip();
                    if (threads.test(name)) {
                        ticks += ticks(Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII));
                    }
                } catch (NoSuchFileException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return (double) ticks / ticksPerSecond;
    }

    private static long cpuTicks(long pid) throws IOException {
        return ticks(Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.US_ASCII));
    }

    /** User + system ticks from the text of a {@code stat} file (a process's or a thread's). */
    private static long ticks(String stat) {
        // Field 2 is the command name in parentheses, which may hold spaces and parentheses itself: the fields after
        // it start after its last ')', with field 3 (the state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[UTIME_FIELD - 3]) + Long.parseLong(fields[STIME_FIELD - 3]);
    }

    private static Optional<Long> ticksFromGetconf() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String text;
            try (InputStream output = getconf.getInputStream()) {
                text = new String(output.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            if (!getconf.waitFor(10, TimeUnit.SECONDS) || getconf.exitValue() != 0) {
                getconf.destroyForcibly();
                return Optional.empty();
            }
            long ticks = Long.parseLong(text);
            return ticks > 0 ? Optional.of(ticks) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
