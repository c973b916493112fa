package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DriverTest {
    private final Driver driver = new Driver();

    @Test
    void acceptsUrl_onlySluiceUrls() throws SQLException {
        assertThat(driver.acceptsURL("jdbc:sluice://localhost:8765")).isTrue();
        assertThat(driver.acceptsURL("jdbc:sluice:garbage")).isTrue(); // connect() explains what is wrong
        assertThat(driver.acceptsURL("jdbc:avatica:remote:url=http://localhost:8765"))
                .isFalse();
        assertThat(driver.acceptsURL("jdbc:postgresql://localhost/shop")).isFalse();
        assertThat(driver.acceptsURL("JDBC:SLUICE://localhost")).isFalse();
    }

    @Test
    void acceptsUrl_null() {
        assertThatThrownBy(() -> driver.acceptsURL(null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("The JDBC URL is null");
    }

    @Test
    void connect_otherDriversUrl_returnsNull() throws SQLException {
        assertThat(driver.connect("jdbc:postgresql://localhost/shop", new Properties()))
                .isNull();
    }

    @Test
    void connect_invalidUrl() {
        assertThatThrownBy(() -> driver.connect("jdbc:sluice://:8765", null))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessageContaining("the host is missing")
                .hasMessageContaining("jdbc:sluice://host[:port]");
    }

    @Test
    void connect_closedPort_namesHostAndPort() throws IOException {
        int port = closedPort();

        assertThatThrownBy(() -> driver.connect("jdbc:sluice://127.0.0.1:" + port + "?password=secret", null))
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", "08001")
                .hasMessageStartingWith("Could not connect to the Sluice gateway at 127.0.0.1:" + port
                        + " (http://127.0.0.1:" + port + "): ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("secret");
    }

    @Test
    void driverManager_findsDriverForSluiceUrls() throws SQLException {
        assertThat(DriverManager.getDriver("jdbc:sluice://localhost")).isInstanceOf(Driver.class);
    }

    @Test
    void version_comesFromMavenProjectVersion() {
        String version = driver.getDriverVersion().versionString;

        assertThat(version).matches("[0-9]+\\.[0-9]+.*");
        String[] numbers = version.split("[.-]");
        assertThat(driver.getMajorVersion()).isEqualTo(Integer.parseInt(numbers[0]));
        assertThat(driver.getMinorVersion()).isEqualTo(Integer.parseInt(numbers[1]));
        assertThat(driver.getDriverVersion().name).isEqualTo("Sluice JDBC Driver");
        assertThat(driver.getDriverVersion().productName).isEqualTo("Sluice");
        assertThat(driver.jdbcCompliant()).isFalse();
    }

    @Test
    void parentLogger_isDriverPackage() {
        assertThat(driver.getParentLogger().getName()).isEqualTo("io.sluice.jdbc");
    }

    @Test
    void getPropertyInfo_describesEveryProperty() throws SQLException {
        Map<String, DriverPropertyInfo> infos = propertyInfo("jdbc:sluice://h", new Properties());

        assertThat(infos.keySet())
                .containsExactly(
                        "user",
                        "password",
                        "ssl",
                        "sslTrustStore",
                        "sslTrustStorePassword",
                        "fetchSize",
                        "connectTimeout",
                        "responseTimeout");
        assertThat(infos.get("fetchSize").value).isEqualTo("100");
        assertThat(infos.get("ssl").choices).containsExactly("true", "false");
        assertThat(infos.get("user").value).isNull();
        assertThat(infos.values()).allSatisfy(info -> {
            assertThat(info.description).isNotBlank();
            assertThat(info.required).isFalse();
        });
    }

    @Test
    void getPropertyInfo_showsGivenValues_propertiesWin() throws SQLException {
        Properties info = new Properties();
        info.setProperty("fetchSize", "42");

        Map<String, DriverPropertyInfo> infos = propertyInfo("jdbc:sluice://h?user=alice&fetchSize=7", info);

        assertThat(infos.get("user").value).isEqualTo("alice");
        assertThat(infos.get("fetchSize").value).isEqualTo("42");
    }

    @Test
    void getPropertyInfo_incompleteUrl_usesInfoOnly() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "bob");

        Map<String, DriverPropertyInfo> infos = propertyInfo("jdbc:sluice://", info);

        assertThat(infos.get("user").value).isEqualTo("bob");
        assertThat(infos.get("ssl").value).isEqualTo("false");
    }

    @Test
    void connectionProperty_forName() {
        assertThat(SluiceConnectionProperty.forName("fetchSize")).contains(SluiceConnectionProperty.FETCH_SIZE);
        assertThat(SluiceConnectionProperty.forName("FETCHSIZE")).isEmpty();
    }

    private Map<String, DriverPropertyInfo> propertyInfo(String url, Properties info) throws SQLException {
        return Arrays.stream(driver.getPropertyInfo(url, info))
                .collect(Collectors.toMap(
                        property -> property.name,
                        Function.identity(),
                        (a, b) -> {
                            throw new AssertionError("duplicate " + a.name);
                        },
                        java.util.LinkedHashMap::new));
    }

    /** Returns a loopback port that nothing listens on: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
