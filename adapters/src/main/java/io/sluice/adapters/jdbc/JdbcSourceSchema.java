package io.sluice.adapters.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcBaseSchema;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.IgnoreCaseLookup;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.LoadingCacheLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * The top-level schema of a JDBC source: one sub-schema per schema of the database, listed lazily and cached for a
 * minute, never blocking start-up. Unwraps to the source's {@link DataSource}, which is how generated code reaches it.
 */
final class JdbcSourceSchema extends JdbcBaseSchema implements Wrapper {

    private final JdbcSource source;
    private final DataSource dataSource;
    private final JdbcConvention convention;
    private final Lookup<JdbcDatabaseSchema> subSchemas;

    JdbcSourceSchema(JdbcSource source, DataSource dataSource, JdbcConvention convention) {
        this.source = source;
        this.dataSource = dataSource;
        this.convention = convention;
        this.subSchemas = new LoadingCacheLookup<>(new IgnoreCaseLookup<>() {
            @Override
            public JdbcDatabaseSchema get(String name) {
                return findSchema(name);
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                return schemaNames(pattern.pattern);
            }
        });
    }

    private JdbcDatabaseSchema findSchema(String name) {
        try (Connection connection = dataSource.getConnection()) {
            String catalog = source.dialect().catalog(connection);
            try (ResultSet schemas = connection.getMetaData().getSchemas(catalog, name)) {
                while (schemas.next()) {
                    String schemaName = schemas.getString("TABLE_SCHEM");
                    if (schemaName.equals(name) && !source.dialect().isSystemSchema(schemaName)) {
                        JdbcSchema jdbcSchema = new JdbcSchema(
                                dataSource, source.dialect().sqlDialect(), convention, catalog, schemaName);
                        return new JdbcDatabaseSchema(source, jdbcSchema);
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Set<String> schemaNames(String pattern) {
        Set<String> names = new LinkedHashSet<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet schemas =
                        connection.getMetaData().getSchemas(source.dialect().catalog(connection), pattern)) {
            while (schemas.next()) {
                String schemaName = schemas.getString("TABLE_SCHEM");
                if (!source.dialect().isSystemSchema(schemaName)) {
                    names.add(schemaName);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return names;
    }

    @Override
    public Lookup<Table> tables() {
        return Lookup.empty();
    }

    @Override
    public Lookup<? extends Schema> subSchemas() {
        return subSchemas;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == DataSource.class) {
            return type.cast(dataSource);
        }
        return null;
    }
}
