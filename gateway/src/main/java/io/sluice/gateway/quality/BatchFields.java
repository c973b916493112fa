package io.sluice.gateway.quality;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.ParameterExpression;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The fields of the checked rows as generated code reads them from an Arrow batch, row {@code row} of each vector, as
 * the engine holds values of the field's SQL type: a DATE as days since 1970-01-01, a TIME as milliseconds of the day,
 * a TIMESTAMP as milliseconds (cut as the engine cuts them), DECIMAL as BigDecimal, text as String, binary as
 * ByteString, numbers as primitives. A field that is NOT NULL in {@code rowType} is read without a null check (the
 * checks compiled for batches without nulls say so of every field), others are boxed, null for a null.
 *
 * <p>After the input's fields come the {@link TextMeasures} (read from a {@link MeasuredText}) and the {@link
 * UnscaledDecimals} (the long of a DECIMAL vector).
 */
final class BatchFields implements RexToLixTranslator.InputGetter {

    /** The checks' columns as they arrive (null where none is read), their measures, and the decimals read unscaled. */
    record Layout(
            List<@Nullable FieldVector> vectors,
            List<SqlTypeName> types,
            List<TextMeasures.Measure> measures,
            List<Integer> unscaled) {}

    private final Layout layout;
    private final RelDataType rowType;
    private final ParameterExpression row;
    private final Map<Integer, ParameterExpression> vectorLocals = new HashMap<>();
    private final Map<Integer, ParameterExpression> addressLocals = new HashMap<>();
    private final Map<Integer, ParameterExpression> measureLocals = new HashMap<>();

    /**
     * Declares in {@code body} a local for each column read (cast from {@code vectors} to its vector's class) and each
     * measure (from {@code measures}), which the fields of row {@code row} are read from.
     */
    BatchFields(
            Layout layout,
            RelDataType rowType,
            BlockBuilder body,
            ParameterExpression vectors,
            ParameterExpression measures,
            ParameterExpression row) {
        this.layout = layout;
        this.rowType = rowType;
        this.row = row;
        for (int i = 0; i < layout.vectors().size(); i++) {
            FieldVector vector = layout.vectors().get(i);
            if (vector != null) {
                ParameterExpression local = Expressions.parameter(Modifier.FINAL, vector.getClass(), "v" + i);
                body.add(Expressions.declare(
                        Modifier.FINAL,
                        local,
                        Expressions.convert_(
                                Expressions.arrayIndex(vectors, Expressions.constant(i)), vector.getClass())));
                vectorLocals.put(i, local);
                ParameterExpression address = Expressions.parameter(Modifier.FINAL, long.class, "a" + i);
                body.add(Expressions.declare(
                        Modifier.FINAL,
                        address,
                        Expressions.call(Expressions.call(local, "getDataBuffer"), "memoryAddress")));
                addressLocals.put(i, address);
            }
        }
        for (int i = 0; i < layout.measures().size(); i++) {
            ParameterExpression local = Expressions.parameter(Modifier.FINAL, MeasuredText.class, "m" + i);
            body.add(Expressions.declare(
                    Modifier.FINAL, local, Expressions.arrayIndex(measures, Expressions.constant(i))));
            measureLocals.put(i, local);
        }
    }

    /** Whether generated code can read {@code vector} as values of {@code type}. */
    static boolean readable(FieldVector vector, SqlTypeName type) {
        ParameterExpression probe = Expressions.parameter(vector.getClass(), "probe");
        return value(vector, type, probe, Expressions.constant(0L), Expressions.constant(0)) != null;
    }

    @Override
    public Expression field(BlockBuilder list, int index, @Nullable Type storageType) {
        RelDataType type = rowType.getFieldList().get(index).getType();
        int inputs = layout.vectors().size();
        int measures = layout.measures().size();
        Expression value;
        Expression isNull;
        if (index < inputs) {
            ParameterExpression vector = vector(index);
            value = value(
                    layout.vectors().get(index), layout.types().get(index), vector, addressLocals.get(index), row);
            isNull = Expressions.call(vector, "isNull", row);
        } else if (index < inputs + measures) {
            ParameterExpression measure = measureLocals.get(index - inputs);
            value = measured(measure, layout.measures().get(index - inputs));
            isNull = Expressions.call(measure, "isNull", row);
        } else {
            int column = layout.unscaled().get(index - inputs - measures);
            // The low 64 bits of the 128-bit little-endian two's complement, which hold the whole value of a decimal of
            // up to 18 digits.
            value = read("getLong", addressLocals.get(column), row, 16);
            isNull = Expressions.call(vector(column), "isNull", row);
        }
        if (value == null) {
            throw new IllegalStateException("No Arrow read for field " + index + " of " + rowType);
        }
        Expression field = type.isNullable()
                ? Expressions.condition(
                        isNull, Expressions.constant(null, Primitive.box(value.getType())), Expressions.box(value))
                : value;
        return storageType == null ? field : EnumUtils.convert(field, storageType);
    }

    private ParameterExpression vector(int field) {
        ParameterExpression local = vectorLocals.get(field);
        if (local == null) {
            throw new IllegalStateException("Column " + field + " is read but was not declared");
        }
        return local;
    }

    private Expression measured(ParameterExpression measure, TextMeasures.Measure kind) {
        return switch (kind.kind()) {
            case CHAR_LENGTH -> Expressions.call(measure, "charLength", row);
            case VALID_ENCODING -> Expressions.call(measure, "validEncoding", row);
            case IN, NOT_IN -> Expressions.call(measure, "in", row);
        };
    }

    /**
     * The value of row {@code row} of {@code vector} (a local of the vector's class, whose data buffer starts at {@code
     * address}) as the engine holds it. Fixed-width values are read straight from the data buffer's memory: the row is
     * below the batch's row count, so inside the buffer, and a null is checked before (or, in a batch without nulls,
     * cannot be there).
     */
    private static @Nullable Expression value(
            @Nullable FieldVector prototype, SqlTypeName type, Expression vector, Expression address, Expression row) {
        if (prototype == null) {
            return null;
        }
        return switch (type) {
            case BOOLEAN -> prototype instanceof BitVector
                    ? Expressions.call(ArrowReads.class, "bool", vector, row)
                    : null;
            case TINYINT -> prototype instanceof TinyIntVector ? read("getByte", address, row, 1) : null;
            case SMALLINT -> prototype instanceof SmallIntVector ? read("getShort", address, row, 2) : null;
            case INTEGER -> prototype instanceof IntVector ? read("getInt", address, row, 4) : null;
            case BIGINT -> prototype instanceof BigIntVector ? read("getLong", address, row, 8) : null;
            case DECIMAL -> prototype instanceof DecimalVector
                    ? Expressions.call(ArrowReads.class, "decimal", vector, row)
                    : null;
            case FLOAT, DOUBLE -> prototype instanceof Float8Vector
                    ? Expressions.call(Double.class, "longBitsToDouble", read("getLong", address, row, 8))
                    : null;
            case REAL -> prototype instanceof Float4Vector
                    ? Expressions.call(Float.class, "intBitsToFloat", read("getInt", address, row, 4))
                    : null;
            case CHAR, VARCHAR -> prototype instanceof VarCharVector
                    ? Expressions.call(ArrowReads.class, "text", vector, row)
                    : null;
            case BINARY, VARBINARY -> prototype instanceof VarBinaryVector || prototype instanceof FixedSizeBinaryVector
                    ? Expressions.call(ArrowReads.class, "binary", vector, row)
                    : null;
            case DATE -> prototype instanceof DateDayVector ? read("getInt", address, row, 4) : null;
            case TIME -> time(prototype, address, row);
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> timestamp(prototype, read("getLong", address, row, 8));
            default -> null;
        };
    }

    /** {@code MemoryUtil.<method>(address + row * width)}. */
    private static Expression read(String method, Expression address, Expression row, long width) {
        return Expressions.call(
                MemoryUtil.class,
                method,
                Expressions.add(
                        address,
                        Expressions.multiply(Expressions.convert_(row, long.class), Expressions.constant(width))));
    }

    private static @Nullable Expression time(FieldVector prototype, Expression address, Expression row) {
        if (prototype instanceof TimeMicroVector) {
            return Expressions.convert_(
                    Expressions.call(
                            Math.class, "floorDiv", read("getLong", address, row, 8), Expressions.constant(1_000L)),
                    int.class);
        }
        return prototype instanceof TimeMilliVector ? read("getInt", address, row, 4) : null;
    }

    private static @Nullable Expression timestamp(FieldVector prototype, Expression get) {
        if (!(prototype instanceof TimeStampVector)
                || !(prototype.getField().getType() instanceof ArrowType.Timestamp type)) {
            return null;
        }
        return switch (type.getUnit()) {
            case SECOND -> Expressions.multiply(get, Expressions.constant(1_000L));
            case MILLISECOND -> get;
            case MICROSECOND -> Expressions.call(Math.class, "floorDiv", get, Expressions.constant(1_000L));
            case NANOSECOND -> Expressions.call(Math.class, "floorDiv", get, Expressions.constant(1_000_000L));
        };
    }
}
