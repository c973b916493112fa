package io.sluice.adapters.jdbc.mysql;

import io.sluice.adapters.jdbc.JdbcSourceDialect;
import io.sluice.adapters.jdbc.PooledJdbcSourceAdapter;

/** The {@code mysql} source type, for MySQL 8 and MariaDB. */
public final class MySqlSourceAdapter extends PooledJdbcSourceAdapter {

    private static final JdbcSourceDialect DIALECT = new MySqlSourceDialect();

    @Override
    public String type() {
        return "mysql";
    }

    @Override
    protected JdbcSourceDialect dialect() {
        return DIALECT;
    }
}
