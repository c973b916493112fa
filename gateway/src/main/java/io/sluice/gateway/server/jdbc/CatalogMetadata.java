package io.sluice.gateway.server.jdbc;

import io.sluice.adapters.spi.Source;
import io.sluice.gateway.catalog.CatalogListing;
import io.sluice.gateway.catalog.ColumnDescription;
import io.sluice.gateway.catalog.SluiceTypeSystem;
import io.sluice.gateway.catalog.SourceCatalog;
import io.sluice.gateway.catalog.SupportedTypes;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * {@code DatabaseMetaData} answers as BI tools expect them: each source is a catalog ({@code TABLE_CAT}), each of its
 * schemas a schema, so {@code catalog.schema.table} is exactly how tables are addressed in SQL. Calcite's own metadata
 * would show only one level below the root.
 */
final class CatalogMetadata {

    private static final List<ColumnMetaData> CATALOG_COLUMNS = columns(String.class, "TABLE_CAT");
    private static final List<ColumnMetaData> SCHEMA_COLUMNS = columns(String.class, "TABLE_SCHEM", "TABLE_CATALOG");
    private static final List<ColumnMetaData> TABLE_COLUMNS = columns(
            String.class,
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "TABLE_TYPE",
            "REMARKS",
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "SELF_REFERENCING_COL_NAME",
            "REF_GENERATION");
    private static final List<ColumnMetaData> COLUMN_COLUMNS = List.of(
            MetaImpl.columnMetaData("TABLE_CAT", 0, String.class, true),
            MetaImpl.columnMetaData("TABLE_SCHEM", 1, String.class, true),
            MetaImpl.columnMetaData("TABLE_NAME", 2, String.class, true),
            MetaImpl.columnMetaData("COLUMN_NAME", 3, String.class, true),
            MetaImpl.columnMetaData("DATA_TYPE", 4, Integer.class, true),
            MetaImpl.columnMetaData("TYPE_NAME", 5, String.class, true),
            MetaImpl.columnMetaData("COLUMN_SIZE", 6, Integer.class, true),
            MetaImpl.columnMetaData("BUFFER_LENGTH", 7, Integer.class, true),
            MetaImpl.columnMetaData("DECIMAL_DIGITS", 8, Integer.class, true),
            MetaImpl.columnMetaData("NUM_PREC_RADIX", 9, Integer.class, true),
            MetaImpl.columnMetaData("NULLABLE", 10, Integer.class, true),
            MetaImpl.columnMetaData("REMARKS", 11, String.class, true),
            MetaImpl.columnMetaData("COLUMN_DEF", 12, String.class, true),
            MetaImpl.columnMetaData("SQL_DATA_TYPE", 13, Integer.class, true),
            MetaImpl.columnMetaData("SQL_DATETIME_SUB", 14, Integer.class, true),
            MetaImpl.columnMetaData("CHAR_OCTET_LENGTH", 15, Integer.class, true),
            MetaImpl.columnMetaData("ORDINAL_POSITION", 16, Integer.class, true),
            MetaImpl.columnMetaData("IS_NULLABLE", 17, String.class, true),
            MetaImpl.columnMetaData("SCOPE_CATALOG", 18, String.class, true),
            MetaImpl.columnMetaData("SCOPE_SCHEMA", 19, String.class, true),
            MetaImpl.columnMetaData("SCOPE_TABLE", 20, String.class, true),
            MetaImpl.columnMetaData("SOURCE_DATA_TYPE", 21, Short.class, true),
            MetaImpl.columnMetaData("IS_AUTOINCREMENT", 22, String.class, true),
            MetaImpl.columnMetaData("IS_GENERATEDCOLUMN", 23, String.class, true));
    private static final List<ColumnMetaData> TYPE_INFO_COLUMNS = List.of(
            MetaImpl.columnMetaData("TYPE_NAME", 0, String.class, false),
            MetaImpl.columnMetaData("DATA_TYPE", 1, Integer.class, false),
            MetaImpl.columnMetaData("PRECISION", 2, Integer.class, true),
            MetaImpl.columnMetaData("LITERAL_PREFIX", 3, String.class, true),
            MetaImpl.columnMetaData("LITERAL_SUFFIX", 4, String.class, true),
            MetaImpl.columnMetaData("CREATE_PARAMS", 5, String.class, true),
            MetaImpl.columnMetaData("NULLABLE", 6, Short.class, false),
            MetaImpl.columnMetaData("CASE_SENSITIVE", 7, Boolean.class, false),
            MetaImpl.columnMetaData("SEARCHABLE", 8, Short.class, false),
            MetaImpl.columnMetaData("UNSIGNED_ATTRIBUTE", 9, Boolean.class, true),
            MetaImpl.columnMetaData("FIXED_PREC_SCALE", 10, Boolean.class, false),
            MetaImpl.columnMetaData("AUTO_INCREMENT", 11, Boolean.class, true),
            MetaImpl.columnMetaData("LOCAL_TYPE_NAME", 12, String.class, true),
            MetaImpl.columnMetaData("MINIMUM_SCALE", 13, Short.class, true),
            MetaImpl.columnMetaData("MAXIMUM_SCALE", 14, Short.class, true),
            MetaImpl.columnMetaData("SQL_DATA_TYPE", 15, Integer.class, true),
            MetaImpl.columnMetaData("SQL_DATETIME_SUB", 16, Integer.class, true),
            MetaImpl.columnMetaData("NUM_PREC_RADIX", 17, Integer.class, true));
    private static final List<ColumnMetaData> TABLE_TYPE_COLUMNS = columns(String.class, "TABLE_TYPE");
    private static final List<ColumnMetaData> PRIMARY_KEY_COLUMNS = List.of(
            MetaImpl.columnMetaData("TABLE_CAT", 0, String.class, true),
            MetaImpl.columnMetaData("TABLE_SCHEM", 1, String.class, true),
            MetaImpl.columnMetaData("TABLE_NAME", 2, String.class, false),
            MetaImpl.columnMetaData("COLUMN_NAME", 3, String.class, false),
            MetaImpl.columnMetaData("KEY_SEQ", 4, Short.class, false),
            MetaImpl.columnMetaData("PK_NAME", 5, String.class, true));

    private final CatalogListing listing;
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);

    CatalogMetadata(SourceCatalog catalog) {
        this.listing = new CatalogListing(catalog);
    }

    Meta.MetaResultSet catalogs(String connectionId) {
        List<Object> rows = new ArrayList<>();
        for (String name : listing.catalogNames()) {
            rows.add(new Object[] {name});
        }
        return resultSet(connectionId, CATALOG_COLUMNS, rows);
    }

    Meta.MetaResultSet schemas(String connectionId, String catalogName, String schemaPattern) {
        List<Object> rows = new ArrayList<>();
        for (Source source : listing.sources(catalogName)) {
            for (String schema : listing.schemaNames(source, schemaPattern)) {
                rows.add(new Object[] {schema, source.name()});
            }
        }
        return resultSet(connectionId, SCHEMA_COLUMNS, rows);
    }

    Meta.MetaResultSet tables(
            String connectionId, String catalogName, String schemaPattern, String tablePattern, List<String> types) {
        List<Object> rows = new ArrayList<>();
        listing.forEachTable(catalogName, schemaPattern, tablePattern, (source, schema, name, table) -> {
            String type = CatalogListing.tableType(table);
            if (type != null && (types == null || types.contains(type))) {
                String remarks = CatalogListing.tableComment(table);
                rows.add(new Object[] {source.name(), schema, name, type, remarks, null, null, null, null, null});
            }
        });
        return resultSet(connectionId, TABLE_COLUMNS, rows);
    }

    Meta.MetaResultSet tableTypes(String connectionId) {
        List<Object> rows = new ArrayList<>();
        for (String type : CatalogListing.TABLE_TYPES) {
            rows.add(new Object[] {type});
        }
        return resultSet(connectionId, TABLE_TYPE_COLUMNS, rows);
    }

    Meta.MetaResultSet columns(
            String connectionId, String catalogName, String schemaPattern, String tablePattern, String columnPattern) {
        Predicate<String> columnMatches = matcher(columnPattern);
        List<Object> rows = new ArrayList<>();
        listing.forEachTable(catalogName, schemaPattern, tablePattern, (source, schema, name, table) -> {
            if (CatalogListing.tableType(table) == null) {
                return;
            }
            for (ColumnDescription column : CatalogListing.columns(table, typeFactory)) {
                if (columnMatches.test(column.name())) {
                    rows.add(columnRow(source.name(), schema, name, column));
                }
            }
        });
        return resultSet(connectionId, COLUMN_COLUMNS, rows);
    }

    /** The types of {@link SupportedTypes}, as Flight SQL's {@code GetXdbcTypeInfo} lists them too. */
    Meta.MetaResultSet typeInfo(String connectionId) {
        List<Object> rows = new ArrayList<>();
        for (SupportedTypes.TypeInfo type : SupportedTypes.all()) {
            rows.add(new Object[] {
                type.name(),
                type.jdbcType(),
                type.precision(),
                type.literalPrefix(),
                type.literalSuffix(),
                type.createParamsText(),
                (short) DatabaseMetaData.typeNullable,
                type.caseSensitive(),
                (short) type.searchable(),
                type.unsigned(),
                false,
                false,
                type.name(),
                type.minimumScale() == null ? null : type.minimumScale().shortValue(),
                type.maximumScale() == null ? null : type.maximumScale().shortValue(),
                null,
                null,
                type.radix()
            });
        }
        return resultSet(connectionId, TYPE_INFO_COLUMNS, rows);
    }

    Meta.MetaResultSet primaryKeys(String connectionId, String catalogName, String schema, String table) {
        List<Object> rows = new ArrayList<>();
        for (Source source : listing.sources(catalogName)) {
            if (schema == null || table == null) {
                continue;
            }
            List<String> key = listing.primaryKey(source, schema, table);
            for (int i = 0; i < key.size(); i++) {
                rows.add(new Object[] {source.name(), schema, table, key.get(i), (short) (i + 1), null});
            }
        }
        return resultSet(connectionId, PRIMARY_KEY_COLUMNS, rows);
    }

    private static Object[] columnRow(String catalog, String schema, String table, ColumnDescription column) {
        return new Object[] {
            catalog,
            schema,
            table,
            column.name(),
            column.jdbcType(),
            column.typeName(),
            column.columnSize(),
            null,
            column.decimalDigits(),
            column.radix(),
            column.nullable() ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
            column.remarks(),
            null,
            null,
            null,
            column.charOctetLength(),
            column.ordinal(),
            column.nullable() ? "YES" : "NO",
            null,
            null,
            null,
            null,
            "NO",
            "NO"
        };
    }

    private static Predicate<String> matcher(String pattern) {
        if (pattern == null) {
            return name -> true;
        }
        return LikePattern.matcher(pattern)::apply;
    }

    private static List<ColumnMetaData> columns(Class<?> type, String... names) {
        List<ColumnMetaData> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(MetaImpl.columnMetaData(name, columns.size(), type, DatabaseMetaData.columnNullable));
        }
        return columns;
    }

    private static Meta.MetaResultSet resultSet(String connectionId, List<ColumnMetaData> columns, List<Object> rows) {
        Meta.Signature signature =
                new Meta.Signature(columns, "", List.of(), null, Meta.CursorFactory.ARRAY, Meta.StatementType.SELECT);
        return Meta.MetaResultSet.create(connectionId, -1, true, signature, Meta.Frame.create(0, true, rows));
    }
}
