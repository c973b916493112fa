package io.sluice.gateway.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA and a server certificate for {@code localhost} and {@code 127.0.0.1} signed by it, made when a test
 * asks, in a temporary directory: the PEM chain and PKCS#8 key the gateway is configured with, the CA in PEM and in a
 * PKCS#12 trust store for clients.
 *
 * <p>Generated at test time rather than committed: {@code keytool} comes with every JDK (the build needs one anyway),
 * while the {@code openssl} command is not on every fresh Debian machine (slim images lack it); nothing expires in
 * the repository, and no private key is committed for secret scanners to flag. keytool cannot write a key as PEM, so
 * the key is taken from its PKCS#12 store with the JDK's {@link KeyStore}. Costs about 2 s (five short JVMs).
 */
public final class TestingCertificates {

    /** The password of every store made here (test-only). */
    public static final String STORE_PASSWORD = "test-only-store";

    private final Path directory;

    private TestingCertificates(Path directory) {
        this.directory = directory;
    }

    /** Makes a new CA and server certificate, valid for two days. */
    public static TestingCertificates create() throws IOException, InterruptedException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("sluice-tls");
        keytool(
                dir,
                "-genkeypair",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-dname",
                "CN=Sluice Test CA",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-ext",
                "bc:c",
                "-validity",
                "2");
        keytool(
                dir,
                "-genkeypair",
                "-alias",
                "server",
                "-keystore",
                "server.p12",
                "-dname",
                "CN=localhost",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2");
        keytool(dir, "-certreq", "-alias", "server", "-keystore", "server.p12", "-file", "server.csr");
        keytool(
                dir,
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                "ca.p12",
                "-infile",
                "server.csr",
                "-outfile",
                "server.crt",
                "-rfc",
                "-validity",
                "2",
                "-ext",
                "san=dns:localhost,ip:127.0.0.1",
                "-ext",
                "eku=serverAuth",
                "-ext",
                "ku:c=digitalSignature");
        keytool(dir, "-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.crt");
        TestingCertificates certificates = new TestingCertificates(dir);
        Files.writeString(
                certificates.serverChain(),
                Files.readString(dir.resolve("server.crt")) + Files.readString(certificates.caCertificate()));
        certificates.writeServerKey();
        certificates.writeTrustStore();
        return certificates;
    }

    /** The server certificate, then the CA's, in PEM. */
    public Path serverChain() {
        return directory.resolve("server-chain.pem");
    }

    /** The server's private key, PKCS#8 PEM. */
    public Path serverKey() {
        return directory.resolve("server-key.pem");
    }

    /** The CA certificate, PEM: what a client trusts. */
    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    /** A PKCS#12 trust store holding only the CA certificate, password {@link #STORE_PASSWORD}. */
    public Path trustStore() {
        return directory.resolve("trust.p12");
    }

    private void writeServerKey() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(directory.resolve("server.p12"))) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Key key = store.getKey("server", STORE_PASSWORD.toCharArray());
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()); // PKCS#8 for private keys
        Files.writeString(serverKey(), "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    }

    private void writeTrustStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate ca;
        try (var in = Files.newInputStream(caCertificate())) {
            ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        store.setCertificateEntry("sluice-test-ca", ca);
        try (OutputStream out = Files.newOutputStream(trustStore())) {
            store.store(out, STORE_PASSWORD.toCharArray());
        }
    }

    private static void keytool(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed:\n" + output);
        }
    }
}
