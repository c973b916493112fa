package io.sluice.gateway.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code security:} section into a {@link SecurityConfig}, refusing plain-text passwords. */
final class SecurityConfigReader {

    static final String HASH_EXPECTED =
            "a bcrypt hash ($2a$, $2b$ or $2y$ prefix, 60 characters); make one with `sluice hash-password`";

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "::1", "[::1]", "localhost");
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private SecurityConfigReader() {}

    static SecurityConfig read(YamlConfigSection root, ServerConfig server) {
        Optional<YamlConfigSection> section = root.child("security");
        if (section.isEmpty()) {
            return SecurityConfig.defaults();
        }
        YamlConfigSection security = section.get();
        boolean anonymous = security.bool("allow_anonymous").orElse(SecurityConfig.DEFAULT_ALLOW_ANONYMOUS);
        if (anonymous) {
            // Anonymous access is for a developer's own machine; both query servers must stay off the network.
            checkLoopback(security, "server.jdbc.host", server.jdbc().host());
            checkLoopback(security, "server.flight.host", server.flight().host());
        }
        Map<String, UserConfig> users = new LinkedHashMap<>();
        security.child("users").ifPresent(usersSection -> {
            for (String name : usersSection.keys()) {
                user(usersSection, name).ifPresent(user -> users.put(name, user));
            }
        });
        return new SecurityConfig(anonymous, users);
    }

    static boolean isLoopback(String host) {
        return LOOPBACK_HOSTS.contains(host) || LOOPBACK_IPV4.matcher(host).matches();
    }

    private static void checkLoopback(YamlConfigSection security, String hostKey, String host) {
        if (!isLoopback(host)) {
            security.error(
                    "allow_anonymous",
                    "false while " + hostKey + " is " + YamlConfigSection.quote(host)
                            + " (anonymous access is only allowed on a loopback address: 127.0.0.1, ::1 or localhost;"
                            + " add users instead)",
                    "true");
        }
    }

    private static Optional<UserConfig> user(YamlConfigSection users, String name) {
        Optional<YamlConfigSection> section = users.requiredChild(name, "a mapping with password_hash");
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlConfigSection user = section.get();
        if (user.has("password")) {
            user.error(
                    "password",
                    "password_hash with " + HASH_EXPECTED + " instead",
                    "a plain-text password, which is never accepted");
            return Optional.empty();
        }
        Optional<String> hash = user.requiredString("password_hash", HASH_EXPECTED);
        if (hash.isPresent() && !BCRYPT.matcher(hash.get()).matches()) {
            String got =
                    hash.get().startsWith("$2") ? "a malformed bcrypt hash" : "what looks like a plain-text password";
            user.error("password_hash", HASH_EXPECTED, got + " (not shown)");
            return Optional.empty();
        }
        return hash.map(value -> new UserConfig(name, value));
    }
}
