package io.sluice.gateway.catalog;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.sluice.gateway.quality.QualityFunctions;
import io.sluice.gateway.quality.RowRuleSet;
import io.sluice.gateway.quality.RuleRegistry;
import io.sluice.gateway.quality.RulesTable;
import io.sluice.gateway.quality.scan.ScanFunction;
import io.sluice.gateway.quality.scan.Scanner;
import io.sluice.gateway.quality.store.QualityStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code sluice} schema: the gateway's own tables. {@code sluice.primary_keys}, which Sluice's driver reads for
 * {@code DatabaseMetaData.getPrimaryKeys} (Avatica's protocol has no request for keys), and the quality results store's
 * {@code sluice.quality_results} and {@code sluice.quarantine}, whose queries run in the store's database, and the
 * rules in force, {@code sluice.quality_rules}.
 */
public final class SystemSchema extends AbstractSchema implements Wrapper {

    /** The schema's name in SQL; no source may use it. */
    public static final String NAME = "sluice";

    private final Table primaryKeys;
    private final @Nullable Table rulesTable;
    private final @Nullable QualityStore store;
    private final Multimap<String, Function> functions;

    /**
     * @param rules the rules in force; when they come from a rules directory, {@code sluice.reload_rules()} reloads
     *     them
     */
    public SystemSchema(SourceCatalog catalog, @Nullable QualityStore store, RowRuleSet rules) {
        this.primaryKeys = new PrimaryKeysTable(catalog);
        this.store = store;
        ImmutableMultimap.Builder<String, Function> functions = ImmutableMultimap.builder();
        functions.putAll(QualityFunctions.all());
        if (rules instanceof RuleRegistry registry) {
            functions.put("reload_rules", registry.reloadFunction());
            // Made on first use: a scanner has its own engine, without inline checks.
            Supplier<Scanner> scanner =
                    Suppliers.memoize(() -> Scanner.over(catalog, registry::ruleSet, store, Clock.systemUTC()));
            functions.putAll(ScanFunction.NAME, ScanFunction.overloads(scanner));
            this.rulesTable = new RulesTable(registry);
        } else {
            this.rulesTable = null;
        }
        this.functions = functions.build();
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new HashMap<>();
        tables.put("primary_keys", primaryKeys);
        if (rulesTable != null) {
            tables.put("quality_rules", rulesTable);
        }
        if (store != null) {
            for (String name : QualityStore.TABLES) {
                Table table = store.table(name);
                if (table != null) {
                    tables.put(name, table);
                }
            }
        }
        return tables;
    }

    @Override
    protected Multimap<String, Function> getFunctionMultimap() {
        return functions;
    }

    /** Scans of the store's tables find the store's data source here: the store is registered under this name. */
    @Override
    public <C> @Nullable C unwrap(Class<C> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        Schema storeSchema = store == null ? null : store.schema();
        return storeSchema instanceof Wrapper wrapper ? wrapper.unwrap(type) : null;
    }
}
