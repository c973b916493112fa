package io.sluice.gateway.quality;

import io.sluice.quality.runtime.RowFunctions;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites checks over Arrow batches so that {@code CHAR_LENGTH(column)} and {@code sluice.valid_encoding(column)} of a
 * text column become fields of their own, measured on the column's UTF-8 bytes: for text that is all printable ASCII
 * (most text) no String is built, and other text is decoded and measured as the engine does. A column read only
 * through these measures (and perhaps as a violation's sample) is then never decoded for a row that passes.
 *
 * <p>Measured fields follow the input's fields, in the order first met.
 */
final class TextMeasures extends RexShuttle {

    private static final Method VALID_ENCODING = method("validEncoding", String.class);

    /** What is measured of a text column. */
    enum Kind {
        /** {@code CHAR_LENGTH}: UTF-16 code units, as Java strings (and so the engine) count them. */
        CHAR_LENGTH,
        /** {@code sluice.valid_encoding}. */
        VALID_ENCODING
    }

    /** One measured field: {@code kind} of input field {@code field}, typed as the call it replaces. */
    record Measure(int field, Kind kind, RelDataType type) {

        /** A reader of the measure from the column's vector, if it arrives as UTF-8 text. */
        Optional<ArrowValues> values(FieldVector vector) {
            return vector instanceof VarCharVector text ? Optional.of(new Utf8Measure(text, kind)) : Optional.empty();
        }
    }

    private final RelDataType inputRowType;
    private final List<Measure> measures = new ArrayList<>();

    TextMeasures(RelDataType inputRowType) {
        this.inputRowType = inputRowType;
    }

    List<Measure> measures() {
        return List.copyOf(measures);
    }

    /** The input's row type followed by the measured fields: the row type of the rewritten checks. */
    RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder().addAll(inputRowType.getFieldList());
        for (int i = 0; i < measures.size(); i++) {
            builder.add("$measure" + i, measures.get(i).type());
        }
        return builder.uniquify().build();
    }

    @Override
    public RexNode visitCall(RexCall call) {
        Kind kind = kind(call.getOperator());
        if (kind != null
                && call.getOperands().size() == 1
                && call.getOperands().get(0) instanceof RexInputRef column
                && column.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER) {
            return new RexInputRef(slot(column.getIndex(), kind, call.getType()), call.getType());
        }
        return super.visitCall(call);
    }

    private int slot(int field, Kind kind, RelDataType type) {
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            if (measure.field() == field
                    && measure.kind() == kind
                    && measure.type().equals(type)) {
                return inputRowType.getFieldCount() + i;
            }
        }
        measures.add(new Measure(field, kind, type));
        return inputRowType.getFieldCount() + measures.size() - 1;
    }

    private static @Nullable Kind kind(SqlOperator operator) {
        if (operator == SqlStdOperatorTable.CHAR_LENGTH || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
            return Kind.CHAR_LENGTH;
        }
        if (operator instanceof SqlUserDefinedFunction function
                && function.getFunction() instanceof ScalarFunctionImpl scalar
                && scalar.method.equals(VALID_ENCODING)) {
            return Kind.VALID_ENCODING;
        }
        return null;
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return RowFunctions.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("RowFunctions." + name + " is gone", e);
        }
    }

    /** A measure read from a VarCharVector's bytes, copied into one reused array. */
    private static final class Utf8Measure implements ArrowValues {
        private final VarCharVector vector;
        private final Kind kind;
        private byte[] scratch = new byte[256];

        Utf8Measure(VarCharVector vector, Kind kind) {
            this.vector = vector;
            this.kind = kind;
        }

        @Override
        public @Nullable Object get(int row) {
            if (vector.isNull(row)) {
                return null;
            }
            int start = vector.getStartOffset(row);
            int length = vector.getEndOffset(row) - start;
            if (length > scratch.length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            vector.getDataBuffer().getBytes(start, scratch, 0, length);
            return switch (kind) {
                case CHAR_LENGTH -> charLength(length);
                case VALID_ENCODING -> RowFunctions.validEncodingUtf8(scratch, 0, length);
            };
        }

        private int charLength(int length) {
            for (int i = 0; i < length; i++) {
                if (scratch[i] < 0) { // a byte of a non-ASCII character: count as the String does
                    return new String(scratch, 0, length, StandardCharsets.UTF_8).length();
                }
            }
            return length;
        }
    }
}
