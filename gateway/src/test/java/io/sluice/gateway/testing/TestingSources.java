package io.sluice.gateway.testing;

import io.sluice.adapters.spi.SourceConfig;
import io.sluice.adapters.testing.TestingMariaDbServer;
import io.sluice.adapters.testing.TestingPostgreSqlServer;
import io.sluice.gateway.config.ConfigLoader;
import java.util.Map;

/** Source configs for the local test servers, built through the same adapters the config loader uses. */
public final class TestingSources {

    private TestingSources() {}

    public static SourceConfig postgresql(String url) {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.instance();
        return jdbc("postgresql", url, server.user(), server.password());
    }

    public static SourceConfig postgresql() {
        return postgresql(TestingPostgreSqlServer.instance().jdbcUrl());
    }

    public static SourceConfig mariaDb(String database) {
        TestingMariaDbServer server = TestingMariaDbServer.instance();
        return jdbc("mysql", server.jdbcUrl(database), server.user(), server.password());
    }

    /** Parses one source section through {@link ConfigLoader}, the password coming from the environment. */
    private static SourceConfig jdbc(String type, String url, String user, String password) {
        String yaml = "sources:\n  it:\n    type: " + type + "\n    url: \"" + url + "\"\n    user: " + user
                + "\n    password: ${env:IT_PASSWORD}\n    connect_timeout: 2s\n";
        Map<String, String> environment = Map.of("IT_PASSWORD", password);
        return new ConfigLoader(environment::get)
                .load(yaml, "it.yaml")
                .sources()
                .get("it");
    }
}
