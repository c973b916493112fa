package io.sluice.quality.parser.dbt;

import io.sluice.quality.model.TableName;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Sluice table a dbt model stands for, when the model does not say so itself with {@code meta: {sluice: {table:
 * source.schema.table}}} (which always wins). dbt models are built into one target schema, so the caller names the
 * Sluice source and schema where they land, and the model's {@code alias} (or name) is the table. dbt <em>sources</em>
 * need no mapping: see {@link DbtSchemaReader}.
 *
 * @param source the Sluice source holding dbt's target schema; empty when models must name their table in meta
 * @param schema the schema inside that source
 */
public record DbtTableMapping(Optional<String> source, Optional<String> schema) {

    public DbtTableMapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(schema, "schema");
        if (source.isPresent() != schema.isPresent()) {
            throw new IllegalArgumentException("give both the source and the schema of dbt models, or neither");
        }
    }

    /** Models map to tables only through their {@code meta: {sluice: {table: …}}}. */
    public static DbtTableMapping metaOnly() {
        return new DbtTableMapping(Optional.empty(), Optional.empty());
    }

    /** Models are tables {@code source.schema.<alias or name>}. */
    public static DbtTableMapping modelsIn(String source, String schema) {
        return new DbtTableMapping(Optional.of(source), Optional.of(schema));
    }

    /** The table of a model named {@code relation} (its alias or name), when a default is set. */
    Optional<TableName> modelTable(String relation) {
        return source.map(name -> new TableName(name, schema.orElseThrow(), relation));
    }
}
