package io.sluice.adapters.jdbc;

import org.apache.calcite.adapter.jdbc.JdbcBaseSchema;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LoadingCacheLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * One schema of a JDBC database. Tables are Calcite's {@link JdbcTable}s (so that Calcite's JDBC rules push work down)
 * wrapped in {@link JdbcSourceTable}s that add exact types and row counts; looked up lazily and cached for a minute.
 */
final class JdbcDatabaseSchema extends JdbcBaseSchema {

    private final Lookup<Table> tables;

    JdbcDatabaseSchema(JdbcSource source, JdbcSchema jdbcSchema) {
        this.tables = new LoadingCacheLookup<>(
                jdbcSchema.tables().map((table, name) -> new JdbcSourceTable(source, (JdbcTable) table)));
    }

    @Override
    public Lookup<Table> tables() {
        return tables;
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return Lookup.empty();
    }
}
