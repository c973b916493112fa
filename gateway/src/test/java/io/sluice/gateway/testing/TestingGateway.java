package io.sluice.gateway.testing;

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

    @Override
    public void close() {
        gateway.close();
    }

    /** Collects sources and starts the gateway. */
    public static final class Builder {
        private final Map<String, SourceConfig> sources = new LinkedHashMap<>();
        private boolean allowAnonymous;
        private boolean arrowPassThrough = true;

        public Builder source(String name, SourceConfig config) {
            sources.put(name, config);
            return this;
        }

        public Builder allowAnonymous() {
            allowAnonymous = true;
            return this;
        }

        /** {@code server.flight.arrow_pass_through} (default true). */
        public Builder arrowPassThrough(boolean enabled) {
            arrowPassThrough = enabled;
            return this;
        }

        public TestingGateway start() throws SQLException {
            ServerConfig server = new ServerConfig(
                    new JdbcServerConfig("127.0.0.1", 0),
                    new FlightServerConfig("127.0.0.1", 0, arrowPassThrough),
                    AdminServerConfig.defaults());
            SecurityConfig security =
                    new SecurityConfig(allowAnonymous, Map.of(USER, new UserConfig(USER, PASSWORD_HASH)));
            SluiceConfig config = new SluiceConfig(server, sources, security, Optional.empty(), Path.of("."));
            return new TestingGateway(Gateway.start(config));
        }
    }
}
