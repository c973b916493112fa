package io.sluice.gateway.config;

import io.sluice.adapters.spi.ConfigSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads the Flight-only keys of {@code server.flight}: prepared statement expiry and TLS. */
final class FlightServerConfigReader {

    static final String IDLE_TIMEOUT_KEY = "prepared_statement_idle_timeout";
    static final String CERT_EXPECTED = "a PEM file with the server certificate chain (BEGIN CERTIFICATE)";
    static final String KEY_EXPECTED =
            "a PEM file with the unencrypted PKCS#8 private key (BEGIN PRIVATE KEY)" + " of the certificate in cert";

    private FlightServerConfigReader() {}

    static FlightServerConfig read(String host, int port, Optional<ConfigSection> section, FlightStreamConfig streams) {
        if (section.isEmpty()) {
            return new FlightServerConfig(host, port);
        }
        ConfigSection flight = section.get();
        Duration idleTimeout =
                flight.duration(IDLE_TIMEOUT_KEY).orElse(FlightServerConfig.DEFAULT_PREPARED_STATEMENT_IDLE_TIMEOUT);
        if (idleTimeout.isZero()) {
            flight.error(IDLE_TIMEOUT_KEY, "a positive duration such as 10m (prepared statements must expire)", "0");
            idleTimeout = FlightServerConfig.DEFAULT_PREPARED_STATEMENT_IDLE_TIMEOUT;
        }
        Optional<FlightTlsConfig> tls = flight.section("tls").flatMap(FlightServerConfigReader::tls);
        return new FlightServerConfig(
                host, port, idleTimeout, tls, flight.bool("arrow_pass_through").orElse(true), streams);
    }

    private static Optional<FlightTlsConfig> tls(ConfigSection tls) {
        Optional<Path> cert = readable(tls, "cert", CERT_EXPECTED);
        Optional<Path> key = readable(tls, "key", KEY_EXPECTED);
        if (cert.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        List<X509Certificate> chain;
        try {
            chain = PemFiles.certificates(cert.get());
        } catch (IOException | GeneralSecurityException e) {
            tls.error("cert", CERT_EXPECTED, shown(cert.get()) + ", which is not one: " + reason(e));
            return Optional.empty();
        }
        try {
            PrivateKey privateKey = PemFiles.privateKey(key.get(), chain.get(0).getPublicKey());
            if (!PemFiles.belongTogether(privateKey, chain.get(0).getPublicKey())) {
                tls.error("key", KEY_EXPECTED, shown(key.get()) + ", the key of another certificate");
                return Optional.empty();
            }
        } catch (IOException | GeneralSecurityException e) {
            tls.error("key", KEY_EXPECTED, shown(key.get()) + ", which is not one: " + reason(e));
            return Optional.empty();
        }
        return Optional.of(new FlightTlsConfig(cert.get(), key.get()));
    }

    /** The path under {@code key}, if it names a readable regular file; otherwise records why not. */
    private static Optional<Path> readable(ConfigSection section, String key, String expected) {
        if (section.requiredString(key, expected).isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> path = section.path(key);
        if (path.isEmpty()) {
            return path;
        }
        String problem = !Files.exists(path.get())
                ? "which does not exist"
                : !Files.isRegularFile(path.get())
                        ? "which is not a file"
                        : !Files.isReadable(path.get()) ? "which the gateway cannot read" : null;
        if (problem != null) {
            section.error(key, expected, shown(path.get()) + ", " + problem);
            return Optional.empty();
        }
        return path;
    }

    private static String shown(Path path) {
        return "\"" + path + "\"";
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
