package io.sluice.gateway.catalog;

import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code sluice} schema: the gateway's own tables. Today {@code sluice.primary_keys}, which Sluice's driver reads
 * for {@code DatabaseMetaData.getPrimaryKeys} (Avatica's protocol has no request for keys); query history and quality
 * results come next.
 */
public final class SystemSchema extends AbstractSchema {

    /** The schema's name in SQL; no source may use it. */
    public static final String NAME = "sluice";

    private final Map<String, Table> tables;

    public SystemSchema(SourceCatalog catalog) {
        this.tables = Map.of("primary_keys", new PrimaryKeysTable(catalog));
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
