package io.sluice.adapters.testing;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/** Where a test server listens, read from system properties or the environment {@code scripts/test} exports. */
record TestingServerEndpoint(String server, String jdbcUrl, String user, String password, Path logFile) {

    private static final Pattern URL_DATABASE = Pattern.compile("^(jdbc:[a-z]+://[^/?]*/)([^?]*)(.*)$");
    private static final Pattern NAME_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    /**
     * Reads {@code SLUICE_TEST_<KIND>_URL}, {@code _USER}, {@code _PASSWORD} and {@code _LOG}, each overridden by the
     * system property of the same name lower-cased and dotted ({@code sluice.test.<kind>.url}).
     *
     * @param kind the middle part of the variable names, {@code POSTGRES} or {@code MYSQL}
     * @param server the server's name for messages
     */
    static TestingServerEndpoint fromEnvironment(String kind, String server) {
        String url = setting(kind, "URL");
        if (url == null) {
            throw unavailable(server + " test server is not configured (" + variable(kind, "URL") + " / -D"
                    + property(kind, "URL") + " is not set)");
        }
        String user = setting(kind, "USER");
        String password = setting(kind, "PASSWORD");
        String log = setting(kind, "LOG");
        return new TestingServerEndpoint(
                server,
                url,
                user == null ? "sluice" : user,
                password == null ? "sluice" : password,
                log == null ? null : Path.of(log));
    }

    /**
     * Skips the calling test locally, or fails it under {@code CI=true}, where every test must run.
     *
     * @return never returns normally
     */
    static RuntimeException unavailable(String reason) {
        String message = reason + ": run the tests with scripts/test, which starts the servers";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (under CI=true, tests may not be skipped)");
        }
        return Assumptions.abort(message + "; skipping");
    }

    /** The log file, or a skip/failure as for a missing server when the environment does not name one. */
    Path requireLogFile(String kind) {
        if (logFile == null) {
            throw unavailable(server + " log file is not configured (" + variable(kind, "LOG") + " / -D"
                    + property(kind, "LOG") + " is not set)");
        }
        return logFile;
    }

    /** This endpoint's JDBC URL with the database part replaced, keeping any parameters. */
    String jdbcUrl(String database) {
        Matcher matcher = URL_DATABASE.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalStateException("Cannot replace the database in " + server + " JDBC URL " + jdbcUrl
                    + " (expected jdbc:x://host/db)");
        }
        return matcher.group(1) + database + matcher.group(3);
    }

    /** A fresh identifier {@code <prefix>_<random>} that no other test uses, valid unquoted in both servers. */
    static String uniqueName(String prefix) {
        if (!NAME_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "Name prefix '" + prefix + "' must be lower case letters, digits and _, starting with a letter");
        }
        long random = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36);
        return prefix + "_" + Long.toString(random, 36);
    }

    private static String setting(String kind, String key) {
        String value = System.getProperty(property(kind, key));
        if (value == null || value.isBlank()) {
            value = System.getenv(variable(kind, key));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static String variable(String kind, String key) {
        return "SLUICE_TEST_" + kind + "_" + key;
    }

    private static String property(String kind, String key) {
        return variable(kind, key).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    @Override
    public String toString() {
        // No password: the endpoint may end up in assertion messages.
        return server + " at " + jdbcUrl + " as " + user;
    }
}
