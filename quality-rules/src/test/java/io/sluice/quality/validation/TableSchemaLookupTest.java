package io.sluice.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.model.TableName;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The lookup the gateway uses: a Calcite root schema with one sub-schema per source, then schemas, then tables. */
class TableSchemaLookupTest {

    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

    @Test
    void calciteSchema_findsTablesIgnoringCase() {
        SchemaPlus root = CalciteSchema.createRootSchema(false, false).plus();
        SchemaPlus warehouse = root.add("warehouse", new AbstractSchema());
        warehouse.add("main", new OneTableSchema("orders"));
        TableSchemaLookup lookup = TableSchemaLookup.of(root, TYPES);

        TableSchema orders =
                lookup.find(new TableName("WAREHOUSE", "Main", "ORDERS")).orElseThrow();

        assertThat(orders.columnNames()).containsExactly("o_orderkey", "o_orderdate");
        assertThat(orders.column("O_ORDERDATE").orElseThrow().getType().getSqlTypeName())
                .isEqualTo(SqlTypeName.DATE);
        assertThat(lookup.find(new TableName("warehouse", "main", "lineitem"))).isEmpty();
        assertThat(lookup.find(new TableName("crm", "main", "orders"))).isEmpty();
        assertThat(lookup.candidates(new TableName("warehouse", "main", "order")))
                .containsExactly(new TableName("warehouse", "main", "orders"));
    }

    /** A schema with one table of two columns. */
    private static final class OneTableSchema extends AbstractSchema {

        private final String name;

        OneTableSchema(String name) {
            this.name = name;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return Map.of(name, new AbstractTable() {
                @Override
                public RelDataType getRowType(RelDataTypeFactory typeFactory) {
                    return typeFactory
                            .builder()
                            .add("o_orderkey", SqlTypeName.BIGINT)
                            .add("o_orderdate", SqlTypeName.DATE)
                            .build();
                }
            });
        }
    }
}
