package io.sluice.gateway.testing;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.gateway.Gateway;
import io.sluice.gateway.config.AdminServerConfig;
import io.sluice.gateway.config.FlightServerConfig;
import io.sluice.gateway.config.FlightStreamConfig;
import io.sluice.gateway.config.FlightTlsConfig;
import io.sluice.gateway.config.JdbcServerConfig;
import io.sluice.gateway.config.SecurityConfig;
import io.sluice.gateway.config.ServerConfig;
import io.sluice.gateway.config.SluiceConfig;
import io.sluice.gateway.config.UserConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
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
        private final Map<String, UserConfig> users =
                new LinkedHashMap<>(Map.of(USER, new UserConfig(USER, PASSWORD_HASH)));
        private boolean allowAnonymous;
        private FlightStreamConfig flightStreams = FlightStreamConfig.defaults();
        private Optional<Path> rulesDirectory = Optional.empty();
        private Path dataDirectory;
        private Duration preparedStatementIdleTimeout = FlightServerConfig.DEFAULT_PREPARED_STATEMENT_IDLE_TIMEOUT;
        private Optional<FlightTlsConfig> flightTls = Optional.empty();
        private boolean arrowPassThrough = true;

        public Builder source(String name, SourceConfig config) {
            sources.put(name, config);
            return this;
        }

        /** Keeps the quality results store in {@code directory} (default: a new temporary directory). */
        public Builder dataDirectory(Path directory) {
            dataDirectory = directory;
            return this;
        }

        /** Quality rules from the rule files in {@code directory}. */
        public Builder rules(Path directory) {
            rulesDirectory = Optional.of(directory);
            return this;
        }

        public Builder allowAnonymous() {
            allowAnonymous = true;
            return this;
        }

        /** Record batch sizes and Arrow memory limits of the Flight SQL server. */
        public Builder flightStreams(FlightStreamConfig streams) {
            flightStreams = streams;
            return this;
        }

        /** Another user besides {@link #USER}. */
        public Builder user(String name, String password) {
            users.put(name, new UserConfig(name, BCrypt.withDefaults().hashToString(4, password.toCharArray())));
            return this;
        }

        public Builder preparedStatementIdleTimeout(Duration timeout) {
            preparedStatementIdleTimeout = timeout;
            return this;
        }

        /** Serves Flight over TLS with these certificates (see {@link TestingCertificates}). */
        public Builder flightTls(TestingCertificates certificates) {
            flightTls = Optional.of(new FlightTlsConfig(certificates.serverChain(), certificates.serverKey()));
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
                    new FlightServerConfig(
                            "127.0.0.1", 0, preparedStatementIdleTimeout, flightTls, arrowPassThrough, flightStreams),
                    AdminServerConfig.defaults());
            SecurityConfig security = new SecurityConfig(allowAnonymous, users);
            Path directory = dataDirectory;
            if (directory == null) {
                try {
                    // Each gateway keeps its quality results in a file of its own: DuckDB opens a file once per
                    // process.
                    directory = Files.createTempDirectory("sluice-gateway");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            SluiceConfig config = new SluiceConfig(
                    server, sources, security, rulesDirectory, SluiceConfig.defaultQualityStore(directory), directory);
            return new TestingGateway(Gateway.start(config));
        }
    }
}
