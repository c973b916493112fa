package io.sluice.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sluice.adapters.spi.Secret;
import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceConfig;
import io.sluice.adapters.spi.SourceContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of a source reached through a JDBC URL and a connection pool (PostgreSQL, MySQL, MariaDB).
 *
 * @param type the adapter type, e.g. {@code postgresql}
 * @param dialect the database's quirks
 * @param url JDBC URL of the database
 * @param user user name, if the URL does not carry one
 * @param password password (from {@code ${env:…}}), masked everywhere
 * @param maxPoolSize most connections held open to the database (default 8)
 * @param fetchSize rows fetched per round trip while streaming a result (default 10 000)
 * @param connectTimeout how long a query waits for a connection before the source counts as unavailable (default 5 s)
 */
public record JdbcSourceConfig(
        String type,
        JdbcSourceDialect dialect,
        String url,
        Optional<String> user,
        Optional<Secret> password,
        int maxPoolSize,
        int fetchSize,
        Duration connectTimeout)
        implements SourceConfig {

    public static final int DEFAULT_MAX_POOL_SIZE = 8;
    public static final int DEFAULT_FETCH_SIZE = 10_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public Source open(String name, SourceContext context) {
        HikariDataSource pool = new HikariDataSource(poolConfig(name));
        return new JdbcSource(name, dialect, pool, pool, context);
    }

    private HikariConfig poolConfig(String name) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("sluice-" + name);
        pool.setJdbcUrl(url);
        user.ifPresent(pool::setUsername);
        password.ifPresent(p -> pool.setPassword(p.reveal()));
        pool.setMaximumPoolSize(maxPoolSize);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        pool.setValidationTimeout(Math.max(250, Math.min(connectTimeout.toMillis(), 5_000)));
        // A source that is down at start-up must not stop the gateway: the pool connects on first use.
        pool.setInitializationFailTimeout(-1);
        pool.setAutoCommit(!dialect.streamsOnlyInTransaction());
        pool.setReadOnly(true);
        dialect.streamingProperties(fetchSize).forEach(pool::addDataSourceProperty);
        return pool;
    }

    @Override
    public String toString() {
        return "JdbcSourceConfig[type=" + type + ", url=" + url + ", user=" + user.orElse("") + ", password="
                + password.map(Secret::toString).orElse("") + ", maxPoolSize=" + maxPoolSize + ", fetchSize="
                + fetchSize + ", connectTimeout=" + connectTimeout + "]";
    }
}
