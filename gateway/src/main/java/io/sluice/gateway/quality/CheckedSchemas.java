package io.sluice.gateway.quality;

import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcBaseSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.Lookup;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Puts row rules into a source's schema tree: a source (catalog) holds schemas that hold tables, and every table with
 * row rules is replaced, at lookup time, by a {@link CheckedTable}. Lookups are not cached here, so the rules in force
 * are the ones of the moment the query is planned.
 */
public final class CheckedSchemas {

    private CheckedSchemas() {}

    /** The schema tree of {@code source} with the rules of {@code rules} applied. */
    public static Schema checked(String source, Schema sourceSchema, RowRuleSet rules) {
        return new SourceLevel(source, sourceSchema, rules);
    }

    /** Calcite's JDBC scans find their source's DataSource by unwrapping the source's schema. */
    private abstract static class Delegating extends JdbcBaseSchema implements Wrapper {
        final Schema schema;

        Delegating(Schema schema) {
            this.schema = schema;
        }

        @Override
        public <T> @Nullable T unwrap(Class<T> type) {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            return schema instanceof Wrapper wrapper ? wrapper.unwrap(type) : null;
        }
    }

    private static final class SourceLevel extends Delegating {
        private final Lookup<Schema> subSchemas;

        SourceLevel(String source, Schema schema, RowRuleSet rules) {
            super(schema);
            this.subSchemas = schema.subSchemas().map((sub, name) -> new SchemaLevel(source, name, sub, rules));
        }

        @Override
        public Lookup<Table> tables() {
            return schema.tables();
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return subSchemas;
        }
    }

    private static final class SchemaLevel extends Delegating {
        private final Lookup<Table> tables;

        SchemaLevel(String source, String schemaName, Schema schema, RowRuleSet rules) {
            super(schema);
            this.tables = schema.tables().map((table, name) -> {
                List<RowRuleSet.RuleSql> tableRules = rules.rowRules(source, schemaName, name);
                if (tableRules.isEmpty() || !(table instanceof TranslatableTable translatable)) {
                    return table;
                }
                return new CheckedTable(translatable, List.of(source, schemaName, name), tableRules);
            });
        }

        @Override
        public Lookup<Table> tables() {
            return tables;
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return schema.subSchemas();
        }
    }
}
