package io.sluice.gateway.demo;

import io.trino.tpch.TpchTable;
import java.util.List;

/**
 * The demo's two DuckDB databases and the TPC-H tables in each, split the way a company's data is: sales in a
 * warehouse, customers in a CRM, so that the natural questions need a cross-source join.
 */
public enum DemoDatabase {
    WAREHOUSE(
            "warehouse",
            List.of(
                    TpchTable.ORDERS,
                    TpchTable.LINE_ITEM,
                    TpchTable.PART,
                    TpchTable.PART_SUPPLIER,
                    TpchTable.SUPPLIER)),
    CRM("crm", List.of(TpchTable.CUSTOMER, TpchTable.NATION, TpchTable.REGION));

    private final String sourceName;
    private final List<TpchTable<?>> tables;

    DemoDatabase(String sourceName, List<TpchTable<?>> tables) {
        this.sourceName = sourceName;
        this.tables = tables;
    }

    /** The source name in the demo config, so tables are {@code <sourceName>.main.<table>}. */
    public String sourceName() {
        return sourceName;
    }

    public String fileName() {
        return sourceName + ".duckdb";
    }

    public List<TpchTable<?>> tables() {
        return tables;
    }
}
