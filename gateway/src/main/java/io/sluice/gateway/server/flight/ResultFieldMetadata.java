package io.sluice.gateway.server.flight;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Adds the Flight SQL column metadata ({@code ARROW:FLIGHT:SQL:*}: where a column comes from, its type name, precision,
 * scale and flags) to the Arrow schema of a result, from the engine's {@link ResultSetMetaData}, the same source the
 * JDBC server describes results from. Only metadata is added: names, types and nullability stay as the conversion chose
 * them, so the schema still describes the streamed batches.
 *
 * <p>{@code REMARKS} is left out on purpose: the Arrow Flight SQL JDBC driver shows it as the column's label.
 */
final class ResultFieldMetadata {

    private ResultFieldMetadata() {}

    /** {@code schema} (the conversion's schema of a result with {@code metadata}) with Flight SQL column metadata. */
    static Schema decorate(Schema schema, ResultSetMetaData metadata) throws SQLException {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < schema.getFields().size(); i++) {
            Field field = schema.getFields().get(i);
            int column = i + 1;
            FlightSqlColumnMetadata.Builder columnMetadata = new FlightSqlColumnMetadata.Builder()
                    .typeName(metadata.getColumnTypeName(column))
                    .precision(metadata.getPrecision(column))
                    .scale(metadata.getScale(column))
                    .isAutoIncrement(metadata.isAutoIncrement(column))
                    .isCaseSensitive(metadata.isCaseSensitive(column))
                    .isReadOnly(metadata.isReadOnly(column))
                    .isSearchable(metadata.isSearchable(column));
            setIfPresent(metadata.getCatalogName(column), columnMetadata::catalogName);
            setIfPresent(metadata.getSchemaName(column), columnMetadata::schemaName);
            setIfPresent(metadata.getTableName(column), columnMetadata::tableName);
            fields.add(withMetadata(field, columnMetadata.build().getMetadataMap()));
        }
        return new Schema(fields, schema.getCustomMetadata());
    }

    /**
     * A root over {@code batch}'s vectors described by {@code schema} where it describes them (same names and types),
     * so that a stream announces the schema its {@code FlightInfo} did; {@code batch} itself otherwise.
     */
    static VectorSchemaRoot describedAs(Schema schema, VectorSchemaRoot batch) {
        List<Field> fields = schema.getFields();
        List<FieldVector> vectors = batch.getFieldVectors();
        if (fields.size() != vectors.size()) {
            return batch;
        }
        for (int i = 0; i < fields.size(); i++) {
            Field expected = fields.get(i);
            Field actual = vectors.get(i).getField();
            if (!expected.getName().equals(actual.getName())
                    || !expected.getType().equals(actual.getType())
                    || expected.isNullable() != actual.isNullable()) {
                return batch;
            }
        }
        return new VectorSchemaRoot(fields, vectors, batch.getRowCount());
    }

    private static Field withMetadata(Field field, Map<String, String> extra) {
        Map<String, String> metadata = new HashMap<>(field.getMetadata());
        metadata.putAll(extra);
        return new Field(
                field.getName(),
                new FieldType(field.isNullable(), field.getType(), field.getDictionary(), metadata),
                field.getChildren());
    }

    private static void setIfPresent(String value, java.util.function.Consumer<String> setter) {
        if (value != null && !value.isEmpty()) {
            setter.accept(value);
        }
    }
}
