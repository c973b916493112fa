package io.sluice.jdbc;

import static io.sluice.jdbc.SluiceConnectionProperty.CONNECT_TIMEOUT;
import static io.sluice.jdbc.SluiceConnectionProperty.FETCH_SIZE;
import static io.sluice.jdbc.SluiceConnectionProperty.PASSWORD;
import static io.sluice.jdbc.SluiceConnectionProperty.RESPONSE_TIMEOUT;
import static io.sluice.jdbc.SluiceConnectionProperty.SSL;
import static io.sluice.jdbc.SluiceConnectionProperty.SSL_TRUST_STORE;
import static io.sluice.jdbc.SluiceConnectionProperty.SSL_TRUST_STORE_PASSWORD;
import static io.sluice.jdbc.SluiceConnectionProperty.USER;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code jdbc:sluice:} URL merged with the caller's {@link Properties}: the gateway's host and
 * port and the effective value of each {@link SluiceConnectionProperty}.
 */
final class SluiceUrl {
    static final String PREFIX = "jdbc:sluice:";
    static final int DEFAULT_PORT = 8765;

    /** SQLSTATE "SQL client unable to establish SQL connection". */
    static final String UNABLE_TO_CONNECT = "08001";

    static final String EXPECTED_FORM = "expected jdbc:sluice://host[:port][?property=value[&property=value...]]"
            + " (default port " + DEFAULT_PORT + "), for example jdbc:sluice://localhost:8765?user=alice&ssl=true";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Pattern SECRET_IN_QUERY = Pattern.compile("([?&](?:"
            + Arrays.stream(SluiceConnectionProperty.values())
                    .filter(SluiceConnectionProperty::isSecret)
                    .map(p -> Pattern.quote(p.getName()))
                    .collect(Collectors.joining("|"))
            + ")=)[^&]*");

    private final String host;
    private final int port;
    private final Map<SluiceConnectionProperty, String> fromUrl;
    private final Map<SluiceConnectionProperty, String> given;

    private SluiceUrl(
            String host,
            int port,
            Map<SluiceConnectionProperty, String> fromUrl,
            Map<SluiceConnectionProperty, String> given) {
        this.host = host;
        this.port = port;
        this.fromUrl = fromUrl;
        this.given = given;
    }

    /** Returns whether the URL is one for this driver, judged by its prefix alone. */
    static boolean accepts(String url) {
        return url.startsWith(PREFIX);
    }

    /**
     * Parses a URL and merges the caller's properties into it; a property in {@code info} wins over
     * the same property in the URL.
     *
     * @param url a URL starting with {@link #PREFIX}
     * @param info the caller's properties; keys that are not Sluice properties are ignored
     * @throws SQLException with SQLSTATE 08001 if the URL or a property value is invalid
     */
    static SluiceUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw invalidUrl(url, "it does not start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        if (!rest.startsWith("//")) {
            throw invalidUrl(url, "'//' and the host must follow " + PREFIX);
        }
        rest = rest.substring(2);
        int question = rest.indexOf('?');
        String authorityAndPath = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? "" : rest.substring(question + 1);
        int slash = authorityAndPath.indexOf('/');
        String authority = slash < 0 ? authorityAndPath : authorityAndPath.substring(0, slash);
        String path = slash < 0 ? "" : authorityAndPath.substring(slash);
        if (!path.isEmpty() && !path.equals("/")) {
            throw invalidUrl(
                    url,
                    "a path ('" + path + "') is not supported: one gateway endpoint serves all sources,"
                            + " and queries name tables as source.schema.table");
        }
        if (authority.contains("@")) {
            throw invalidUrl(
                    url,
                    "user information before the host is not supported; give user and password as"
                            + " properties (?user=...&password=...)");
        }

        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalidUrl(url, "the IPv6 address lacks its closing ']'");
            }
            host = authority.substring(1, close);
            String afterHost = authority.substring(close + 1);
            if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                throw invalidUrl(url, "expected ':port' or nothing after ']', found '" + afterHost + "'");
            }
            portText = afterHost.isEmpty() ? null : afterHost.substring(1);
            if (!IPV6_ADDRESS.matcher(host).matches()) {
                throw invalidUrl(url, "'" + host + "' is not a valid IPv6 address");
            }
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                throw invalidUrl(url, "an IPv6 address must be enclosed in brackets, as in jdbc:sluice://[::1]:8765");
            }
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
            if (!host.isEmpty() && !HOST_NAME.matcher(host).matches()) {
                throw invalidUrl(url, "'" + host + "' is not a valid host name or address");
            }
        }
        if (host.isEmpty()) {
            throw invalidUrl(url, "the host is missing");
        }
        int port = portText == null ? DEFAULT_PORT : parsePort(url, portText);

        Map<SluiceConnectionProperty, String> fromUrl = parseQuery(url, query);
        Map<SluiceConnectionProperty, String> given = new EnumMap<>(SluiceConnectionProperty.class);
        given.putAll(fromUrl);
        for (SluiceConnectionProperty property : SluiceConnectionProperty.values()) {
            String value = info.getProperty(property.getName());
            if (value != null) {
                given.put(property, value);
            }
        }
        for (Map.Entry<SluiceConnectionProperty, String> entry : given.entrySet()) {
            boolean inUrl = info.getProperty(entry.getKey().getName()) == null;
            checkValue(entry.getKey(), entry.getValue(), inUrl);
        }
        SluiceUrl parsed = new SluiceUrl(host, port, Collections.unmodifiableMap(fromUrl), given);
        if (given.containsKey(SSL_TRUST_STORE) && !parsed.ssl()) {
            throw new SQLException(
                    "Property sslTrustStore is given but ssl is not true: add ssl=true to use the trust store"
                            + " (without it, the connection and the password would travel unencrypted).",
                    UNABLE_TO_CONNECT);
        }
        return parsed;
    }

    private static int parsePort(String url, String text) throws SQLException {
        if (text.isEmpty()) {
            throw invalidUrl(url, "the port after ':' is missing");
        }
        int port = PORT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (port < 1 || port > 65535) {
            throw invalidUrl(url, "'" + text + "' is not a valid port: expected a number from 1 to 65535");
        }
        return port;
    }

    private static Map<SluiceConnectionProperty, String> parseQuery(String url, String query) throws SQLException {
        Map<SluiceConnectionProperty, String> values = new EnumMap<>(SluiceConnectionProperty.class);
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(url, equals < 0 ? pair : pair.substring(0, equals), "a property name");
            SluiceConnectionProperty property = SluiceConnectionProperty.forName(name)
                    .orElseThrow(() -> invalidUrl(url, unknownPropertyProblem(name)));
            if (equals < 0) {
                throw invalidUrl(url, "property '" + name + "' has no value: write " + name + "=value");
            }
            String value = decode(url, pair.substring(equals + 1), "the value of property '" + name + "'");
            if (values.put(property, value) != null) {
                throw invalidUrl(url, "property '" + name + "' is given more than once");
            }
        }
        return values;
    }

    private static String unknownPropertyProblem(String name) {
        String suggestion = Arrays.stream(SluiceConnectionProperty.values())
                .map(SluiceConnectionProperty::getName)
                .filter(known -> known.equalsIgnoreCase(name))
                .findFirst()
                .map(known -> " (did you mean " + known + "?)")
                .orElse("");
        return "unknown property '" + name + "'" + suggestion + "; the known properties are "
                + SluiceConnectionProperty.allNames();
    }

    private static String decode(String url, String text, String what) throws SQLException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidUrl(url, "bad percent-encoding in " + what);
        }
    }

    private static void checkValue(SluiceConnectionProperty property, String value, boolean inUrl) throws SQLException {
        String problem = property.problemWith(value);
        if (problem != null) {
            throw new SQLException(
                    "Invalid value " + (property.isSecret() ? "" : "'" + value + "' ") + "for connection property "
                            + property.getName() + (inUrl ? " in the URL" : " in the connection properties") + ": "
                            + problem + ". " + property.getName() + ": " + property.getDescription(),
                    UNABLE_TO_CONNECT);
        }
    }

    private static SQLException invalidUrl(String url, String problem) {
        return new SQLException(
                "Invalid Sluice JDBC URL '" + redact(url) + "': " + problem + "; " + EXPECTED_FORM + ".",
                UNABLE_TO_CONNECT);
    }

    /** Returns the URL with the values of secret properties in its query replaced by {@code ***}. */
    static String redact(String url) {
        return SECRET_IN_QUERY.matcher(url).replaceAll("$1***");
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** Returns {@code host:port}, with an IPv6 host in brackets. */
    String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** Returns the effective value of a property: the given one, else the default (maybe null). */
    String value(SluiceConnectionProperty property) {
        return given.getOrDefault(property, property.getDefaultValue());
    }

    boolean ssl() {
        return SluiceConnectionProperty.parseBoolean(value(SSL));
    }

    int fetchSize() {
        return SluiceConnectionProperty.parseInt(value(FETCH_SIZE));
    }

    /** Returns the address of the gateway's HTTP endpoint, {@code http(s)://host:port}. */
    String gatewayUrl() {
        return (ssl() ? "https" : "http") + "://" + hostAndPort();
    }

    /**
     * Returns this URL without secrets, as {@link java.sql.DatabaseMetaData#getURL()} shows it: host
     * and port, then the non-secret properties that were given in the URL.
     */
    String redactedUrl() {
        String query = fromUrl.entrySet().stream()
                .filter(entry -> !entry.getKey().isSecret())
                .map(entry ->
                        entry.getKey().getName() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return PREFIX + "//" + hostAndPort() + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * Returns the properties for Avatica's remote client ({@code BuiltInConnectionProperty} names):
     * the endpoint, PROTOBUF serialization, fetch size, timeouts, TLS trust, and the user and
     * password for the gateway.
     */
    Properties avaticaProperties() {
        Properties properties = new Properties();
        properties.setProperty("url", gatewayUrl());
        properties.setProperty("serialization", "protobuf");
        properties.setProperty("fetch_size", Integer.toString(fetchSize()));
        properties.setProperty("http_connection_timeout", millis(CONNECT_TIMEOUT));
        properties.setProperty("http_response_timeout", millis(RESPONSE_TIMEOUT));
        if (value(SSL_TRUST_STORE) != null) {
            properties.setProperty("truststore", value(SSL_TRUST_STORE));
            String password = value(SSL_TRUST_STORE_PASSWORD);
            properties.setProperty("truststore_password", password == null ? "" : password);
        }
        serverProperties().forEach(properties::setProperty);
        return properties;
    }

    /**
     * Returns what the gateway receives when the connection opens (Avatica's
     * {@code OpenConnectionRequest.info}): {@code user} and {@code password}, when given.
     */
    Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (SluiceConnectionProperty property : new SluiceConnectionProperty[] {USER, PASSWORD}) {
            String value = value(property);
            if (value != null) {
                properties.put(property.getName(), value);
            }
        }
        return properties;
    }

    private String millis(SluiceConnectionProperty seconds) {
        return Long.toString(SluiceConnectionProperty.parseInt(value(seconds)) * 1000L);
    }
}
