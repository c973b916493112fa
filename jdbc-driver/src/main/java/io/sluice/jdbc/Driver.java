package io.sluice.jdbc;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.SluiceRemoteMetaBridge;

/**
 * The Sluice JDBC driver: connects to a Sluice gateway over Avatica's remote protocol (HTTP with
 * protobuf messages), whose client it embeds.
 *
 * <h2>URLs</h2>
 *
 * <pre>jdbc:sluice://host[:port][/][?property=value[&amp;property=value...]]</pre>
 *
 * <p>The host is a name, an IPv4 address or an IPv6 address in brackets
 * ({@code jdbc:sluice://[::1]:8765}); the port defaults to 8765, the
 * gateway's JDBC port. The properties, in the query or in the {@link Properties} argument (which
 * wins), are those of {@link SluiceConnectionProperty}; see there for the rules of precedence,
 * encoding and validation. Example:
 * {@code jdbc:sluice://gateway.example.com:8765?user=alice&ssl=true&fetchSize=500}.
 *
 * <p>{@link #acceptsURL} answers by the prefix {@code jdbc:sluice:} alone, so that a malformed
 * Sluice URL reaches {@link #connect} and gets an error that says what is wrong with it, instead of
 * {@link DriverManager}'s "no suitable driver".
 *
 * <h2>Connecting</h2>
 *
 * <p>{@link #connect} translates the URL into Avatica's client settings ({@code url=http(s)://host:port},
 * {@code serialization=protobuf}, fetch size, timeouts, trust store) and opens an Avatica connection,
 * whose {@code OpenConnectionRequest} carries {@code user} and {@code password} (only those) for the
 * gateway to authenticate. It then returns an open {@link Connection}, or throws an
 * {@link SQLException}:
 *
 * <ul>
 *   <li>SQLSTATE {@code 08001} if the URL or a property is invalid — the message says what a
 *       correct URL looks like, or which properties exist, or what values a property takes — or if
 *       the gateway cannot be reached; the message names {@code host:port} and the cause;
 *   <li>the gateway's own SQLSTATE (e.g. {@code 28000} for bad credentials), or {@code 08004} if it
 *       gave none, if the gateway refused to open the connection.
 * </ul>
 *
 * <p>Secrets ({@code password}, {@code sslTrustStorePassword}) never appear in messages or in
 * {@link java.sql.DatabaseMetaData#getURL()}, which shows the URL without them.
 *
 * <h2>Statements</h2>
 *
 * <p>Statements start with the {@code fetchSize} property as their fetch size. Beyond Avatica, which
 * has neither, {@link java.sql.Statement#cancel()} asks the gateway to stop the running query
 * through the gateway's side channel ({@code POST /sluice/v1/cancel}, see
 * {@code HttpSideChannel}), and {@link java.sql.Statement#setQueryTimeout(int)} is enforced: when
 * an execution outlives it, the driver cancels the statement the same way and the execution throws
 * {@link java.sql.SQLTimeoutException} with SQLSTATE {@code HYT00}.
 *
 * <h2>Registration, version, logging</h2>
 *
 * <p>The driver registers itself with {@link DriverManager} when its class is loaded, and is listed
 * in {@code META-INF/services/java.sql.Driver}; Avatica's own driver is neither registered nor
 * loadable from the Sluice jar. {@link #getMajorVersion()} and {@link #getMinorVersion()} are the
 * first two numbers of the Maven project version; {@code DatabaseMetaData} reports the driver name
 * {@code Sluice JDBC Driver} with that version. The driver is not {@link #jdbcCompliant()}, like
 * the Avatica client it embeds. Avatica's logging is routed to {@link java.util.logging} under the
 * logger returned by {@link #getParentLogger()}, {@code io.sluice.jdbc}.
 *
 * <p>Instances are thread-safe; connections follow JDBC's usual rules.
 */
public final class Driver extends UnregisteredDriver {
    /** Classpath resource with the driver's name and version, filled in by the Maven build. */
    static final String VERSION_RESOURCE = "io/sluice/jdbc/sluice-jdbc.properties";

    /** SQLSTATE "SQL server rejected establishment of SQL connection". */
    private static final String CONNECTION_REJECTED = "08004";

    static {
        try {
            DriverManager.registerDriver(new Driver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Creates a driver; called by {@link java.util.ServiceLoader} and by tools that load drivers by class name. */
    public Driver() {
        super();
    }

    @Override
    protected String getConnectStringPrefix() {
        return SluiceUrl.PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return DriverVersion.load(
                Driver.class, VERSION_RESOURCE, "Sluice JDBC Driver", "unknown version", "Sluice", "unknown version");
    }

    @Override
    protected AvaticaFactory createFactory() {
        return new SluiceJdbcFactory();
    }

    /**
     * Returns whether the URL starts with {@code jdbc:sluice:}; whether the rest is valid is checked
     * by {@link #connect}.
     *
     * @throws SQLException if {@code url} is null
     */
    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("The JDBC URL is null; " + SluiceUrl.EXPECTED_FORM, SluiceUrl.UNABLE_TO_CONNECT);
        }
        return SluiceUrl.accepts(url);
    }

    /**
     * Opens a connection to the gateway named by the URL.
     *
     * @param url a {@code jdbc:sluice:} URL
     * @param info connection properties, which win over the same properties in the URL; may be null
     * @return the connection, or {@code null} if the URL is not a {@code jdbc:sluice:} URL
     * @throws SQLException as described in the class documentation
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        SluiceUrl parsed = SluiceUrl.parse(url, info == null ? new Properties() : info);
        AvaticaConnection connection;
        try {
            connection = factory.newConnection(this, factory, parsed.redactedUrl(), parsed.avaticaProperties());
            handler.onConnectionInit(connection);
            // What Avatica's remote.Driver.connect does, minus its client-side load balancing, and
            // sending the gateway only user and password rather than every client setting.
            connection.getService().apply(new Service.OpenConnectionRequest(connection.id, parsed.serverProperties()));
        } catch (RuntimeException e) {
            throw cannotConnect(parsed, e);
        }
        return connection;
    }

    /**
     * Creates the Avatica {@link Meta} of a new connection: a remote one that speaks protobuf over
     * HTTP to the gateway. Called by Avatica while it constructs the connection.
     */
    @Override
    public Meta createMeta(AvaticaConnection connection) {
        ConnectionConfig config = connection.config();
        URL url;
        try {
            url = new URI(config.url()).toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalArgumentException("Invalid gateway address " + config.url(), e);
        }
        AvaticaHttpClient httpClient = config.httpClientFactory().getClient(url, config, null);
        Service service = new RemoteProtobufService(httpClient, WireNameTranslation.create());
        connection.setService(service);
        return SluiceRemoteMetaBridge.newRemoteMeta(connection, service);
    }

    /**
     * Describes every {@link SluiceConnectionProperty}, with the value the URL and {@code info} give
     * it, else its default.
     */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties given = info == null ? new Properties() : info;
        SluiceUrl parsed = null;
        if (url != null && SluiceUrl.accepts(url)) {
            try {
                parsed = SluiceUrl.parse(url, given);
            } catch (SQLException e) {
                // Tools call this while the user is still typing the URL: describe the properties
                // from info alone; connect() reports what is wrong with the URL.
            }
        }
        SluiceUrl effective = parsed;
        return Arrays.stream(SluiceConnectionProperty.values())
                .map(property -> property.toDriverPropertyInfo(
                        effective != null ? effective.value(property) : given.getProperty(property.getName())))
                .toArray(DriverPropertyInfo[]::new);
    }

    /** Returns the parent of the driver's loggers, {@code io.sluice.jdbc}. */
    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.sluice.jdbc");
    }

    private static SQLException cannotConnect(SluiceUrl url, RuntimeException e) {
        if (e instanceof AvaticaClientRuntimeException) {
            AvaticaClientRuntimeException refused = (AvaticaClientRuntimeException) e;
            String sqlState = refused.getSqlState();
            return new SQLException(
                    "The Sluice gateway at " + url.hostAndPort() + " refused the connection: " + refused.getMessage(),
                    sqlState == null || sqlState.equals(Service.ErrorResponse.UNKNOWN_SQL_STATE)
                            ? CONNECTION_REJECTED
                            : sqlState,
                    refused.getErrorCode(),
                    e);
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String reason = cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getSimpleName();
        return new SQLException(
                "Could not connect to the Sluice gateway at " + url.hostAndPort() + " (" + url.gatewayUrl() + "): "
                        + reason,
                SluiceUrl.UNABLE_TO_CONNECT,
                e);
    }
}
