package io.sluice.gateway.catalog;

import io.sluice.adapters.spi.Source;
import io.sluice.adapters.spi.TableComments;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * Lists the catalog the way clients browse it, shared by the JDBC and Flight SQL servers: each source is a catalog, each
 * of its schemas a schema, so {@code catalog.schema.table} is exactly how tables are addressed in SQL. Patterns are SQL
 * LIKE patterns ({@code %}, {@code _}); null matches everything.
 */
public final class CatalogListing {

    /** The table types clients can filter on. */
    public static final List<String> TABLE_TYPES = List.of("TABLE", "VIEW");

    private final SourceCatalog catalog;

    public CatalogListing(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    /** Receives one table found by {@link #forEachTable}. */
    @FunctionalInterface
    public interface TableVisitor {
        void visit(Source source, String schema, String name, Table table);
    }

    /** The source names, in config order. */
    public List<String> catalogNames() {
        return List.copyOf(catalog.names());
    }

    /** The sources named {@code catalogName}, or all when it is null. */
    public List<Source> sources(String catalogName) {
        return catalog.sources().stream()
                .filter(source -> catalogName == null || catalogName.equals(source.name()))
                .toList();
    }

    /** The schema names of a source matching a LIKE pattern, sorted. */
    public List<String> schemaNames(Source source, String schemaPattern) {
        LikePattern pattern = schemaPattern == null ? LikePattern.any() : new LikePattern(schemaPattern);
        return source.schema().subSchemas().getNames(pattern).stream().sorted().toList();
    }

    /** Visits every table matching the filters, by source, schema and table name. */
    public void forEachTable(String catalogName, String schemaPattern, String tablePattern, TableVisitor visitor) {
        LikePattern tables = tablePattern == null ? LikePattern.any() : new LikePattern(tablePattern);
        for (Source source : sources(catalogName)) {
            for (String schemaName : schemaNames(source, schemaPattern)) {
                Schema schema = source.schema().subSchemas().get(schemaName);
                if (schema == null) {
                    continue;
                }
                for (String tableName :
                        schema.tables().getNames(tables).stream().sorted().toList()) {
                    Table table = schema.tables().get(tableName);
                    if (table != null) {
                        visitor.visit(source, schemaName, tableName, table);
                    }
                }
            }
        }
    }

    /** The primary key columns of a table, in key order; empty when unknown. */
    public List<String> primaryKey(Source source, String schema, String table) {
        return source.capabilities().primaryKey(schema, table);
    }

    /** The columns of {@code table} as clients see them, with the comments the source keeps on them. */
    public static List<ColumnDescription> columns(Table table, RelDataTypeFactory typeFactory) {
        Optional<TableComments> comments = comments(table);
        return table.getRowType(typeFactory).getFieldList().stream()
                .map(field -> ColumnDescription.of(
                        field,
                        comments.flatMap(c -> c.columnComment(field.getName())).orElse(null)))
                .toList();
    }

    /** The comment the source keeps on {@code table}, or null. */
    public static String tableComment(Table table) {
        return comments(table).flatMap(TableComments::tableComment).orElse(null);
    }

    private static Optional<TableComments> comments(Table table) {
        return table instanceof Wrapper wrapper ? wrapper.maybeUnwrap(TableComments.class) : Optional.empty();
    }

    /** TABLE or VIEW for what can be queried; null for what cannot (indexes, sequences, types). */
    public static String tableType(Table table) {
        return switch (table.getJdbcTableType()) {
            case VIEW, MATERIALIZED_VIEW -> "VIEW";
                // OTHER: "BASE TABLE" (DuckDB, MySQL) and "partitioned table" (PostgreSQL) have no constant of their
                // own.
            case TABLE, OTHER, FOREIGN_TABLE, LOCAL_TEMPORARY, GLOBAL_TEMPORARY, TEMPORARY_TABLE -> "TABLE";
            default -> null;
        };
    }
}
