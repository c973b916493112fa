package io.sluice.quality.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A column of some table, {@code source.schema.table.column}: the target of a {@code foreign_key} rule. */
public record ColumnReference(TableName table, String column) {

    /** What a column reference looks like, for "expected …" messages. */
    public static final String EXPECTED = "a column reference source.schema.table.column";

    public ColumnReference {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    /** Parses {@code source.schema.table.column}; empty unless there are exactly four non-empty parts. */
    public static Optional<ColumnReference> parse(String text) {
        List<String> parts = QualifiedNames.split(text);
        if (parts.size() != 4) {
            return Optional.empty();
        }
        return Optional.of(new ColumnReference(new TableName(parts.get(0), parts.get(1), parts.get(2)), parts.get(3)));
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
