package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.ConfigSection;
import io.sluice.adapters.spi.SourceAdapter;
import io.sluice.adapters.spi.SourceConfig;

/**
 * Base of adapters for databases reached through a JDBC URL and a connection pool. Config keys: {@code url}
 * (required), {@code user}, {@code password}, {@code pool_size}, {@code fetch_size}, {@code connect_timeout}.
 */
public abstract class PooledJdbcSourceAdapter implements SourceAdapter {

    protected abstract JdbcSourceDialect dialect();

    @Override
    public SourceConfig parse(ConfigSection section) {
        JdbcSourceDialect dialect = dialect();
        String prefix = dialect.urlPrefix();
        String url = section.requiredString("url", "a JDBC URL starting with \"" + prefix + "\"")
                .orElse(prefix);
        if (!url.startsWith(prefix)) {
            section.error("url", "a JDBC URL starting with \"" + prefix + "\"", '"' + url + '"');
        }
        int poolSize = section.integer("pool_size").orElse(JdbcSourceConfig.DEFAULT_MAX_POOL_SIZE);
        if (poolSize < 1) {
            section.error("pool_size", "a pool size of at least 1", String.valueOf(poolSize));
        }
        int fetchSize = section.integer("fetch_size").orElse(JdbcSourceConfig.DEFAULT_FETCH_SIZE);
        if (fetchSize < 1) {
            section.error("fetch_size", "a fetch size of at least 1", String.valueOf(fetchSize));
        }
        return new JdbcSourceConfig(
                type(),
                dialect,
                url,
                section.string("user"),
                section.secret("password"),
                poolSize,
                fetchSize,
                section.duration("connect_timeout").orElse(JdbcSourceConfig.DEFAULT_CONNECT_TIMEOUT));
    }
}
