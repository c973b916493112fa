package io.sluice.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded driver jar that {@code mvn package} built: what is inside it, and that it works
 * on its own in a class loader that sees nothing but the JDK.
 */
class DriverJarIT {
    private static final List<String> ALLOWED_PREFIXES = List.of("io/sluice/jdbc/", "META-INF/");
    private static final String SHADED = "io/sluice/jdbc/shaded/";

    private static Path jarPath;
    private static JarFile jar;
    private static List<String> entries;
    private static URLClassLoader isolated;

    @BeforeAll
    static void openJar() throws IOException {
        String property = System.getProperty("sluice.jdbc.jar");
        assertThat(property)
                .as("system property sluice.jdbc.jar (set by failsafe)")
                .isNotBlank();
        jarPath = Paths.get(property);
        assertThat(jarPath).isRegularFile();
        jar = new JarFile(jarPath.toFile());
        entries = jar.stream().map(ZipEntry::getName).toList();
        isolated = new URLClassLoader(new URL[] {jarPath.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void closeJar() throws IOException {
        isolated.close();
        jar.close();
    }

    @Test
    void jar_containsOnlyDriverAndRelocatedDependencies() {
        assertThat(entries)
                .filteredOn(entry -> !entry.equals("io/") && !entry.equals("io/sluice/")) // parent directories
                .allSatisfy(entry -> assertThat(ALLOWED_PREFIXES)
                        .anySatisfy(prefix -> assertThat(entry).startsWith(prefix)));
        assertThat(entries).filteredOn(entry -> entry.endsWith(".class")).allSatisfy(entry -> assertThat(entry)
                .startsWith("io/sluice/jdbc/"));
        assertThat(entries)
                .contains(
                        "io/sluice/jdbc/Driver.class",
                        "io/sluice/jdbc/SluiceConnectionProperty.class",
                        SHADED + "avatica/remote/RemoteMeta.class",
                        SHADED + "avatica/remote/SluiceRemoteMetaBridge.class",
                        SHADED + "protobuf/Message.class",
                        SHADED + "hc/client5/http/impl/classic/CloseableHttpClient.class",
                        SHADED + "slf4j/LoggerFactory.class");
    }

    @Test
    void jar_hasNoCalciteAndNoUnrelocatedClasses() {
        assertThat(entries)
                .noneMatch(entry -> entry.startsWith("org/") || entry.startsWith("com/") || entry.startsWith("javax/"))
                .noneMatch(entry -> entry.contains("/calcite/"))
                .noneMatch(entry -> entry.startsWith(SHADED + "avatica/")
                        && (entry.contains("/plan/") || entry.contains("/rel/") || entry.contains("/sql/")))
                .noneMatch(entry -> entry.endsWith("module-info.class"));
    }

    @Test
    void jar_hasNoAvaticaDriverNorJsonSerialization() {
        assertThat(entries)
                .doesNotContain(
                        SHADED + "avatica/remote/Driver.class",
                        SHADED + "avatica/remote/JsonService.class",
                        SHADED + "avatica/remote/RemoteService.class")
                .noneMatch(entry -> entry.startsWith(SHADED + "jackson/databind/"))
                .noneMatch(entry -> entry.startsWith(SHADED + "jackson/core/"));
    }

    @Test
    void jar_hasNoSignatureFiles() {
        assertThat(entries).noneMatch(entry -> entry.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"));
    }

    @Test
    void jar_registersOnlySluiceDriver() throws IOException {
        assertThat(read("META-INF/services/java.sql.Driver").strip()).isEqualTo("io.sluice.jdbc.Driver");
        assertThat(entries)
                .filteredOn(entry -> entry.startsWith("META-INF/services/") && !entry.endsWith("/"))
                .containsExactlyInAnyOrder(
                        "META-INF/services/java.sql.Driver",
                        "META-INF/services/io.sluice.jdbc.shaded.slf4j.spi.SLF4JServiceProvider");
    }

    @Test
    void jar_hasLicenseNoticeAndManifest() throws IOException {
        assertThat(read("META-INF/LICENSE"))
                .contains("Apache License", "Protocol Buffers for Java", "SLF4J", "Mozilla Public License");
        assertThat(read("META-INF/NOTICE")).contains("Apache Calcite -- Avatica");
        Manifest manifest = jar.getManifest();
        assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name"))
                .isEqualTo("io.sluice.jdbc");
    }

    @Test
    void jar_versionResourceIsFiltered() throws IOException {
        assertThat(read("io/sluice/jdbc/sluice-jdbc.properties"))
                .contains("driver.name=Sluice JDBC Driver")
                .containsPattern("driver.version=[0-9]+\\.[0-9]+")
                .doesNotContain("${");
    }

    @Test
    void jar_isSmall() throws IOException {
        // Calcite alone would add tens of megabytes.
        assertThat(Files.size(jarPath)).isLessThan(8L * 1024 * 1024);
    }

    @Test
    void isolatedDriver_isTheOnlyServiceAndAcceptsSluiceUrls() throws SQLException {
        List<Driver> drivers = new ArrayList<>();
        ServiceLoader.load(Driver.class, isolated).forEach(drivers::add);

        assertThat(drivers).singleElement().satisfies(driver -> {
            assertThat(driver.getClass().getName()).isEqualTo("io.sluice.jdbc.Driver");
            assertThat(driver.getClass().getClassLoader()).isSameAs(isolated);
        });
        Driver driver = drivers.get(0);
        assertThat(driver.acceptsURL("jdbc:sluice://localhost:8765")).isTrue();
        assertThat(driver.acceptsURL("jdbc:avatica:remote:url=http://localhost:8765"))
                .isFalse();
        assertThat(driver.getMajorVersion() + driver.getMinorVersion()).isPositive();
    }

    @Test
    void isolatedDriver_closedPort_failsNamingHostAndPort() throws Exception {
        int port = DriverTest.closedPort();

        assertThatThrownBy(() -> isolatedDriver().connect("jdbc:sluice://127.0.0.1:" + port, new Properties()))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"))
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void isolatedDriver_queriesGateway_silently() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestingAvaticaGateway gateway = TestingAvaticaGateway.start()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Properties info = new Properties();
            info.setProperty("user", "alice");
            try (Connection connection = isolatedDriver().connect(gateway.url("fetchSize=3"), info);
                    Statement statement = connection.createStatement()) {
                assertThat(connection.getClass().getClassLoader()).isSameAs(isolated);
                try (ResultSet rows = statement.executeQuery(
                        "SELECT i, CAST(i AS DECIMAL(10,2)) / 4 AS q, 'r' || i AS s, DATE '2024-03-10' + i::INTEGER AS d"
                                + " FROM range(10) t(i) ORDER BY i")) {
                    int count = 0;
                    while (rows.next()) {
                        assertThat(rows.getLong("i")).isEqualTo(count);
                        assertThat(rows.getString("s")).isEqualTo("r" + count);
                        assertThat(rows.getBigDecimal("q")).isNotNull();
                        assertThat(rows.getDate("d")).isNotNull();
                        count++;
                    }
                    assertThat(count).isEqualTo(10);
                }
                try (PreparedStatement prepared = connection.prepareStatement("SELECT ? || '!'")) {
                    prepared.setString(1, "hello");
                    try (ResultSet rows = prepared.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getString(1)).isEqualTo("hello!");
                    }
                }
                assertThat(connection.getMetaData().getDriverName()).isEqualTo("Sluice JDBC Driver");
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("no_such_table");
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("SLF4J");
    }

    private static Driver isolatedDriver() throws ReflectiveOperationException {
        return (Driver) Class.forName("io.sluice.jdbc.Driver", true, isolated)
                .getConstructor()
                .newInstance();
    }

    private static String read(String entry) throws IOException {
        ZipEntry zipEntry = jar.getEntry(entry);
        assertThat(zipEntry).as(entry).isNotNull();
        try (InputStream in = jar.getInputStream(zipEntry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
