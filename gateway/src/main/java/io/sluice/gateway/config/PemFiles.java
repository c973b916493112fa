package io.sluice.gateway.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files a TLS server is configured with, so that a wrong file is a config error naming the key and file
 * rather than a TLS handshake failure at the first client. Uses only the JDK.
 */
final class PemFiles {

    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private PemFiles() {}

    /** The certificates in a PEM file, in file order; at least one. */
    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        byte[] pem = Files.readAllBytes(file);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate :
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in it");
        }
        return certificates;
    }

    /**
     * The unencrypted PKCS#8 private key in a PEM file, of the same algorithm as {@code publicKey}.
     *
     * @throws GeneralSecurityException with a message saying what is wrong, and how to convert a PKCS#1 key
     */
    static PrivateKey privateKey(Path file, PublicKey publicKey) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            String hint = pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")
                    ? "a PKCS#1/SEC1 key (convert it: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem)"
                    : pem.contains("BEGIN ENCRYPTED PRIVATE KEY")
                            ? "an encrypted key (keys must be unencrypted; protect the file's permissions instead)"
                            : "no BEGIN PRIVATE KEY block";
            throw new GeneralSecurityException(hint);
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
        return KeyFactory.getInstance(publicKey.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** Whether {@code privateKey} signs what {@code publicKey} verifies: the key belongs to the certificate. */
    static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        String algorithm =
                switch (publicKey.getAlgorithm()) {
                    case "RSA" -> "SHA256withRSA";
                    case "EC" -> "SHA256withECDSA";
                    default -> publicKey.getAlgorithm(); // Ed25519, Ed448, EdDSA
                };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        return verifier.verify(signature);
    }
}
