package io.sluice.gateway.quality;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import io.sluice.quality.runtime.RowFunctions;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites checks over Arrow batches so that {@code CHAR_LENGTH(column)}, {@code sluice.valid_encoding(column)} and
 * {@code column [NOT] IN (texts)} (a SEARCH for points) of a text column become fields of their own, measured on the
 * column's UTF-8 bytes: for text that is all printable ASCII (most text) no String is built, and other text is decoded
 * and measured as the engine does; text is one of the values exactly when its bytes are. A column read only
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
        VALID_ENCODING,
        /** {@code column IN (values)}, a SEARCH for points: text equals a value exactly when their bytes do. */
        IN,
        /** {@code column NOT IN (values)}, a SEARCH for everything but points. */
        NOT_IN
    }

    /**
     * One measured field: {@code kind} of input field {@code field}, typed as the call it replaces; for {@code IN} and
     * {@code NOT_IN}, the values' UTF-8 bytes and what a NULL gives.
     */
    record Measure(int field, Kind kind, RelDataType type, List<byte[]> values, @Nullable Boolean ifNull) {

        /** The same measure: records compare arrays by identity. */
        boolean sameAs(Measure other) {
            if (field != other.field
                    || kind != other.kind
                    || !type.equals(other.type)
                    || !java.util.Objects.equals(ifNull, other.ifNull)
                    || values.size() != other.values.size()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!Arrays.equals(values.get(i), other.values.get(i))) {
                    return false;
                }
            }
            return true;
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
        if (call.getOperands().isEmpty()
                || !(call.getOperands().get(0) instanceof RexInputRef column)
                // VARCHAR only: the engine pads CHAR(n) values, which the source's bytes are not.
                || column.getType().getSqlTypeName() != SqlTypeName.VARCHAR) {
            return super.visitCall(call);
        }
        Kind kind = kind(call.getOperator());
        if (kind != null && call.getOperands().size() == 1) {
            return slot(new Measure(column.getIndex(), kind, call.getType(), List.of(), null));
        }
        if (call.getKind() == SqlKind.SEARCH && call.getOperands().get(1) instanceof RexLiteral literal) {
            Measure points = points(column.getIndex(), call.getType(), literal.getValueAs(Sarg.class));
            if (points != null) {
                return slot(points);
            }
        }
        return super.visitCall(call);
    }

    /** A SEARCH for text points, or for all text but points, as a measure; null for other searches. */
    private static @Nullable Measure points(int field, RelDataType type, @Nullable Sarg<?> sarg) {
        if (sarg == null || !(sarg.isPoints() || sarg.isComplementedPoints())) {
            return null;
        }
        Kind kind = sarg.isPoints() ? Kind.IN : Kind.NOT_IN;
        RangeSet<?> points = sarg.isPoints() ? sarg.rangeSet : sarg.rangeSet.complement();
        List<byte[]> values = new ArrayList<>();
        for (Range<?> point : points.asRanges()) {
            if (!(point.lowerEndpoint() instanceof NlsString text)) {
                return null;
            }
            values.add(text.getValue().getBytes(StandardCharsets.UTF_8));
        }
        Boolean ifNull =
                switch (sarg.nullAs) {
                    case TRUE -> Boolean.TRUE;
                    case FALSE -> Boolean.FALSE;
                    case UNKNOWN -> null;
                };
        return new Measure(field, kind, type, List.copyOf(values), ifNull);
    }

    private RexInputRef slot(Measure wanted) {
        int slot = -1;
        for (int i = 0; i < measures.size() && slot < 0; i++) {
            if (measures.get(i).sameAs(wanted)) {
                slot = i;
            }
        }
        if (slot < 0) {
            measures.add(wanted);
            slot = measures.size() - 1;
        }
        return new RexInputRef(inputRowType.getFieldCount() + slot, wanted.type());
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
}
