package io.sluice.gateway.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.sluice.gateway.config.SecurityConfig;
import io.sluice.gateway.config.UserConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.gateway.error.SluiceException;
import java.nio.charset.StandardCharsets;

/** Checks a user name and password against the bcrypt hashes in the config. */
public final class Authenticator {

    /** The user name of a session opened without credentials where anonymous access is allowed. */
    public static final String ANONYMOUS = "anonymous";

    private final SecurityConfig config;

    public Authenticator(SecurityConfig config) {
        this.config = config;
    }

    /**
     * Returns the authenticated user's name, or throws {@code AUTHENTICATION_FAILED} with the same message whether the
     * user is unknown or the password wrong (so that user names cannot be probed).
     */
    public String authenticate(String user, String password) {
        if (user == null || user.isEmpty()) {
            if (config.allowAnonymous()) {
                return ANONYMOUS;
            }
            throw new SluiceException(
                    ErrorCode.AUTHENTICATION_FAILED,
                    "This gateway requires a user name and password: add user=…&password=… to the JDBC URL or"
                            + " pass them as connection properties.");
        }
        UserConfig known = config.users().get(user);
        boolean verified = known != null
                && password != null
                && BCrypt.verifyer()
                        .verify(
                                password.getBytes(StandardCharsets.UTF_8),
                                known.passwordHash().getBytes(StandardCharsets.UTF_8))
                        .verified;
        if (!verified) {
            throw new SluiceException(
                    ErrorCode.AUTHENTICATION_FAILED, "Wrong user name or password for user '" + user + "'.");
        }
        return user;
    }

    /** A bcrypt hash of {@code password}, for the {@code password_hash} of a user in the config. */
    public static String hash(char[] password) {
        return BCrypt.withDefaults().hashToString(12, password);
    }
}
