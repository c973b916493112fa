package io.sluice.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The connection properties understood by {@link Driver}: each with its name, default value,
 * description and whether it is required.
 *
 * <p>A property can be given in the query of the URL
 * ({@code jdbc:sluice://gateway.example.com:8765?user=alice&fetchSize=500}) or in the
 * {@link java.util.Properties} passed to {@link Driver#connect}. When both give the same property,
 * the {@code Properties} value wins, so that a tool's login dialog overrides what a shared URL
 * says. Names are case-sensitive. In the URL, values are percent-decoded as in an HTML form
 * ({@code %26} for {@code &}, {@code %2B} for {@code +}; a bare {@code +} means a space), an
 * unknown name is an error, and a name may appear only once. Keys of the {@code Properties} that
 * are not listed here are ignored, because {@link java.sql.DriverManager}, connection pools and
 * BI tools put keys of their own there.
 *
 * <p>Values are checked when the connection is opened: booleans must be {@code true} or
 * {@code false} (any case), numbers must be decimal integers in the stated range. A value that
 * does not pass fails {@link Driver#connect} with SQLSTATE {@code 08001}; the message names the
 * property and, unless the property is secret, the value.
 *
 * <p>None of the properties is required by the driver; whether the gateway accepts a connection
 * without {@link #USER} depends on how it is configured.
 */
public enum SluiceConnectionProperty {
    /**
     * Name of the gateway user. Sent to the gateway when the connection opens (Avatica's
     * {@code OpenConnectionRequest}); the gateway authenticates it together with
     * {@link #PASSWORD}. Also what {@link java.sql.DatabaseMetaData#getUserName()} returns.
     */
    USER("user", null, Type.STRING, "Gateway user name; the gateway authenticates it when the connection opens."),

    /** Password of {@link #USER}; sent to the gateway when the connection opens, never logged. */
    PASSWORD("password", null, Type.SECRET, "Password of the gateway user."),

    /**
     * Whether to talk to the gateway over HTTPS ({@code true}) or plain HTTP ({@code false}).
     * With HTTPS the gateway's certificate is checked against {@link #SSL_TRUST_STORE} if given,
     * else against the JVM's default trust store, and its host name must match.
     */
    SSL("ssl", "false", Type.BOOLEAN, "Connect over HTTPS (true) or plain HTTP (false)."),

    /**
     * Path of a trust store file (PKCS12 or JKS) holding the certificates to trust for the
     * gateway, e.g. a self-signed one. Used only with {@link #SSL}.
     */
    SSL_TRUST_STORE(
            "sslTrustStore",
            null,
            Type.STRING,
            "Path of a PKCS12 or JKS trust store with the certificates to trust for the gateway; "
                    + "default: the JVM's trust store. Used only with ssl=true."),

    /** Password of {@link #SSL_TRUST_STORE}; empty if not given. */
    SSL_TRUST_STORE_PASSWORD("sslTrustStorePassword", null, Type.SECRET, "Password of the trust store."),

    /**
     * Default fetch size of the connection's statements, a positive number of rows:
     * {@link java.sql.Statement#getFetchSize()} starts at this value, and the driver asks the
     * gateway for the rows after the first frame in frames of this many rows.
     * {@link java.sql.Statement#setFetchSize(int)} overrides it per statement. The size of the first
     * frame, which comes back with the execute call, is chosen by the gateway.
     */
    FETCH_SIZE(
            "fetchSize",
            "100",
            Type.POSITIVE_INTEGER,
            "Rows per frame fetched from the gateway; default fetch size of statements."),

    /** Seconds to wait for a TCP connection to the gateway; {@code 0} waits without limit. */
    CONNECT_TIMEOUT(
            "connectTimeout",
            "10",
            Type.NON_NEGATIVE_INTEGER,
            "Seconds to wait for a network connection to the gateway; 0 waits without limit."),

    /**
     * Seconds to wait for the gateway to answer one request; {@code 0} (the default) waits without
     * limit. A query's execute request is answered only when the query has produced its first rows,
     * so a limit here cuts off slow queries without cancelling them on the gateway: bound queries
     * with {@link java.sql.Statement#setQueryTimeout(int)} instead.
     */
    RESPONSE_TIMEOUT(
            "responseTimeout",
            "0",
            Type.NON_NEGATIVE_INTEGER,
            "Seconds to wait for the gateway to answer one request; 0 waits without limit. "
                    + "Bound queries with Statement.setQueryTimeout instead.");

    private final String name;
    private final String defaultValue;
    private final Type type;
    private final String description;

    SluiceConnectionProperty(String name, String defaultValue, Type type, String description) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.type = type;
        this.description = description;
    }

    /** Returns the name of the property as written in URLs and {@code Properties}. */
    public String getName() {
        return name;
    }

    /** Returns the value used when the property is not given, or {@code null} if there is none. */
    public String getDefaultValue() {
        return defaultValue;
    }

    /** Returns whether a connection cannot be opened without this property; false for all today. */
    public boolean isRequired() {
        return false;
    }

    /** Returns a one-sentence description of the property, as shown by tools. */
    public String getDescription() {
        return description;
    }

    /** Returns the values the property accepts, or {@code null} if it takes free-form values. */
    public String[] getChoices() {
        return type == Type.BOOLEAN ? new String[] {"true", "false"} : null;
    }

    /**
     * Returns the property with the given name.
     *
     * @param name a property name, case-sensitive
     * @return the property, or empty if no property has that name
     */
    public static Optional<SluiceConnectionProperty> forName(String name) {
        for (SluiceConnectionProperty property : values()) {
            if (property.name.equals(name)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /**
     * Describes this property for {@link java.sql.Driver#getPropertyInfo}.
     *
     * @param value the value the caller has given so far, or {@code null} to show the default
     * @return a new description object
     */
    public DriverPropertyInfo toDriverPropertyInfo(String value) {
        DriverPropertyInfo info = new DriverPropertyInfo(name, value != null ? value : defaultValue);
        info.description = description;
        info.required = isRequired();
        info.choices = getChoices();
        return info;
    }

    /** Returns whether values of this property must not appear in messages, logs or URLs. */
    boolean isSecret() {
        return type == Type.SECRET;
    }

    /**
     * Checks a value of this property.
     *
     * @return what the value should have looked like, or {@code null} if it is valid
     */
    String problemWith(String value) {
        return type.problemWith(value);
    }

    /** Reads a valid value of a boolean property. */
    static boolean parseBoolean(String value) {
        return Boolean.parseBoolean(value.trim());
    }

    /** Reads a valid value of an integer property. */
    static int parseInt(String value) {
        return Integer.parseInt(value.trim());
    }

    /** Returns all property names, comma-separated, for messages. */
    static String allNames() {
        return Arrays.stream(values()).map(SluiceConnectionProperty::getName).collect(Collectors.joining(", "));
    }

    /** The kinds of values properties take. */
    private enum Type {
        STRING,
        SECRET,
        BOOLEAN,
        POSITIVE_INTEGER,
        NON_NEGATIVE_INTEGER;

        String problemWith(String value) {
            switch (this) {
                case BOOLEAN:
                    String lower = value.trim().toLowerCase(Locale.ROOT);
                    return lower.equals("true") || lower.equals("false") ? null : "expected true or false";
                case POSITIVE_INTEGER:
                    return integerAtLeast(value, 1) ? null : "expected a whole number of at least 1";
                case NON_NEGATIVE_INTEGER:
                    return integerAtLeast(value, 0) ? null : "expected a whole number of at least 0";
                default:
                    return null;
            }
        }

        private static boolean integerAtLeast(String value, int minimum) {
            try {
                return Integer.parseInt(value.trim()) >= minimum;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
