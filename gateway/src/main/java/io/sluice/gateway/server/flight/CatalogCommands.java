package io.sluice.gateway.server.flight;

import io.sluice.adapters.spi.Source;
import io.sluice.gateway.catalog.CatalogListing;
import io.sluice.gateway.catalog.ColumnDescription;
import io.sluice.gateway.catalog.SluiceTypeSystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Answers the Flight SQL catalog commands (catalogs, schemas, tables with their Arrow schemas, table types, keys) from
 * the {@link CatalogListing} the JDBC server uses too, so both protocols show the same names.
 */
final class CatalogCommands {

    private final CatalogListing listing;
    private final BufferAllocator allocator;
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);

    CatalogCommands(CatalogListing listing, BufferAllocator allocator) {
        this.listing = listing;
        this.allocator = allocator;
    }

    void catalogs(ServerStreamListener listener) {
        List<String> names = listing.catalogNames();
        send(listener, Schemas.GET_CATALOGS_SCHEMA, names.size(), root -> {
            VarCharVector catalog = (VarCharVector) root.getVector("catalog_name");
            for (int i = 0; i < names.size(); i++) {
                set(catalog, i, names.get(i));
            }
        });
    }

    void schemas(CommandGetDbSchemas command, ServerStreamListener listener) {
        List<String[]> rows = new ArrayList<>();
        String catalogName = command.hasCatalog() ? command.getCatalog() : null;
        String pattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
        for (Source source : listing.sources(catalogName)) {
            for (String schema : listing.schemaNames(source, pattern)) {
                rows.add(new String[] {source.name(), schema});
            }
        }
        sendStrings(listener, Schemas.GET_SCHEMAS_SCHEMA, rows);
    }

    void tables(CommandGetTables command, ServerStreamListener listener) {
        List<String> types = command.getTableTypesCount() == 0 ? null : command.getTableTypesList();
        List<Object[]> rows = new ArrayList<>();
        listing.forEachTable(
                command.hasCatalog() ? command.getCatalog() : null,
                command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null,
                command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null,
                (source, schema, name, table) -> {
                    String type = CatalogListing.tableType(table);
                    if (type != null && (types == null || types.contains(type))) {
                        byte[] arrowSchema = command.getIncludeSchema()
                                ? tableSchema(source.name(), schema, name, table)
                                        .serializeAsMessage()
                                : null;
                        rows.add(new Object[] {source.name(), schema, name, type, arrowSchema});
                    }
                });
        Schema schema = command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
        send(listener, schema, rows.size(), root -> {
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                set((VarCharVector) root.getVector("catalog_name"), i, (String) row[0]);
                set((VarCharVector) root.getVector("db_schema_name"), i, (String) row[1]);
                set((VarCharVector) root.getVector("table_name"), i, (String) row[2]);
                set((VarCharVector) root.getVector("table_type"), i, (String) row[3]);
                if (row[4] != null) {
                    ((VarBinaryVector) root.getVector("table_schema")).setSafe(i, (byte[]) row[4]);
                }
            }
        });
    }

    void tableTypes(ServerStreamListener listener) {
        sendStrings(
                listener,
                Schemas.GET_TABLE_TYPES_SCHEMA,
                CatalogListing.TABLE_TYPES.stream()
                        .map(type -> new String[] {type})
                        .toList());
    }

    void primaryKeys(CommandGetPrimaryKeys command, ServerStreamListener listener) {
        List<Object[]> rows = new ArrayList<>();
        String schema = command.hasDbSchema() ? command.getDbSchema() : null;
        for (Source source : listing.sources(command.hasCatalog() ? command.getCatalog() : null)) {
            List<String> key = schema == null ? List.of() : listing.primaryKey(source, schema, command.getTable());
            for (int i = 0; i < key.size(); i++) {
                rows.add(new Object[] {source.name(), schema, command.getTable(), key.get(i), i + 1});
            }
        }
        send(listener, Schemas.GET_PRIMARY_KEYS_SCHEMA, rows.size(), root -> {
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                set((VarCharVector) root.getVector("catalog_name"), i, (String) row[0]);
                set((VarCharVector) root.getVector("db_schema_name"), i, (String) row[1]);
                set((VarCharVector) root.getVector("table_name"), i, (String) row[2]);
                set((VarCharVector) root.getVector("column_name"), i, (String) row[3]);
                ((IntVector) root.getVector("key_sequence")).setSafe(i, (Integer) row[4]);
            }
        });
    }

    /** An empty result with the command's schema: keys between tables are not known (yet). */
    void empty(Schema schema, ServerStreamListener listener) {
        send(listener, schema, 0, root -> {});
    }

    /**
     * The Arrow schema of a table, each field carrying the {@code ARROW:FLIGHT:SQL:*} metadata that clients turn into
     * {@code getColumns} rows: where it is from, its type name, precision and scale as the JDBC server's
     * {@code getColumns} reports them ({@code COLUMN_SIZE}, {@code DECIMAL_DIGITS}), its flags, and the source's
     * comment on it.
     */
    Schema tableSchema(String catalog, String schema, String tableName, Table table) {
        List<RelDataTypeField> fields = table.getRowType(typeFactory).getFieldList();
        List<ColumnDescription> columns = CatalogListing.columns(table, typeFactory);
        List<Field> arrowFields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDescription column = columns.get(i);
            RelDataType type = fields.get(i).getType();
            FlightSqlColumnMetadata.Builder metadata = new FlightSqlColumnMetadata.Builder()
                    .catalogName(catalog)
                    .schemaName(schema)
                    .tableName(tableName)
                    .typeName(column.typeName())
                    .isAutoIncrement(false)
                    .isCaseSensitive(SqlTypeUtil.isCharacter(type))
                    .isReadOnly(true)
                    .isSearchable(true);
            if (column.columnSize() != null) {
                metadata.precision(column.columnSize());
            }
            if (column.decimalDigits() != null) {
                metadata.scale(column.decimalDigits());
            }
            if (column.remarks() != null) {
                metadata.remarks(column.remarks());
            }
            arrowFields.add(new Field(
                    column.name(),
                    new FieldType(
                            column.nullable(),
                            arrowType(type),
                            null,
                            metadata.build().getMetadataMap()),
                    null));
        }
        return new Schema(arrowFields);
    }

    /** The Arrow type results of this column type are streamed as; text where the conversion has none. */
    private static ArrowType arrowType(RelDataType type) {
        int precision = Math.max(type.getPrecision(), 0);
        int scale = type.getScale() == RelDataType.SCALE_NOT_SPECIFIED ? 0 : type.getScale();
        try {
            return ArrowConversion.arrowType(
                    new JdbcFieldInfo(type.getSqlTypeName().getJdbcOrdinal(), precision, scale));
        } catch (RuntimeException unsupported) {
            return ArrowType.Utf8.INSTANCE;
        }
    }

    private void sendStrings(ServerStreamListener listener, Schema schema, List<String[]> rows) {
        send(listener, schema, rows.size(), root -> {
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                for (int column = 0; column < row.length; column++) {
                    set((VarCharVector) root.getVector(column), i, row[column]);
                }
            }
        });
    }

    private void send(ServerStreamListener listener, Schema schema, int rowCount, Consumer<VectorSchemaRoot> fill) {
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            root.allocateNew();
            fill.accept(root);
            root.setRowCount(rowCount);
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    private static void set(VarCharVector vector, int index, String value) {
        if (value == null) {
            vector.setNull(index);
        } else {
            vector.setSafe(index, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
