package io.sluice.gateway.quality;

import io.sluice.adapters.spi.SourceUnavailableException;
import io.sluice.quality.model.TableName;
import io.sluice.quality.validation.TableSchema;
import io.sluice.quality.validation.TableSchemaLookup;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table lookup that survives sources that are down: their tables are reported missing and their sources remembered,
 * so that rules of a source that is down at start-up are kept unchecked (a source being down never stops the gateway)
 * instead of failing as unknown tables.
 */
final class ReachableTables implements TableSchemaLookup {

    private final TableSchemaLookup tables;
    private final Set<String> unreachableSources = ConcurrentHashMap.newKeySet();

    ReachableTables(TableSchemaLookup tables) {
        this.tables = tables;
    }

    @Override
    public Optional<TableSchema> find(TableName table) {
        try {
            return tables.find(table);
        } catch (RuntimeException e) {
            unreachable(table, e);
            return Optional.empty();
        }
    }

    @Override
    public Collection<TableName> candidates(TableName missing) {
        try {
            return tables.candidates(missing);
        } catch (RuntimeException e) {
            unreachable(missing, e);
            return List.of();
        }
    }

    private void unreachable(TableName table, RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceUnavailableException) {
                unreachableSources.add(table.source());
                return;
            }
        }
        throw error;
    }

    /** Whether looking up a table of {@code source} failed because the source could not be reached. */
    boolean isUnreachable(String source) {
        return unreachableSources.contains(source);
    }

    /** Forgets earlier failures, before a new load. */
    void reset() {
        unreachableSources.clear();
    }
}
