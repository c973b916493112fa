package io.sluice.quality.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as queries address it, {@code source.schema.table} (the source is the name given in {@code sluice.yaml}).
 * Names are kept as written; they are matched case-insensitively, like unquoted identifiers in Sluice's SQL.
 */
public record TableName(String source, String schema, String table) {

    /** What a table name looks like, for "expected …" messages. */
    public static final String EXPECTED = "a table name source.schema.table";

    public TableName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /** Parses {@code source.schema.table}; empty unless there are exactly three non-empty parts. */
    public static Optional<TableName> parse(String text) {
        List<String> parts = QualifiedNames.split(text);
        return parts.size() == 3
                ? Optional.of(new TableName(parts.get(0), parts.get(1), parts.get(2)))
                : Optional.empty();
    }

    /** Whether this names the same table as {@code other}, ignoring case. */
    public boolean matches(TableName other) {
        return source.equalsIgnoreCase(other.source)
                && schema.equalsIgnoreCase(other.schema)
                && table.equalsIgnoreCase(other.table);
    }

    @Override
    public String toString() {
        return source + "." + schema + "." + table;
    }
}
