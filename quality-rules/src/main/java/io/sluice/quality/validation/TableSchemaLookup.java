package io.sluice.quality.validation;

import io.sluice.quality.model.TableName;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * Finds the columns of a table named in a rule; the caller's catalog behind one method. Names are matched ignoring
 * case, like unquoted identifiers in Sluice's SQL.
 */
@FunctionalInterface
public interface TableSchemaLookup {

    /** The table's columns, or empty when there is no such table. */
    Optional<TableSchema> find(TableName table);

    /** Tables whose names may have been meant when {@code missing} is not found, for "did you mean"; none by default. */
    default Collection<TableName> candidates(TableName missing) {
        return List.of();
    }

    /** A lookup over a fixed list of tables. */
    static TableSchemaLookup of(Collection<TableSchema> tables) {
        List<TableSchema> copy = List.copyOf(tables);
        return new TableSchemaLookup() {
            @Override
            public Optional<TableSchema> find(TableName table) {
                return copy.stream()
                        .filter(schema -> schema.name().matches(table))
                        .findFirst();
            }

            @Override
            public Collection<TableName> candidates(TableName missing) {
                return copy.stream().map(TableSchema::name).toList();
            }
        };
    }

    /**
     * A lookup in a Calcite root schema whose sub-schemas are sources, theirs schemas, and theirs tables (the gateway's
     * catalog); row types are made with {@code typeFactory}.
     */
    static TableSchemaLookup of(SchemaPlus root, RelDataTypeFactory typeFactory) {
        return new TableSchemaLookup() {
            @Override
            public Optional<TableSchema> find(TableName name) {
                return subSchema(root, name.source())
                        .flatMap(source -> subSchema(source, name.schema()))
                        .flatMap(schema -> Optional.ofNullable(Lookup.get(schema.tables(), name.table(), false)))
                        .map(table -> new TableSchema(name, table.getRowType(typeFactory)));
            }

            @Override
            public Collection<TableName> candidates(TableName missing) {
                return subSchema(root, missing.source())
                        .flatMap(source -> subSchema(source, missing.schema()))
                        .map(schema -> schema.tables().getNames(LikePattern.any()).stream()
                                .map(table -> new TableName(missing.source(), missing.schema(), table))
                                .toList())
                        .orElse(List.of());
            }
        };
    }

    private static Optional<Schema> subSchema(Schema parent, String name) {
        return Optional.ofNullable(Lookup.get(parent.subSchemas(), name, false));
    }
}
