package io.sluice.quality;

import io.sluice.quality.model.TableName;
import io.sluice.quality.validation.TableSchema;
import io.sluice.quality.validation.TableSchemaLookup;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The demo's TPC-H tables with the column types the gateway's demo creates in DuckDB (keys BIGINT, money DECIMAL(15,2),
 * dates DATE, text VARCHAR): orders and lineitem in source {@code warehouse}, customer in {@code crm}.
 */
public final class TpchTables {

    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

    public static final TableSchema ORDERS = TableSchema.builder(new TableName("warehouse", "main", "orders"), TYPES)
            .column("o_orderkey", SqlTypeName.BIGINT)
            .column("o_custkey", SqlTypeName.BIGINT)
            .column("o_orderstatus", SqlTypeName.VARCHAR)
            .column("o_totalprice", SqlTypeName.DECIMAL, 15, 2)
            .column("o_orderdate", SqlTypeName.DATE)
            .column("o_orderpriority", SqlTypeName.VARCHAR)
            .column("o_clerk", SqlTypeName.VARCHAR)
            .column("o_shippriority", SqlTypeName.INTEGER)
            .column("o_comment", SqlTypeName.VARCHAR)
            .build();

    public static final TableSchema LINEITEM = TableSchema.builder(
                    new TableName("warehouse", "main", "lineitem"), TYPES)
            .column("l_orderkey", SqlTypeName.BIGINT)
            .column("l_partkey", SqlTypeName.BIGINT)
            .column("l_suppkey", SqlTypeName.BIGINT)
            .column("l_linenumber", SqlTypeName.INTEGER)
            .column("l_quantity", SqlTypeName.DECIMAL, 15, 2)
            .column("l_extendedprice", SqlTypeName.DECIMAL, 15, 2)
            .column("l_discount", SqlTypeName.DECIMAL, 15, 2)
            .column("l_tax", SqlTypeName.DECIMAL, 15, 2)
            .column("l_returnflag", SqlTypeName.VARCHAR)
            .column("l_linestatus", SqlTypeName.VARCHAR)
            .column("l_shipdate", SqlTypeName.DATE)
            .column("l_commitdate", SqlTypeName.DATE)
            .column("l_receiptdate", SqlTypeName.DATE)
            .column("l_shipinstruct", SqlTypeName.VARCHAR)
            .column("l_shipmode", SqlTypeName.VARCHAR)
            .column("l_comment", SqlTypeName.VARCHAR)
            .build();

    public static final TableSchema CUSTOMER = TableSchema.builder(new TableName("crm", "main", "customer"), TYPES)
            .column("c_custkey", SqlTypeName.BIGINT)
            .column("c_name", SqlTypeName.VARCHAR)
            .column("c_address", SqlTypeName.VARCHAR)
            .column("c_nationkey", SqlTypeName.BIGINT)
            .column("c_phone", SqlTypeName.VARCHAR)
            .column("c_acctbal", SqlTypeName.DECIMAL, 15, 2)
            .column("c_mktsegment", SqlTypeName.VARCHAR)
            .column("c_comment", SqlTypeName.VARCHAR)
            .build();

    public static final TableSchemaLookup LOOKUP = TableSchemaLookup.of(List.of(ORDERS, LINEITEM, CUSTOMER));

    private TpchTables() {}
}
