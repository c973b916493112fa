package io.sluice.gateway.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;

/**
 * A Flight SQL client in its own JVM that reads a few batches of a query's result and then stops reading, for tests
 * that kill a client mid-stream (a real disconnect: the kernel closes its connection). {@link #main} is the child.
 */
public final class TestingFlightReader implements AutoCloseable {

    private static final String READ = "SLUICE-FLIGHT-READ ";

    private final Process process;

    private TestingFlightReader(Process process) {
        this.process = process;
    }

    /** Starts the child, and returns once it has read {@code batches} batches of {@code sql}'s result. */
    public static TestingFlightReader start(int port, String sql, int batches) throws IOException {
        List<String> arguments = List.of(
                String.valueOf(port), TestingGateway.USER, TestingGateway.PASSWORD, sql, String.valueOf(batches));
        Process process = new ProcessBuilder(
                        TestingJvm.command(List.of("-Xmx128m"), TestingFlightReader.class, arguments))
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(READ)) {
                return new TestingFlightReader(process);
            }
            seen.append(line).append('\n');
        }
        throw new IOException("The Flight client exited before reading:\n" + seen);
    }

    /** Kills the client at once (SIGKILL): no goodbye to the server, the kernel just closes the connection. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the Flight client did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The child: port, user, password, SQL, number of batches to read; then waits to be killed. */
    public static void main(String[] args) throws Exception {
        RootAllocator allocator = new RootAllocator();
        FlightClient flight = FlightClient.builder(
                        allocator, Location.forGrpcInsecure("127.0.0.1", Integer.parseInt(args[0])))
                .build();
        CredentialCallOption token =
                flight.authenticateBasicToken(args[1], args[2]).orElseThrow();
        FlightSqlClient client = new FlightSqlClient(flight);
        FlightInfo info = client.execute(args[3], token);
        FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket(), token);
        int batches = Integer.parseInt(args[4]);
        long rows = 0;
        for (int i = 0; i < batches && stream.next(); i++) {
            rows += stream.getRoot().getRowCount();
        }
        System.out.println(READ + rows);
        System.out.flush();
        Thread.currentThread().join();
    }
}
