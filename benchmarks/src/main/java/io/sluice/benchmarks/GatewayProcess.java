package io.sluice.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway in its own JVM, started with {@code bin/sluice serve} as a user starts it, with a heap limit and a GC log
 * (see {@link GcLog}) so that its heap can be measured from outside while it streams.
 */
final class GatewayProcess implements AutoCloseable {

    private static final String READY = "Sluice is up.";
    private static final long START_TIMEOUT_MILLIS = 180_000;

    private final Process process;
    private final Path output;
    private final GcLog gcLog;

    private GatewayProcess(Process process, Path output, GcLog gcLog) {
        this.process = process;
        this.output = output;
        this.gcLog = gcLog;
    }

    /**
     * Starts {@code bin/sluice serve --config config} with {@code -Xmx<maxHeap>}, its console output in {@code
     * workDirectory/<name>.out} and its GC log in {@code workDirectory/<name>.gc.log}, plus any options in the
     * environment's {@code SLUICE_JAVA_OPTS}; returns once it serves.
     */
    static GatewayProcess start(Path repository, Path config, String maxHeap, Path workDirectory, String name)
            throws IOException, InterruptedException {
        Path output = workDirectory.resolve(name + ".out");
        Path gcLogFile = workDirectory.resolve(name + ".gc.log");
        Files.deleteIfExists(gcLogFile);
        ProcessBuilder builder = new ProcessBuilder(
                        List.of(repository.resolve("bin/sluice").toString(), "serve", "--config", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment()
                .put(
                        "SLUICE_JAVA_OPTS",
                        String.join(
                                " ",
                                "-Xmx" + maxHeap,
                                "-XX:+ExitOnOutOfMemoryError",
                                "-Xlog:gc:file=" + gcLogFile,
                                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                                // The caller's own options last, e.g. a profiler: -XX:StartFlightRecording=...
                                System.getenv().getOrDefault("SLUICE_JAVA_OPTS", "")));
        Process process = builder.start();
        GatewayProcess gateway = new GatewayProcess(process, output, new GcLog(gcLogFile));
        gateway.awaitReady();
        return gateway;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            if (text.contains(READY)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("The gateway exited with status " + process.exitValue() + ":\n" + text);
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("The gateway did not start within " + START_TIMEOUT_MILLIS / 1000 + " s; see " + output);
    }

    /** The gateway JVM's process id ({@code bin/sluice} execs java). */
    long pid() {
        return process.pid();
    }

    GcLog gcLog() {
        return gcLog;
    }

    /** Fails when the gateway died (for example of an OutOfMemoryError: it runs with ExitOnOutOfMemoryError). */
    void checkAlive() throws IOException {
        if (!process.isAlive()) {
            throw new IOException("The gateway died with status " + process.exitValue() + "; see " + output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
