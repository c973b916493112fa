package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.sluice.gateway.config.TestingSourceAdapter.TestingSourceConfig;
import io.sluice.gateway.error.ErrorCode;
import io.sluice.quality.parser.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String SECRET = "Sup3r-Secret-Pw";
    private static final String HASH = BCrypt.withDefaults().hashToString(4, "alice-pw".toCharArray());
    private static final Map<String, String> ENVIRONMENT =
            Map.of("SHOP_USER", "shopper", "SHOP_PASSWORD", SECRET, "ALICE_HASH", HASH);

    private final ConfigLoader loader = new ConfigLoader(ENVIRONMENT::get);

    @TempDir
    Path directory;

    @Test
    void load_fullConfig() throws Exception {
        Files.createDirectory(directory.resolve("rules"));
        Path file = Files.writeString(
                directory.resolve("sluice.yaml"),
                """
                server:
                  jdbc: { host: 0.0.0.0, port: 9000 }
                  flight:
                    port: 0
                  admin: { host: localhost, port: 9090 }
                sources:
                  shop:
                    type: testing
                    url: jdbc:testing://127.0.0.1/shop
                    user: ${env:SHOP_USER}
                    password: ${env:SHOP_PASSWORD}
                    pool_size: 4
                    timeout: 500ms
                  crm: { type: testing, url: "jdbc:testing://crm" }
                security:
                  allow_anonymous: false
                  users:
                    alice: { password_hash: "${env:ALICE_HASH}" }
                    bob:
                      password_hash: "%s"
                rules: ./rules
                """
                        .formatted(HASH));

        SluiceConfig config = loader.load(file);

        assertThat(config.server())
                .isEqualTo(new ServerConfig(
                        new JdbcServerConfig("0.0.0.0", 9000),
                        new FlightServerConfig("127.0.0.1", 0),
                        new AdminServerConfig("localhost", 9090)));
        assertThat(config.sources()).containsOnlyKeys("shop", "crm");
        assertThat(config.sources().keySet()).containsExactly("shop", "crm");
        TestingSourceConfig shop = (TestingSourceConfig) config.sources().get("shop");
        assertThat(shop.url()).isEqualTo("jdbc:testing://127.0.0.1/shop");
        assertThat(shop.user()).contains("shopper");
        assertThat(shop.password().orElseThrow().reveal()).isEqualTo(SECRET);
        assertThat(shop.poolSize()).isEqualTo(4);
        assertThat(shop.timeout()).isEqualTo(Duration.ofMillis(500));
        TestingSourceConfig crm = (TestingSourceConfig) config.sources().get("crm");
        assertThat(crm.password()).isEmpty();
        assertThat(crm.poolSize()).isEqualTo(TestingSourceAdapter.DEFAULT_POOL_SIZE);
        assertThat(config.security().allowAnonymous()).isFalse();
        assertThat(config.security().users())
                .containsExactly(
                        Map.entry("alice", new UserConfig("alice", HASH)),
                        Map.entry("bob", new UserConfig("bob", HASH)));
        assertThat(config.rulesDirectory()).contains(directory.resolve("rules"));
        assertThat(config.baseDirectory()).isEqualTo(directory);
    }

    @Test
    void load_defaults() {
        SluiceConfig config = loader.load("", "sluice.yaml");

        assertThat(config.server().jdbc()).isEqualTo(new JdbcServerConfig("127.0.0.1", 8765));
        assertThat(config.server().flight()).isEqualTo(new FlightServerConfig("127.0.0.1", 32010));
        assertThat(config.server().admin()).isEqualTo(new AdminServerConfig("127.0.0.1", 8080));
        assertThat(config.server()).isEqualTo(ServerConfig.defaults());
        assertThat(config.security().allowAnonymous()).isFalse();
        assertThat(config.security().users()).isEmpty();
        assertThat(config.security()).isEqualTo(SecurityConfig.defaults());
        assertThat(config.sources()).isEmpty();
        assertThat(config.rulesDirectory()).isEmpty();
        assertThat(config.baseDirectory()).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void load_partialServerKeepsOtherDefaults() {
        SluiceConfig config = loader.load("server: { jdbc: { port: 0 } }", "sluice.yaml");

        assertThat(config.server().jdbc()).isEqualTo(new JdbcServerConfig("127.0.0.1", 0));
        assertThat(config.server().flight()).isEqualTo(FlightServerConfig.defaults());
        assertThat(config.server().admin()).isEqualTo(AdminServerConfig.defaults());
    }

    @Test
    void load_arrowPassThroughSwitch() {
        SluiceConfig config = loader.load("server: { flight: { arrow_pass_through: false } }", "sluice.yaml");

        assertThat(config.server().flight().arrowPassThrough()).isFalse();
        assertThat(FlightServerConfig.defaults().arrowPassThrough()).isTrue();
    }

    @Test
    void load_unknownKey() {
        assertProblems(
                """
                server:
                  jdbc:
                    prot: 9000
                """,
                "sluice.yaml:3:5: server.jdbc.prot: unknown key; did you mean \"port\"?");
    }

    @Test
    void load_unknownTopLevelKey() {
        assertProblems("sorces: {}\n", "sluice.yaml:1:1: sorces: unknown key; did you mean \"sources\"?");
    }

    @Test
    void load_unknownKeyWithoutSuggestion() {
        assertProblems(
                """
                server:
                  jdbc: { host: localhost, colour: blue }
                """,
                "sluice.yaml:2:28: server.jdbc.colour: unknown key; expected one of: host, port");
    }

    @Test
    void load_unknownSourceKeySuggestsWhatTheAdapterRead() {
        assertProblems(
                """
                sources:
                  shop:
                    type: testing
                    url: jdbc:testing://x
                    pool_sise: 3
                """,
                "sluice.yaml:5:5: sources.shop.pool_sise: unknown key; did you mean \"pool_size\"?");
    }

    @Test
    void load_wrongType() {
        assertProblems(
                """
                server:
                  jdbc:
                    port: abc
                  flight: 32010
                """,
                "sluice.yaml:3:11: server.jdbc.port: expected an integer, got \"abc\"",
                "sluice.yaml:4:11: server.flight: expected a mapping, got the number 32010");
    }

    @Test
    void load_numberWhereStringExpected() {
        assertProblems(
                """
                sources:
                  shop:
                    type: testing
                    url: 5432
                """,
                "sluice.yaml:4:10: sources.shop.url: expected " + TestingSourceAdapter.URL_EXPECTED
                        + ", got the number 5432; put it in quotes if it is meant as text");
    }

    @Test
    void load_wrongScalarTypes() {
        ConfigException exception = loadFailing(
                """
                sources:
                  shop:
                    type: testing
                    url: jdbc:testing://x
                    pool_size: 1.5
                    user: yes
                    timeout: ${env:SHOP_USER}
                """);

        assertThat(exception.getMessage())
                .isEqualTo("sluice.yaml:5:16: sources.shop.pool_size: expected an integer, got the number 1.5\n"
                        + "sluice.yaml:6:11: sources.shop.user: expected a string, got the boolean yes; put it in"
                        + " quotes if it is meant as text\n"
                        + "sluice.yaml:7:14: sources.shop.timeout: expected " + Durations.EXPECTED
                        + ", got \"shopper\"");
    }

    @Test
    void load_missingField() {
        assertProblems(
                """
                sources:
                  shop:
                    type: testing
                """,
                "sluice.yaml:2:3: sources.shop.url: expected " + TestingSourceAdapter.URL_EXPECTED + ", got nothing");
    }

    @Test
    void load_adapterValidation() {
        assertProblems(
                """
                sources:
                  shop: { type: testing, url: "postgres://db/shop" }
                """,
                "sluice.yaml:2:31: sources.shop.url: expected " + TestingSourceAdapter.URL_EXPECTED
                        + ", got \"postgres://db/shop\"");
    }

    @Test
    void load_unresolvedEnvironmentVariable() {
        ConfigException exception = loadFailing(
                """
                sources:
                  shop:
                    type: testing
                    url: jdbc:testing://x
                    password: ${env:SHOP_PASSWORD}
                """,
                new ConfigLoader(Map.<String, String>of()::get));

        assertThat(exception.getMessage())
                .isEqualTo("sluice.yaml:5:15: sources.shop.password: environment variable SHOP_PASSWORD is not set"
                        + " (referenced as ${env:SHOP_PASSWORD})");
    }

    @Test
    void load_malformedEnvironmentReference() {
        assertProblems(
                """
                sources:
                  shop: { type: testing, url: "jdbc:testing://${env:SHOP-HOST}/shop" }
                """,
                "sluice.yaml:2:31: sources.shop.url: expected ${env:NAME} with NAME made of letters, digits"
                        + " and _, got a malformed ${env:…} reference");
    }

    @Test
    void load_badDuration() {
        assertProblems(
                """
                sources:
                  shop:
                    type: testing
                    url: jdbc:testing://x
                    timeout: 30 seconds
                """,
                "sluice.yaml:5:14: sources.shop.timeout: expected a duration such as 500ms, 30s, 5m, 2h or 1d,"
                        + " got \"30 seconds\"");
    }

    @Test
    void load_unknownSourceType() {
        ConfigException exception = loadFailing(
                """
                sources:
                  shop:
                    type: testin
                    url: jdbc:testing://x
                    whatever: 1
                """);

        // Other source types may be installed too, so only the start and end of the list are pinned.
        assertThat(exception.problems()).hasSize(1);
        assertThat(exception.getMessage())
                .startsWith("sluice.yaml:3:11: sources.shop.type: expected one of the source types ")
                .contains("testing")
                .endsWith(", got \"testin\"; did you mean \"testing\"?");
    }

    @Test
    void load_missingSourceType() {
        ConfigException exception = loadFailing(
                """
                sources:
                  shop: { url: jdbc:testing://x }
                """);

        assertThat(exception.problems()).hasSize(1);
        assertThat(exception.getMessage())
                .startsWith("sluice.yaml:2:3: sources.shop.type: expected a source type (one of the source types ")
                .endsWith(", got nothing");
    }

    @Test
    void load_invalidSourceName() {
        assertProblems(
                """
                sources:
                  Shop: { type: testing, url: jdbc:testing://x }
                  sluice: { type: testing, url: jdbc:testing://y }
                """,
                "sluice.yaml:2:3: sources.Shop: expected a source name of lower-case letters, digits and _, not"
                        + " starting with a digit (it becomes the catalog name), got \"Shop\"",
                "sluice.yaml:3:3: sources.sluice: expected a source name other than \"sluice\", which is reserved for"
                        + " system tables, got \"sluice\"");
    }

    @Test
    void load_emptySource() {
        assertProblems(
                """
                sources:
                  shop:
                """,
                "sluice.yaml:2:3: sources.shop: expected a mapping with a type: key, got nothing");
    }

    @Test
    void load_plainTextPassword() {
        ConfigException exception = loadFailing(
                """
                security:
                  users:
                    alice:
                      password: hunter2
                    bob: { password_hash: hunter2 }
                """);

        assertThat(exception.getMessage())
                .isEqualTo("sluice.yaml:4:17: security.users.alice.password: expected password_hash with "
                        + SecurityConfigReader.HASH_EXPECTED + " instead, got a plain-text password, which is never"
                        + " accepted\n"
                        + "sluice.yaml:5:27: security.users.bob.password_hash: expected "
                        + SecurityConfigReader.HASH_EXPECTED
                        + ", got what looks like a plain-text password (not shown)")
                .doesNotContain("hunter2")
                .contains("`sluice hash-password`");
    }

    @Test
    void load_anonymousOnNonLoopbackHost() {
        assertProblems(
                """
                server:
                  jdbc: { host: 0.0.0.0 }
                security:
                  allow_anonymous: true
                """,
                "sluice.yaml:4:20: security.allow_anonymous: expected false while server.jdbc.host is \"0.0.0.0\""
                        + " (anonymous access is only allowed on a loopback address: 127.0.0.1, ::1 or localhost; add users"
                        + " instead), got true");
    }

    @Test
    void load_anonymousOnLoopbackHost() {
        SluiceConfig config = loader.load(
                """
                server:
                  jdbc: { host: localhost }
                  flight: { host: "::1" }
                security: { allow_anonymous: true }
                """,
                "sluice.yaml");

        assertThat(config.security().allowAnonymous()).isTrue();
    }

    @Test
    void load_portOutOfRangeAndEmptyHost() {
        assertProblems(
                """
                server:
                  jdbc: { host: "", port: 70000 }
                """,
                "sluice.yaml:2:17: server.jdbc.host: expected a host name or IP address, got an empty string",
                "sluice.yaml:2:27: server.jdbc.port: expected " + ServerConfigReader.PORT_EXPECTED + ", got 70000");
    }

    @Test
    void load_flightBatchSizesAndMemoryLimits() {
        SluiceConfig config = loader.load(
                """
                server:
                  flight:
                    batch_size: 1MiB
                    batch_rows: 10000
                    memory_per_query: 64MiB
                    memory_limit: 1GiB
                """,
                "sluice.yaml");

        assertThat(config.server().flight().streams())
                .isEqualTo(new FlightStreamConfig(1L << 20, 10_000, 64L << 20, 1L << 30));
    }

    @Test
    void load_flightStreamDefaults() {
        FlightStreamConfig streams =
                loader.load("", "sluice.yaml").server().flight().streams();

        assertThat(streams).isEqualTo(FlightStreamConfig.defaults());
        assertThat(streams).isEqualTo(new FlightStreamConfig(2L << 20, 65_536, 256L << 20, 2L << 30));
    }

    @Test
    void load_flightBadSizes() {
        assertProblems(
                """
                server:
                  flight:
                    batch_size: 4MB
                    batch_rows: 0
                    memory_per_query: 1KiB
                    memory_limit: lots
                """,
                "sluice.yaml:3:17: server.flight.batch_size: expected " + DataSizes.EXPECTED + ", got \"4MB\"",
                "sluice.yaml:4:17: server.flight.batch_rows: expected a number of rows from 1 to 1048576, got 0",
                "sluice.yaml:5:23: server.flight.memory_per_query: expected at least 4 times server.flight.batch_size"
                        + " (8MiB), got 1KiB",
                "sluice.yaml:6:19: server.flight.memory_limit: expected " + DataSizes.EXPECTED + ", got \"lots\"");
    }

    @Test
    void load_flightMemoryLimitBelowPerQuery() {
        assertProblems(
                """
                server:
                  flight: { memory_per_query: 512MiB, memory_limit: 256MiB }
                """,
                "sluice.yaml:2:53: server.flight.memory_limit: expected at least server.flight.memory_per_query"
                        + " (512MiB), got 256MiB");
    }

    @Test
    void load_samePortTwice() {
        assertProblems(
                """
                server:
                  admin: { port: 8765 }
                """,
                "sluice.yaml:2:18: server.admin.port: expected a port not already used by server.jdbc, got 8765");
    }

    @Test
    void load_duplicateKey() {
        assertProblems(
                """
                server:
                  jdbc: { port: 1 }
                  jdbc: { port: 2 }
                """,
                "sluice.yaml:3:3: server.jdbc: duplicate key; it was first given on line 2");
    }

    @Test
    void load_rulesDirectoryMissing() {
        assertProblems(
                "rules: ./no-such-rules\n",
                "sluice.yaml:1:8: rules: expected a directory of rule files (relative" + " to "
                        + Path.of("").toAbsolutePath() + "), got \"./no-such-rules\", which is not a directory");
    }

    @Test
    void load_severalErrors() {
        ConfigException exception = loadFailing(
                """
                server:
                  jdbc: { port: -1 }
                  flihgt: { port: 1 }
                sources:
                  shop:
                    type: testing
                    timeout: soon
                security:
                  allow_anonymous: maybe
                """);

        assertThat(exception.code()).isEqualTo(ErrorCode.CONFIG_INVALID);
        assertThat(exception.problems())
                .extracting(problem -> problem.line() + ":" + problem.column() + " " + problem.keyPath())
                .containsExactly(
                        "2:17 server.jdbc.port",
                        "3:3 server.flihgt",
                        "5:3 sources.shop.url",
                        "7:14 sources.shop.timeout",
                        "9:20 security.allow_anonymous");
        assertThat(exception.getMessage().lines()).hasSize(5);
        assertThat(exception.getMessage().lines().toList().get(1))
                .isEqualTo("sluice.yaml:3:3: server.flihgt: unknown key; did you mean \"flight\"?");
    }

    @Test
    void load_yamlSyntaxError() {
        ConfigException exception = loadFailing(
                """
                server:
                  jdbc: { port: 8765
                sources: {}
                """);

        assertThat(exception.getMessage())
                .isEqualTo("sluice.yaml:3:8: invalid YAML: while parsing a flow mapping: expected ',' or '}', but got"
                        + " :");
    }

    @Test
    void load_yamlSyntaxErrorNeverQuotesTheLine() {
        ConfigException exception = loadFailing(
                """
                sources:
                  shop: { type: testing, url: jdbc:testing://x, password: "%s }
                """
                        .formatted(SECRET));

        assertThat(exception.getMessage())
                .startsWith("sluice.yaml:3:1: invalid YAML: ")
                .doesNotContain(SECRET);
    }

    @Test
    void load_notAMapping() {
        assertProblems(
                "- server\n",
                "sluice.yaml:1:1: expected a mapping with the keys server, sources, security, rules and"
                        + " quality, got a list");
    }

    @Test
    void load_missingFile() {
        Path file = directory.resolve("missing.yaml");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": cannot read the config file: NoSuchFileException");
    }

    @Test
    void load_secretNeverInMessages() {
        ConfigException exception = loadFailing(
                """
                sources:
                  shop:
                    type: testing
                    url: postgres://shopper:${env:SHOP_PASSWORD}@db/shop
                    password: ${env:SHOP_PASSWORD}
                  crm:
                    type: testing
                    url: jdbc:testing://crm
                    password: 123456789
                  hr:
                    type: testing
                    url: jdbc:testing://hr
                    password: [ "%s" ]
                """
                        .formatted(SECRET));

        assertThat(exception.getMessage())
                .doesNotContain(SECRET)
                .doesNotContain("123456789")
                .contains("sources.shop.url: expected " + TestingSourceAdapter.URL_EXPECTED
                        + ", got \"postgres://shopper:****@db/shop\"")
                .contains("sluice.yaml:9:15: sources.crm.password: expected a string, got a number that is not shown"
                        + " because it may be secret")
                .contains("sluice.yaml:13:15: sources.hr.password: expected a string, got a list");
    }

    @Test
    void toString_neverShowsSecrets() {
        SluiceConfig config = loader.load(
                """
                sources:
                  shop: { type: testing, url: "jdbc:testing://x", password: "${env:SHOP_PASSWORD}" }
                security:
                  users: { alice: { password_hash: "%s" } }
                """
                        .formatted(HASH),
                "sluice.yaml");

        assertThat(config.toString())
                .doesNotContain(SECRET)
                .doesNotContain(HASH)
                .contains("alice");
    }

    private void assertProblems(String yaml, String... expectedLines) {
        assertThat(loadFailing(yaml).getMessage()).isEqualTo(String.join("\n", expectedLines));
    }

    private ConfigException loadFailing(String yaml) {
        return loadFailing(yaml, loader);
    }

    private static ConfigException loadFailing(String yaml, ConfigLoader loader) {
        ConfigException exception = catchThrowableOfType(ConfigException.class, () -> loader.load(yaml, "sluice.yaml"));
        assertThat(exception).as("expected the config to be rejected").isNotNull();
        return exception;
    }
}
