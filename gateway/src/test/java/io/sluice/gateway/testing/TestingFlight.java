package io.sluice.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.gateway.Gateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.adbc.core.AdbcDriver;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.grpc.CredentialCallOption;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The Flight clients tests connect with (the Arrow Flight SQL JDBC driver, the native Flight SQL client, ADBC's
 * parameters), and the checks every Flight test ends with: no Arrow memory left and no Flight query left running.
 */
public final class TestingFlight {

    private TestingFlight() {}

    /** The Arrow Flight SQL JDBC driver as {@link TestingGateway#USER}, with extra driver properties. */
    public static Connection jdbc(Gateway gateway, Map<String, String> properties) throws SQLException {
        Properties all = new Properties();
        all.setProperty("user", TestingGateway.USER);
        all.setProperty("password", TestingGateway.PASSWORD);
        all.putAll(properties);
        return DriverManager.getConnection(gateway.flightJdbcUrl(), all);
    }

    public static Connection jdbc(Gateway gateway) throws SQLException {
        return jdbc(gateway, Map.of());
    }

    /** A native Flight SQL client (plaintext) logged in as {@code user}; closing it closes the Flight client. */
    public static Client client(Gateway gateway, BufferAllocator allocator, String user, String password) {
        FlightClient flight = FlightClient.builder(
                        allocator, Location.forGrpcInsecure("127.0.0.1", gateway.flightPort()))
                .build();
        CredentialCallOption token =
                flight.authenticateBasicToken(user, password).orElseThrow(() -> new AssertionError("no bearer token"));
        return new Client(new FlightSqlClient(flight), token);
    }

    public static Client client(Gateway gateway, BufferAllocator allocator) {
        return client(gateway, allocator, TestingGateway.USER, TestingGateway.PASSWORD);
    }

    /** A Flight SQL client with the bearer token to pass to every call. */
    public record Client(FlightSqlClient sql, CredentialCallOption token) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            sql.close();
        }
    }

    /** ADBC database parameters for {@code uri} as {@link TestingGateway#USER}. */
    public static Map<String, Object> adbcParameters(String uri) {
        Map<String, Object> parameters = new HashMap<>();
        AdbcDriver.PARAM_URI.set(parameters, uri);
        AdbcDriver.PARAM_USERNAME.set(parameters, TestingGateway.USER);
        AdbcDriver.PARAM_PASSWORD.set(parameters, TestingGateway.PASSWORD);
        return parameters;
    }

    /**
     * Asserts that the Flight server's Arrow memory is back to zero and that no Flight query is left running. A stream
     * releases its buffers right after the client read its last batch; give it that moment.
     */
    public static void assertClean(Gateway gateway) throws InterruptedException {
        for (int i = 0; i < 50 && !isClean(gateway); i++) {
            Thread.sleep(100);
        }
        assertThat(gateway.flightServer().allocatedMemory())
                .as("Arrow memory still allocated")
                .isZero();
        assertThat(gateway.runningQueries().running())
                .as("Flight queries still running")
                .noneMatch(query -> query.startsWith("flight-"));
    }

    private static boolean isClean(Gateway gateway) {
        return gateway.flightServer().allocatedMemory() == 0
                && gateway.runningQueries().running().stream().noneMatch(query -> query.startsWith("flight-"));
    }
}
