package io.sluice.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.gateway.Gateway;
import io.sluice.gateway.config.AdminServerConfig;
import io.sluice.gateway.config.FlightServerConfig;
import io.sluice.gateway.config.JdbcServerConfig;
import io.sluice.gateway.config.SecurityConfig;
import io.sluice.gateway.config.ServerConfig;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.config.UserConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** A gateway on a free loopback port over the given sources, for integration tests. */
public final class TestingGateway implements AutoCloseable {

    public static final String USER = "tester";
    public static final String PASSWORD = "s3cret-for-tests";

    /** bcrypt hash of {@link #PASSWORD}, at cost 4 to keep tests fast. */
    private static final String PASSWORD_HASH = BCrypt.withDefaults().hashToString(4, PASSWORD.toCharArray());

    private final Gateway gateway;

    private TestingGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Gateway gateway() {
        return gateway;
    }

    /** A connection through Avatica's remote driver, as user {@link #USER}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(gateway.avaticaUrl(), USER, PASSWORD);
    }

    /** A connection through Sluice's own driver ({@code sluice-jdbc}, the shaded jar), as user {@link #USER}. */
    public Connection connectWithDriver() throws SQLException {
        return DriverManager.getConnection(gateway.jdbcUrl(), USER, PASSWORD);
    }

    /** A connection through the Arrow Flight SQL JDBC driver, as user {@link #USER}, with extra driver properties. */
    public Connection connectFlight(Map<String, String> properties) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", USER);
        info.setProperty("password", PASSWORD);
        info.putAll(properties);
        return DriverManager.getConnection(gateway.flightJdbcUrl(), info);
    }

    /** A connection through the Arrow Flight SQL JDBC driver, as user {@link #USER}. */
    public Connection connectFlight() throws SQLException {
        return connectFlight(Map.of());
    }

    /**
     * Asserts that the Flight server's Arrow memory is back to zero. A stream releases its buffers right after the client
     * has read its last batch, so this waits up to 5 s for that moment.
     */
    public void assertNoArrowMemoryLeft() throws InterruptedException {
        for (int i = 0; i < 50 && gateway.flightServer().allocatedMemory() != 0; i++) {
            Thread.sleep(100);
        }
        assertThat(gateway.flightServer().allocatedMemory())
                .as("Arrow memory still allocated")
                .isZero();
    }

    @Override
    public void close() {
        gateway.close();
    }

    /** Collects sources and starts the gateway. */
    public static final class Builder {
        private final Map<String, SourceConfig> sources = new LinkedHashMap<>();
        private boolean allowAnonymous;

        public Builder source(String name, SourceConfig config) {
            sources.put(name, config);
            return this;
        }

        public Builder allowAnonymous() {
            allowAnonymous = true;
            return this;
        }

        public TestingGateway start() throws SQLException {
            ServerConfig server = new ServerConfig(
                    new JdbcServerConfig("127.0.0.1", 0),
                    new FlightServerConfig("127.0.0.1", 0),
                    AdminServerConfig.defaults());
            SecurityConfig security =
                    new SecurityConfig(allowAnonymous, Map.of(USER, new UserConfig(USER, PASSWORD_HASH)));
            SluiceConfig config = new SluiceConfig(server, sources, security, Optional.empty(), Path.of("."));
            return new TestingGateway(Gateway.start(config));
        }
    }
}
