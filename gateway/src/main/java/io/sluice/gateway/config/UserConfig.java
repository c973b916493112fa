package io.sluice.gateway.config;

import java.util.Objects;

/**
 * A user allowed to connect, known by a bcrypt hash of their password (never the password itself).
 *
 * @param name the user name clients log in with
 * @param passwordHash a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, 60 characters), as made by {@code
 *     sluice hash-password}
 */
public record UserConfig(String name, String passwordHash) {

    public UserConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** Masks the hash: a leaked hash can still be attacked offline. */
    @Override
    public String toString() {
        return "UserConfig[name=" + name + ", passwordHash=****]";
    }
}
