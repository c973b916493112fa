package io.sluice.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@code server.flight.tls} section: the Flight SQL server then speaks gRPC over TLS only. Both files were read and
 * checked when the config was loaded (PEM syntax, and that the key belongs to the first certificate).
 *
 * @param certificateChain {@code cert}: a PEM file with the server's certificate first, then any intermediate CA
 *     certificates; relative to the config file's directory
 * @param privateKey {@code key}: a PEM file with the server certificate's unencrypted private key in PKCS#8 ({@code
 *     BEGIN PRIVATE KEY}); relative to the config file's directory
 */
public record FlightTlsConfig(Path certificateChain, Path privateKey) {

    public FlightTlsConfig {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
