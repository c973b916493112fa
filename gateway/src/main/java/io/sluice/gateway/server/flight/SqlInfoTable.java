package io.sluice.gateway.server.flight;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.impl.UnionMapWriter;
import org.apache.arrow.vector.complex.writer.BaseWriter;

/**
 * Writes {@code GetSqlInfo} answers: one row per requested key, its value in the dense union of
 * {@link Schemas#GET_SQL_INFO_SCHEMA}. Arrow's {@code SqlInfoBuilder} cannot set four of the keys (result set
 * concurrencies), allocates outside the server's allocator and fails the whole call on an unknown key; this writer
 * allocates from the server's allocator and skips keys it has no value for, as the protocol asks.
 */
final class SqlInfoTable {

    // Type ids of the union's members, in the order GET_SQL_INFO_SCHEMA declares them.
    private static final byte STRING = 0;
    private static final byte BOOLEAN = 1;
    private static final byte BIGINT = 2;
    private static final byte INT32_BITMASK = 3;
    private static final byte STRING_LIST = 4;
    private static final byte INT32_TO_INT32_LIST_MAP = 5;

    private final Map<SqlInfo, Object> values;

    /**
     * @param values each key's value: a String, Boolean, Long (int64), Integer (int32 or bitmask), List of String, or
     *     Map of Integer to List of Integer
     */
    SqlInfoTable(Map<SqlInfo, Object> values) {
        this.values = Map.copyOf(values);
    }

    /** Sends the values of {@code requested} (all when empty), in the order asked. */
    void send(List<Integer> requested, BufferAllocator allocator, ServerStreamListener listener) {
        try (VectorSchemaRoot root = build(requested, allocator)) {
            listener.start(root);
            listener.putNext();
            listener.completed();
        }
    }

    /** The answer to a request for {@code requested} (all keys when empty); unknown keys are left out. */
    VectorSchemaRoot build(List<Integer> requested, BufferAllocator allocator) {
        List<SqlInfo> keys = new ArrayList<>();
        if (requested.isEmpty()) {
            values.keySet().stream().sorted().forEach(keys::add);
        } else {
            for (int number : requested) {
                SqlInfo key = SqlInfo.forNumber(number);
                if (key != null && values.containsKey(key)) {
                    keys.add(key);
                }
            }
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_SQL_INFO_SCHEMA, allocator);
        try {
            write(root, keys);
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private void write(VectorSchemaRoot root, List<SqlInfo> keys) {
        root.allocateNew();
        UInt4Vector names = (UInt4Vector) root.getVector("info_name");
        DenseUnionVector union = (DenseUnionVector) root.getVector("value");
        for (int row = 0; row < keys.size(); row++) {
            SqlInfo key = keys.get(row);
            names.setSafe(row, key.getNumber());
            Object value = values.get(key);
            byte typeId = typeId(key, value);
            ValueVector member = union.getVectorByType(typeId);
            int offset = member.getValueCount();
            switch (typeId) {
                case STRING -> ((VarCharVector) member)
                        .setSafe(offset, ((String) value).getBytes(StandardCharsets.UTF_8));
                case BOOLEAN -> ((BitVector) member).setSafe(offset, (Boolean) value ? 1 : 0);
                case BIGINT -> ((BigIntVector) member).setSafe(offset, (Long) value);
                case INT32_BITMASK -> ((IntVector) member).setSafe(offset, (Integer) value);
                case STRING_LIST -> writeList((ListVector) member, offset, (List<?>) value);
                default -> writeMap((MapVector) member, offset, (Map<?, ?>) value);
            }
            member.setValueCount(offset + 1);
            union.setTypeId(row, typeId);
            union.getOffsetBuffer().setInt((long) row * DenseUnionVector.OFFSET_WIDTH, offset);
        }
        names.setValueCount(keys.size());
        union.setValueCount(keys.size());
        root.setRowCount(keys.size());
    }

    private static byte typeId(SqlInfo key, Object value) {
        if (value instanceof String) {
            return STRING;
        } else if (value instanceof Boolean) {
            return BOOLEAN;
        } else if (value instanceof Long) {
            return BIGINT;
        } else if (value instanceof Integer) {
            return INT32_BITMASK;
        } else if (value instanceof List<?>) {
            return STRING_LIST;
        } else if (value instanceof Map<?, ?>) {
            return INT32_TO_INT32_LIST_MAP;
        }
        throw new IllegalArgumentException("No SqlInfo value type for " + key + ": " + value);
    }

    private static void writeList(ListVector list, int offset, List<?> strings) {
        UnionListWriter writer = list.getWriter();
        writer.setPosition(offset);
        writer.startList();
        for (Object string : strings) {
            writer.writeVarChar((String) string);
        }
        writer.endList();
    }

    private static void writeMap(MapVector map, int offset, Map<?, ?> entries) {
        UnionMapWriter writer = map.getWriter();
        writer.setPosition(offset);
        writer.startMap();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            writer.startEntry();
            writer.key().integer().writeInt((Integer) entry.getKey());
            BaseWriter.ListWriter targets = writer.value().list();
            targets.startList();
            for (Object target : (List<?>) entry.getValue()) {
                targets.integer().writeInt((Integer) target);
            }
            targets.endList();
            writer.endEntry();
        }
        writer.endMap();
    }
}
