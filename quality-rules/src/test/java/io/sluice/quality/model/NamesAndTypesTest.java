package io.sluice.quality.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class NamesAndTypesTest {

    @Test
    void tableName_parse() {
        assertThat(TableName.parse("warehouse.main.orders")).contains(new TableName("warehouse", "main", "orders"));
        assertThat(TableName.parse("shop.\"my.schema\".\"Order \"\"Lines\"\"\""))
                .contains(new TableName("shop", "my.schema", "Order \"Lines\""));
        assertThat(TableName.parse("main.orders")).isEmpty();
        assertThat(TableName.parse("a..c")).isEmpty();
        assertThat(TableName.parse("a.b.\"c")).isEmpty();
        assertThat(new TableName("Warehouse", "MAIN", "orders").matches(new TableName("warehouse", "main", "ORDERS")))
                .isTrue();
    }

    @Test
    void columnReference_parse() {
        assertThat(ColumnReference.parse("crm.main.customer.c_custkey"))
                .contains(new ColumnReference(new TableName("crm", "main", "customer"), "c_custkey"));
        assertThat(ColumnReference.parse("crm.main.customer")).isEmpty();
    }

    @Test
    void sqlType_parse() {
        assertThat(SqlType.parse("date")).contains(SqlType.of(SqlTypeName.DATE));
        assertThat(SqlType.parse(" Decimal ( 15 , 2 ) "))
                .contains(new SqlType(SqlTypeName.DECIMAL, OptionalInt.of(15), OptionalInt.of(2)));
        assertThat(SqlType.parse("numeric(10)"))
                .contains(new SqlType(SqlTypeName.DECIMAL, OptionalInt.of(10), OptionalInt.empty()));
        assertThat(SqlType.parse("int")).contains(SqlType.of(SqlTypeName.INTEGER));
        assertThat(SqlType.parse("double precision")).contains(SqlType.of(SqlTypeName.DOUBLE));
        assertThat(SqlType.parse("text")).contains(SqlType.of(SqlTypeName.VARCHAR));
        assertThat(SqlType.parse("timestamptz")).contains(SqlType.of(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE));
        assertThat(SqlType.parse("varchar(25)").map(SqlType::toString)).contains("VARCHAR(25)");
        assertThat(SqlType.parse("dat")).isEmpty();
        assertThat(SqlType.parse("symbol")).isEmpty();
        assertThat(SqlType.parse("date(3)")).isEmpty();
        assertThat(SqlType.parse("integer(5, 2)")).isEmpty();
    }
}
