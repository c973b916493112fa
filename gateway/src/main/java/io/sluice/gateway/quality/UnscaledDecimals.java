package io.sluice.gateway.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites checks over Arrow batches so that a DECIMAL column of up to 18 digits compared with a number ({@code
 * l_discount > 0.1}, and the ranges of a SEARCH) is compared as its unscaled long: a field of its own, read straight
 * from the vector ({@code 0.1} at scale 2 is {@code 10}). Two decimals of one scale compare as their unscaled values
 * do, so the outcome is the engine's, without a BigDecimal per row. A number that is not exact at the column's scale
 * (or does not fit in a long) keeps its comparison as it was.
 *
 * <p>The unscaled fields follow the fields numbered from {@code firstField}, in the order first met.
 */
final class UnscaledDecimals extends RexShuttle {

    /** The most digits whose unscaled value always fits in a long. */
    private static final int MAX_PRECISION = 18;

    private static final Set<SqlKind> COMPARISONS = EnumSet.of(
            SqlKind.EQUALS,
            SqlKind.NOT_EQUALS,
            SqlKind.LESS_THAN,
            SqlKind.LESS_THAN_OR_EQUAL,
            SqlKind.GREATER_THAN,
            SqlKind.GREATER_THAN_OR_EQUAL);

    private final RexBuilder rexBuilder;
    private final int firstField;
    private final List<Integer> columns = new ArrayList<>();
    private final List<RelDataType> types = new ArrayList<>();

    UnscaledDecimals(RexBuilder rexBuilder, int firstField) {
        this.rexBuilder = rexBuilder;
        this.firstField = firstField;
    }

    /** The input field each unscaled field is read from, in field order. */
    List<Integer> columns() {
        return List.copyOf(columns);
    }

    /** Adds the unscaled fields to {@code builder}, after the fields before {@code firstField}. */
    void addFields(RelDataTypeFactory.Builder builder) {
        for (int i = 0; i < types.size(); i++) {
            builder.add("$unscaled" + i, types.get(i));
        }
    }

    /** Whether {@code type} is a DECIMAL held in a long once unscaled. */
    static boolean fitsLong(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL && type.getPrecision() <= MAX_PRECISION;
    }

    @Override
    public RexNode visitCall(RexCall call) {
        if (call.getKind() == SqlKind.SEARCH
                && isDecimalColumn(call.getOperands().get(0))) {
            return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
        }
        if (COMPARISONS.contains(call.getKind()) && call.getOperands().size() == 2) {
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            if (isDecimalColumn(left) && right instanceof RexLiteral literal) {
                RexNode unscaled = compare(call, (RexInputRef) left, literal, false);
                if (unscaled != null) {
                    return unscaled;
                }
            } else if (isDecimalColumn(right) && left instanceof RexLiteral literal) {
                RexNode unscaled = compare(call, (RexInputRef) right, literal, true);
                if (unscaled != null) {
                    return unscaled;
                }
            }
        }
        return super.visitCall(call);
    }

    private static boolean isDecimalColumn(RexNode node) {
        return node instanceof RexInputRef && fitsLong(node.getType());
    }

    private @Nullable RexNode compare(RexCall call, RexInputRef column, RexLiteral literal, boolean literalFirst) {
        if (!SqlTypeName.EXACT_TYPES.contains(literal.getType().getSqlTypeName())) {
            return null;
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value == null) {
            return null;
        }
        long unscaled;
        try {
            unscaled =
                    value.setScale(column.getType().getScale()).unscaledValue().longValueExact();
        } catch (ArithmeticException inexact) {
            return null;
        }
        RexNode field = unscaledField(column);
        RexNode number = rexBuilder.makeExactLiteral(
                BigDecimal.valueOf(unscaled), rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
        List<RexNode> operands = literalFirst ? List.of(number, field) : List.of(field, number);
        return call.clone(call.getType(), operands);
    }

    private RexInputRef unscaledField(RexInputRef column) {
        int slot = columns.indexOf(column.getIndex());
        if (slot < 0) {
            columns.add(column.getIndex());
            RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
            types.add(typeFactory.createTypeWithNullability(
                    typeFactory.createSqlType(SqlTypeName.BIGINT),
                    column.getType().isNullable()));
            slot = columns.size() - 1;
        }
        return new RexInputRef(firstField + slot, types.get(slot));
    }
}
