package io.sluice.gateway.testing;

import io.sluice.gateway.Gateway;
import io.sluice.gateway.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway in its own JVM (with its own heap limit), started from a config file with the test class path; for tests
 * that measure the gateway's memory or kill it. {@link #main} is the child's entry point.
 */
public final class TestingGatewayProcess implements AutoCloseable {

    private static final String READY = "SLUICE-GATEWAY-PORT ";

    private final Process process;
    private final int port;

    private TestingGatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a child JVM with {@code -Xmx<maxHeap>} serving {@code config}; returns once it listens. */
    public static TestingGatewayProcess start(Path config, String maxHeap, Map<String, String> environment)
            throws IOException {
        List<String> command = TestingJvm.command(
                List.of("-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError"),
                TestingGatewayProcess.class,
                List.of(config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(READY)) {
                int port = Integer.parseInt(line.substring(READY.length()).trim());
                drain(output);
                return new TestingGatewayProcess(process, port);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("The gateway process exited before listening:\n" + seen);
    }

    private static void drain(BufferedReader output) {
        Thread thread = new Thread(
                () -> {
                    try {
                        String line;
                        while ((line = output.readLine()) != null) {
                            System.err.println("[gateway] " + line);
                        }
                    } catch (IOException ignored) {
                        // process ended
                    }
                },
                "gateway-output");
        thread.setDaemon(true);
        thread.start();
    }

    /** The URL for Sluice's own driver. */
    public String jdbcUrl() {
        return "jdbc:sluice://127.0.0.1:" + port + "?fetchSize=10000";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The child: loads the config, starts the gateway, prints its port, serves until killed. */
    public static void main(String[] args) throws Exception {
        Gateway gateway = Gateway.start(new ConfigLoader().load(Path.of(args[0])));
        System.out.println(READY + gateway.jdbcPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
