package io.sluice.gateway.config;

import io.sluice.adapters.spi.ConfigSection;
import io.sluice.adapters.spi.Secret;
import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceAdapter;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.adapters.spi.SourceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * A source type {@value #TYPE} that only parses its config, so that the loader can be tested without real adapters;
 * registered for tests in {@code META-INF/services}.
 */
public final class TestingSourceAdapter implements SourceAdapter {

    public static final String TYPE = "testing";
    static final String URL_EXPECTED = "a JDBC URL starting with \"jdbc:testing:\"";
    static final int DEFAULT_POOL_SIZE = 8;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public SourceConfig parse(ConfigSection section) {
        Optional<String> url = section.requiredString("url", URL_EXPECTED);
        url.filter(value -> !value.startsWith("jdbc:testing:"))
                .ifPresent(value -> section.error("url", URL_EXPECTED, "\"" + value + "\""));
        int poolSize = section.integer("pool_size").orElse(DEFAULT_POOL_SIZE);
        if (poolSize < 1) {
            section.error("pool_size", "at least 1", String.valueOf(poolSize));
        }
        return new TestingSourceConfig(
                url.orElse(""),
                section.string("user"),
                section.secret("password"),
                poolSize,
                section.duration("timeout").orElse(DEFAULT_TIMEOUT));
    }

    /** What {@link TestingSourceAdapter} reads; the password is a {@link Secret}, so toString masks it. */
    record TestingSourceConfig(
            String url, Optional<String> user, Optional<Secret> password, int poolSize, Duration timeout)
            implements SourceConfig {

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Source open(String name, SourceContext context) {
            throw new UnsupportedOperationException("the testing source type only exists to test config loading");
        }
    }
}
