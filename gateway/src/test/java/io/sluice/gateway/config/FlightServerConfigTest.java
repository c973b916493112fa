package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.gateway.testing.TestingCertificates;
import io.sluice.quality.parser.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flight-only keys of {@code server.flight}: prepared statement expiry and TLS files, checked at load. */
class FlightServerConfigTest {

    private static TestingCertificates certificates;
    private static TestingCertificates otherCertificates;

    private final ConfigLoader loader = new ConfigLoader(Map.<String, String>of()::get);

    @TempDir
    Path directory;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = TestingCertificates.create();
        otherCertificates = TestingCertificates.create();
    }

    @Test
    void load_defaults_plaintextAndTenMinuteExpiry() throws Exception {
        FlightServerConfig flight =
                load("server: { flight: { port: 0 } }\n").server().flight();
        assertThat(flight.tls()).isEmpty();
        assertThat(flight.preparedStatementIdleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(load("").server().flight()).isEqualTo(FlightServerConfig.defaults());
    }

    @Test
    void load_tls_pathsRelativeToTheConfigFile() throws Exception {
        Files.createDirectory(directory.resolve("tls"));
        Files.copy(certificates.serverChain(), directory.resolve("tls/chain.pem"));
        Files.copy(certificates.serverKey(), directory.resolve("tls/key.pem"));
        FlightServerConfig flight =
                load("""
                        server:
                          flight:
                            prepared_statement_idle_timeout: 90s
                            tls: { cert: tls/chain.pem, key: tls/key.pem }
                        """)
                        .server()
                        .flight();
        assertThat(flight.tls())
                .contains(new FlightTlsConfig(directory.resolve("tls/chain.pem"), directory.resolve("tls/key.pem")));
        assertThat(flight.preparedStatementIdleTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void load_tls_missingFileAndMissingKey() throws Exception {
        assertProblems(
                """
                server:
                  flight:
                    tls: { cert: nope.pem }
                """,
                "sluice.yaml:3:5: server.flight.tls.key: expected " + FlightServerConfigReader.KEY_EXPECTED
                        + ", got nothing",
                "sluice.yaml:3:18: server.flight.tls.cert: expected " + FlightServerConfigReader.CERT_EXPECTED
                        + ", got \"" + directory.resolve("nope.pem") + "\", which does not exist");
    }

    @Test
    void load_tls_filesThatAreNotPemCertificatesOrPkcs8Keys() throws Exception {
        Files.writeString(directory.resolve("chain.pem"), "not a certificate\n");
        Files.copy(certificates.serverKey(), directory.resolve("key.pem"));
        String yaml = "server: { flight: { tls: { cert: chain.pem, key: key.pem } } }\n";
        assertThat(failure(yaml))
                .startsWith(
                        "sluice.yaml:1:34: server.flight.tls.cert: expected " + FlightServerConfigReader.CERT_EXPECTED
                                + ", got \"" + directory.resolve("chain.pem") + "\", which is not one: ");

        Files.copy(
                certificates.serverChain(),
                directory.resolve("chain.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                directory.resolve("key.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertThat(failure(yaml))
                .isEqualTo("sluice.yaml:1:50: server.flight.tls.key: expected " + FlightServerConfigReader.KEY_EXPECTED
                        + ", got \"" + directory.resolve("key.pem") + "\", which is not one: a PKCS#1/SEC1 key"
                        + " (convert it: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem)");
    }

    @Test
    void load_tls_keyOfAnotherCertificate() throws Exception {
        Files.copy(certificates.serverChain(), directory.resolve("chain.pem"));
        Files.copy(otherCertificates.serverKey(), directory.resolve("key.pem"));
        assertThat(failure("server: { flight: { tls: { cert: chain.pem, key: key.pem } } }\n"))
                .isEqualTo("sluice.yaml:1:50: server.flight.tls.key: expected " + FlightServerConfigReader.KEY_EXPECTED
                        + ", got \"" + directory.resolve("key.pem") + "\", the key of another certificate");
    }

    @Test
    void load_idleTimeout_zeroOrMalformed() throws Exception {
        assertProblems(
                "server: { flight: { prepared_statement_idle_timeout: 0s } }\n",
                "sluice.yaml:1:54: server.flight.prepared_statement_idle_timeout: expected a positive duration such"
                        + " as 10m (prepared statements must expire), got 0");
        assertProblems(
                "server: { flight: { prepared_statement_idle_timeout: forever } }\n",
                "sluice.yaml:1:54: server.flight.prepared_statement_idle_timeout: expected " + Durations.EXPECTED
                        + ", got \"forever\"");
    }

    private SluiceConfig load(String yaml) throws Exception {
        return loader.load(Files.writeString(directory.resolve("sluice.yaml"), yaml));
    }

    private String failure(String yaml) throws Exception {
        Path file = Files.writeString(directory.resolve("sluice.yaml"), yaml);
        ConfigException exception = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(exception).as("expected the config to be rejected").isNotNull();
        // Messages name the file as given; compare from its simple name on.
        return exception.getMessage().replace(file.toString(), "sluice.yaml");
    }

    private void assertProblems(String yaml, String... expectedLines) throws Exception {
        assertThat(failure(yaml)).isEqualTo(String.join("\n", expectedLines));
    }
}
