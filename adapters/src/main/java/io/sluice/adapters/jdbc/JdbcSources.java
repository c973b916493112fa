package io.sluice.adapters.jdbc;

import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.SourceContext;
import javax.sql.DataSource;

/** Opens {@link JdbcSource}s for dialect packages that bring their own data source instead of a pooled URL. */
public final class JdbcSources {

    private JdbcSources() {}

    /**
     * @param resources closed when the source closes (the data source's own resources)
     */
    public static Source open(
            String name,
            JdbcSourceDialect dialect,
            DataSource dataSource,
            AutoCloseable resources,
            SourceContext context) {
        return new JdbcSource(name, dialect, dataSource, resources, context);
    }
}
