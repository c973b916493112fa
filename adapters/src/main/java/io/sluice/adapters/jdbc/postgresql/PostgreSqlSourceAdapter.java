package io.sluice.adapters.jdbc.postgresql;

import io.sluice.adapters.jdbc.JdbcSourceDialect;
import io.sluice.adapters.jdbc.PooledJdbcSourceAdapter;

/** The {@code postgresql} source type. */
public final class PostgreSqlSourceAdapter extends PooledJdbcSourceAdapter {

    private static final JdbcSourceDialect DIALECT = new PostgreSqlSourceDialect();

    @Override
    public String type() {
        return "postgresql";
    }

    @Override
    protected JdbcSourceDialect dialect() {
        return DIALECT;
    }
}
