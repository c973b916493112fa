package io.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.testing.TestingCertificates;
import io.sluice.gateway.testing.TestingFlight;
import io.sluice.gateway.testing.TestingGateway;
import io.sluice.gateway.testing.TestingRows;
import io.sluice.gateway.testing.TestingSources;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.arrow.adbc.core.AdbcConnection;
import org.apache.arrow.adbc.core.AdbcDatabase;
import org.apache.arrow.adbc.core.AdbcStatement;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlConnectionProperties;
import org.apache.arrow.adbc.driver.flightsql.FlightSqlDriver;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Flight SQL over TLS ({@code server.flight.tls}) with a throwaway CA: the Arrow Flight SQL JDBC driver and ADBC,
 * trusting that CA, get the same rows as PostgreSQL; clients that speak plaintext or do not trust the CA are refused.
 */
class FlightTlsIT {

    private static final TestingPostgreSqlServer POSTGRES = TestingPostgreSqlServer.instance();

    static String schema;
    static TestingCertificates certificates;
    static TestingGateway gateway;
    static String sql;
    static List<List<String>> expected;

    @BeforeAll
    static void setUp() throws Exception {
        schema = POSTGRES.createSchema("tls");
        try (Connection pg = POSTGRES.openConnection();
                Statement s = pg.createStatement()) {
            s.execute("CREATE TABLE " + schema
                    + ".t AS SELECT i AS id, 'row ' || i AS name FROM generate_series(1, 3000) i");
            expected = TestingRows.of(pg, "SELECT id, name FROM " + schema + ".t ORDER BY id");
        }
        sql = "SELECT id, name FROM pg." + schema + ".t ORDER BY id";
        certificates = TestingCertificates.create();
        gateway = TestingGateway.builder()
                .source("pg", TestingSources.postgresql())
                .flightTls(certificates)
                .start();
    }

    @AfterAll
    static void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @AfterEach
    void nothingLeft() throws InterruptedException {
        TestingFlight.assertClean(gateway.gateway());
    }

    @Test
    void jdbcDriver_withEncryption_trustingTheCa_readsTheSameRowsAsPostgreSql() throws Exception {
        assertThat(gateway.gateway().flightJdbcUrl()).endsWith("?useEncryption=true");
        try (Connection flight = TestingFlight.jdbc(gateway.gateway(), trustTheCa())) {
            assertThat(TestingRows.of(flight, sql)).hasSize(3000).isEqualTo(expected);
        }
    }

    @Test
    void jdbcDriver_inPlaintext_isRefused() {
        String url = gateway.gateway().flightJdbcUrl().replace("useEncryption=true", "useEncryption=false");
        SQLException failure =
                catchThrowableOfType(SQLException.class, () -> java.sql.DriverManager.getConnection(url, credentials())
                        .close());
        String chain = chain(failure);
        // What gRPC reports when the server answers a plaintext HTTP/2 preface with a TLS alert and hangs up.
        assertThat(chain).contains("UNAVAILABLE: Network closed for unknown reason");
    }

    @Test
    void jdbcDriver_notTrustingTheCa_isRefused() {
        SQLException failure = catchThrowableOfType(
                SQLException.class, () -> TestingFlight.jdbc(gateway.gateway(), Map.of("useSystemTrustStore", "false"))
                        .close());
        String chain = chain(failure);
        assertThat(chain).contains("PKIX path building failed");
    }

    @Test
    void adbc_overGrpcTls_trustingTheCa_readsTheSameRowsAsPostgreSql() throws Exception {
        Map<String, Object> parameters = TestingFlight.adbcParameters(
                "grpc+tls://localhost:" + gateway.gateway().flightPort());
        List<List<String>> rows = new ArrayList<>();
        try (InputStream ca = Files.newInputStream(certificates.caCertificate());
                BufferAllocator allocator = new RootAllocator()) {
            FlightSqlConnectionProperties.TLS_ROOT_CERTS.set(parameters, ca);
            try (AdbcDatabase database = new FlightSqlDriver(allocator).open(parameters);
                    AdbcConnection connection = database.connect();
                    AdbcStatement statement = connection.createStatement()) {
                statement.setSqlQuery(sql);
                try (AdbcStatement.QueryResult result = statement.executeQuery()) {
                    ArrowReader reader = result.getReader();
                    while (reader.loadNextBatch()) {
                        VectorSchemaRoot root = reader.getVectorSchemaRoot();
                        for (int r = 0; r < root.getRowCount(); r++) {
                            rows.add(List.of(
                                    String.valueOf(root.getVector(0).getObject(r)),
                                    String.valueOf(root.getVector(1).getObject(r))));
                        }
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    private static Map<String, String> trustTheCa() {
        return Map.of(
                "useSystemTrustStore",
                "false",
                "trustStore",
                certificates.trustStore().toString(),
                "trustStorePassword",
                TestingCertificates.STORE_PASSWORD);
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", TestingGateway.USER);
        properties.setProperty("password", TestingGateway.PASSWORD);
        return properties;
    }

    private static String chain(Throwable thrown) {
        assertThat(thrown).isNotNull();
        StringBuilder chain = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(t).append('\n');
        }
        return chain.toString();
    }
}
