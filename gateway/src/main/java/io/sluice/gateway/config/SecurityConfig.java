package io.sluice.gateway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code security:} section: who may connect.
 *
 * @param allowAnonymous whether clients may connect without a user name; default {@value #DEFAULT_ALLOW_ANONYMOUS},
 *     and only allowed when the servers listen on a loopback address
 * @param users the users who may log in, by name, in file order; default none
 */
public record SecurityConfig(boolean allowAnonymous, Map<String, UserConfig> users) {

    public static final boolean DEFAULT_ALLOW_ANONYMOUS = false;

    public SecurityConfig {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(users, "users")));
    }

    /** No anonymous access and no users. */
    public static SecurityConfig defaults() {
        return new SecurityConfig(DEFAULT_ALLOW_ANONYMOUS, Map.of());
    }
}
