package io.sluice.gateway.server.flight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportsConvert;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.util.JsonStringArrayList;
import org.apache.arrow.vector.util.Text;
import org.junit.jupiter.api.Test;

class ServerInfoTest {

    private static final Map<SqlInfo, Object> VALUES = ServerInfo.values();

    @Test
    void values_coverEverySqlInfoKey() {
        List<SqlInfo> missing = Arrays.stream(SqlInfo.values())
                .filter(key -> key != SqlInfo.UNRECOGNIZED && !VALUES.containsKey(key))
                .toList();
        assertThat(missing).as("SqlInfo keys without a value").isEmpty();
    }

    @Test
    void table_writesEveryValueReadableAsItsType() {
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = new SqlInfoTable(VALUES).build(List.of(), allocator)) {
            Map<SqlInfo, Object> read = read(root);
            assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(VALUES.keySet());
            VALUES.forEach((key, expected) -> {
                Object actual = read.get(key);
                if (expected instanceof List<?> list) {
                    assertThat(actual)
                            .as(key.name())
                            .isEqualTo(list.stream().map(String::valueOf).toList());
                } else if (expected instanceof Map<?, ?>) {
                    assertThat(actual).as(key.name()).isInstanceOf(List.class);
                } else {
                    assertThat(actual).as(key.name()).isEqualTo(expected);
                }
            });
            assertThat(allocator.getAllocatedMemory()).isPositive();
        }
    }

    @Test
    void table_answersTheKeysAskedInOrderAndSkipsUnknownOnes() {
        try (BufferAllocator allocator = new RootAllocator();
                VectorSchemaRoot root = new SqlInfoTable(VALUES)
                        .build(
                                List.of(
                                        SqlInfo.SQL_IDENTIFIER_QUOTE_CHAR_VALUE,
                                        99_999,
                                        SqlInfo.FLIGHT_SQL_SERVER_READ_ONLY_VALUE),
                                allocator)) {
            assertThat(new ArrayList<>(read(root).entrySet())
                            .stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .containsExactly("SQL_IDENTIFIER_QUOTE_CHAR=\"", "FLIGHT_SQL_SERVER_READ_ONLY=true");
        }
    }

    @Test
    void functionsAndKeywords_comeFromTheEngine() {
        assertThat(list(SqlInfo.SQL_NUMERIC_FUNCTIONS))
                .contains("ABS", "MOD", "ROUND")
                .doesNotContain("SUM");
        assertThat(list(SqlInfo.SQL_STRING_FUNCTIONS)).contains("UPPER", "SUBSTRING", "REPLACE");
        assertThat(list(SqlInfo.SQL_DATETIME_FUNCTIONS)).contains("CURRENT_DATE", "TO_CHAR");
        assertThat(list(SqlInfo.SQL_SYSTEM_FUNCTIONS)).contains("USER", "COALESCE", "EXTRACT");
        // Not SQL:2003 keywords of their own, as JDBC's getSQLKeywords asks.
        assertThat(list(SqlInfo.SQL_KEYWORDS)).contains("LIMIT", "OFFSET").doesNotContain("SELECT");
    }

    @Test
    void supportsConvert_followsTheEnginesCastRules() {
        @SuppressWarnings("unchecked")
        Map<Integer, List<Integer>> convert = (Map<Integer, List<Integer>>) VALUES.get(SqlInfo.SQL_SUPPORTS_CONVERT);
        assertThat(convert.get(SqlSupportsConvert.SQL_CONVERT_VARCHAR_VALUE))
                .contains(SqlSupportsConvert.SQL_CONVERT_INTEGER_VALUE, SqlSupportsConvert.SQL_CONVERT_DATE_VALUE);
        assertThat(convert.get(SqlSupportsConvert.SQL_CONVERT_DATE_VALUE))
                .contains(SqlSupportsConvert.SQL_CONVERT_TIMESTAMP_VALUE)
                .doesNotContain(SqlSupportsConvert.SQL_CONVERT_INTEGER_VALUE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(SqlInfo key) {
        return (List<String>) VALUES.get(key);
    }

    private static Map<SqlInfo, Object> read(VectorSchemaRoot root) {
        UInt4Vector names = (UInt4Vector) root.getVector("info_name");
        DenseUnionVector values = (DenseUnionVector) root.getVector("value");
        Map<SqlInfo, Object> read = new LinkedHashMap<>();
        for (int row = 0; row < root.getRowCount(); row++) {
            Object value = values.getObject(row);
            if (value instanceof Text text) {
                value = text.toString();
            } else if (value instanceof JsonStringArrayList<?> list) {
                value = list.stream().map(String::valueOf).toList();
            }
            read.put(SqlInfo.forNumber(names.get(row)), value);
        }
        return read;
    }
}
