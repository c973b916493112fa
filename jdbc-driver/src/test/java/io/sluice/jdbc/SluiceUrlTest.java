package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SluiceUrlTest {
    private static final String EXPECTED_FORM_EXCERPT = "expected jdbc:sluice://host[:port][?property=value";

    private static SluiceUrl parse(String url) throws SQLException {
        return SluiceUrl.parse(url, new Properties());
    }

    private static Properties properties(String... namesAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.setProperty(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void parse_hostOnly_usesDefaultPortAndDefaults() throws SQLException {
        SluiceUrl url = parse("jdbc:sluice://gateway.example.com");

        assertThat(url.host()).isEqualTo("gateway.example.com");
        assertThat(url.port()).isEqualTo(8765);
        assertThat(url.ssl()).isFalse();
        assertThat(url.fetchSize()).isEqualTo(100);
        assertThat(url.value(SluiceConnectionProperty.USER)).isNull();
        assertThat(url.gatewayUrl()).isEqualTo("http://gateway.example.com:8765");
    }

    @Test
    void parse_hostPortAndQuery() throws SQLException {
        SluiceUrl url = parse("jdbc:sluice://10.0.0.7:9000/?user=alice&password=s3cret&fetchSize=500&ssl=TRUE");

        assertThat(url.host()).isEqualTo("10.0.0.7");
        assertThat(url.port()).isEqualTo(9000);
        assertThat(url.value(SluiceConnectionProperty.USER)).isEqualTo("alice");
        assertThat(url.value(SluiceConnectionProperty.PASSWORD)).isEqualTo("s3cret");
        assertThat(url.fetchSize()).isEqualTo(500);
        assertThat(url.ssl()).isTrue();
        assertThat(url.gatewayUrl()).isEqualTo("https://10.0.0.7:9000");
    }

    @Test
    void parse_bracketedIpv6() throws SQLException {
        SluiceUrl url = parse("jdbc:sluice://[::1]:8800");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(8800);
        assertThat(url.hostAndPort()).isEqualTo("[::1]:8800");
        assertThat(url.gatewayUrl()).isEqualTo("http://[::1]:8800");
    }

    @Test
    void parse_percentEncodedValues() throws SQLException {
        SluiceUrl url = parse("jdbc:sluice://h?user=J%C3%BCrgen&password=a%26b%3Dc%2Bd");

        assertThat(url.value(SluiceConnectionProperty.USER)).isEqualTo("Jürgen");
        assertThat(url.value(SluiceConnectionProperty.PASSWORD)).isEqualTo("a&b=c+d");
    }

    @Test
    void parse_propertiesWinOverUrl() throws SQLException {
        SluiceUrl url = SluiceUrl.parse(
                "jdbc:sluice://h?user=fromUrl&fetchSize=10&ssl=true",
                properties("user", "fromProperties", "fetchSize", "20"));

        assertThat(url.value(SluiceConnectionProperty.USER)).isEqualTo("fromProperties");
        assertThat(url.fetchSize()).isEqualTo(20);
        assertThat(url.ssl()).isTrue(); // only in the URL
    }

    @Test
    void parse_unknownKeysInProperties_areIgnored() throws SQLException {
        SluiceUrl url = SluiceUrl.parse("jdbc:sluice://h", properties("ApplicationName", "DBeaver", "user", "bob"));

        assertThat(url.value(SluiceConnectionProperty.USER)).isEqualTo("bob");
    }

    @Test
    void parse_missingHost() {
        assertInvalidUrl("jdbc:sluice://:8765", "the host is missing");
        assertInvalidUrl("jdbc:sluice://", "the host is missing");
        assertInvalidUrl("jdbc:sluice://?user=a", "the host is missing");
    }

    @Test
    void parse_missingSlashes() {
        assertInvalidUrl("jdbc:sluice:localhost:8765", "'//' and the host must follow jdbc:sluice:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "65536", "-1", "80a"})
    void parse_badPort(String port) {
        assertInvalidUrl(
                "jdbc:sluice://h:" + port, "'" + port + "' is not a valid port: expected a number from 1 to 65535");
    }

    @Test
    void parse_emptyPort() {
        assertInvalidUrl("jdbc:sluice://h:", "the port after ':' is missing");
    }

    @Test
    void parse_unbracketedIpv6() {
        assertInvalidUrl("jdbc:sluice://::1:8765", "an IPv6 address must be enclosed in brackets");
    }

    @Test
    void parse_invalidHost() {
        assertInvalidUrl("jdbc:sluice://bad host", "'bad host' is not a valid host name or address");
    }

    @Test
    void parse_path() {
        assertInvalidUrl("jdbc:sluice://h:8765/shop", "a path ('/shop') is not supported");
    }

    @Test
    void parse_userInfo() {
        assertInvalidUrl("jdbc:sluice://alice@h", "user information before the host is not supported");
    }

    @Test
    void parse_unknownProperty_listsKnownOnesAndSuggests() {
        assertInvalidUrl(
                "jdbc:sluice://h?fetchsize=10",
                "unknown property 'fetchsize' (did you mean fetchSize?); the known properties are user, password,"
                        + " ssl, sslTrustStore, sslTrustStorePassword, fetchSize, connectTimeout, responseTimeout");
        assertInvalidUrl("jdbc:sluice://h?database=shop", "unknown property 'database'; the known properties are");
    }

    @Test
    void parse_duplicateProperty() {
        assertInvalidUrl("jdbc:sluice://h?user=a&user=b", "property 'user' is given more than once");
    }

    @Test
    void parse_propertyWithoutValue() {
        assertInvalidUrl("jdbc:sluice://h?ssl", "property 'ssl' has no value: write ssl=value");
    }

    @Test
    void parse_badPercentEncoding_doesNotShowSecret() {
        assertThatThrownBy(() -> parse("jdbc:sluice://h?password=abc%zz"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("bad percent-encoding in the value of property 'password'")
                .hasMessageNotContaining("abc");
    }

    @Test
    void parse_invalidUrl_redactsSecrets() {
        assertThatThrownBy(() -> parse("jdbc:sluice://h:99999?user=alice&password=topsecret"))
                .hasMessageContaining("jdbc:sluice://h:99999?user=alice&password=***")
                .hasMessageNotContaining("topsecret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "ten", "1.5", ""})
    void parse_badFetchSizeInUrl(String fetchSize) {
        assertThatThrownBy(() -> parse("jdbc:sluice://h?fetchSize=" + fetchSize))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessageStartingWith(
                        "Invalid value '" + fetchSize + "' for connection property fetchSize in the URL:"
                                + " expected a whole number of at least 1.");
    }

    @Test
    void parse_badBooleanInProperties() {
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h?ssl=true", properties("ssl", "yes")))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessageStartingWith(
                        "Invalid value 'yes' for connection property ssl in the connection properties: expected"
                                + " true or false.");
    }

    @Test
    void parse_negativeTimeout() {
        assertThatThrownBy(() -> SluiceUrl.parse("jdbc:sluice://h", properties("connectTimeout", "-1")))
                .hasMessageContaining("connectTimeout")
                .hasMessageContaining("expected a whole number of at least 0");
    }

    @Test
    void parse_trustStoreWithoutSsl() {
        assertThatThrownBy(() -> parse("jdbc:sluice://h?sslTrustStore=/tmp/gateway.p12"))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessageContaining("sslTrustStore is given but ssl is not true");
    }

    @Test
    void avaticaProperties_translateToAvaticaClientSettings() throws SQLException {
        SluiceUrl url = SluiceUrl.parse(
                "jdbc:sluice://h:9000?ssl=true&sslTrustStore=/etc/gateway.p12&fetchSize=250&connectTimeout=3",
                properties("user", "alice", "password", "pw", "sslTrustStorePassword", "tspw"));

        assertThat(url.avaticaProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "url", "https://h:9000",
                        "serialization", "protobuf",
                        "fetch_size", "250",
                        "http_connection_timeout", "3000",
                        "http_response_timeout", "0",
                        "truststore", "/etc/gateway.p12",
                        "truststore_password", "tspw",
                        "user", "alice",
                        "password", "pw"));
    }

    @Test
    void serverProperties_areUserAndPasswordOnly() throws SQLException {
        SluiceUrl url = SluiceUrl.parse("jdbc:sluice://h?fetchSize=5&user=alice", properties("password", "pw"));

        assertThat(url.serverProperties()).containsExactly(Map.entry("user", "alice"), Map.entry("password", "pw"));
        assertThat(parse("jdbc:sluice://h").serverProperties()).isEmpty();
    }

    @Test
    void redactedUrl_keepsNonSecretUrlPropertiesOnly() throws SQLException {
        SluiceUrl url = SluiceUrl.parse(
                "jdbc:sluice://h?password=pw&user=J%C3%BCrgen&fetchSize=50", properties("ssl", "false"));

        assertThat(url.redactedUrl()).isEqualTo("jdbc:sluice://h:8765?user=J%C3%BCrgen&fetchSize=50");
    }

    @Test
    void redact_replacesSecretValues() {
        assertThat(SluiceUrl.redact("jdbc:sluice://h?password=a&user=b&sslTrustStorePassword=c"))
                .isEqualTo("jdbc:sluice://h?password=***&user=b&sslTrustStorePassword=***");
    }

    private static void assertInvalidUrl(String url, String problem) {
        assertThatThrownBy(() -> parse(url))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessageStartingWith("Invalid Sluice JDBC URL '" + url + "': ")
                .hasMessageContaining(problem)
                .hasMessageContaining(EXPECTED_FORM_EXCERPT)
                .hasMessageContaining("for example jdbc:sluice://localhost:8765?user=alice");
    }
}
