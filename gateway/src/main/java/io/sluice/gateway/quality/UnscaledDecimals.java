package io.sluice.gateway.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Rewrites checks over Arrow batches so that a DECIMAL column of up to 18 digits compared with a number ({@code
 * l_discount > 0.1}, and the ranges of a SEARCH) is compared as its unscaled long: a field of its own, read straight
 * from the vector ({@code 0.1} at scale 2 is {@code 10}). Two decimals of one scale compare as their unscaled values
 * do, so the outcome is the engine's, without a BigDecimal per row. Equality with a number the column's scale cannot
 * hold, and a number whose unscaled value does not fit in a long, keep their comparison as it was.
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
        if (call.getKind() == SqlKind.SEARCH && decimalColumn(call.getOperands().get(0)) != null) {
            return RexUtil.expandSearch(rexBuilder, null, call).accept(this);
        }
        if (COMPARISONS.contains(call.getKind()) && call.getOperands().size() == 2) {
            RexNode left = call.getOperands().get(0);
            RexNode right = call.getOperands().get(1);
            RexInputRef column = decimalColumn(left);
            if (column != null && right instanceof RexLiteral literal) {
                RexNode unscaled = compare(call.getKind(), column, literal);
                if (unscaled != null) {
                    return unscaled;
                }
            }
            column = decimalColumn(right);
            if (column != null && left instanceof RexLiteral literal) {
                RexNode unscaled = compare(call.getKind().reverse(), column, literal);
                if (unscaled != null) {
                    return unscaled;
                }
            }
        }
        return super.visitCall(call);
    }

    /**
     * The DECIMAL column of up to 18 digits that {@code node} is, directly or cast to a DECIMAL that holds every value
     * of the column unchanged (as SQL casts both sides of {@code amount > -5} to a type that holds both), or null.
     */
    private static @Nullable RexInputRef decimalColumn(RexNode node) {
        if (node instanceof RexInputRef column && fitsLong(column.getType())) {
            return column;
        }
        if (node.getKind() == SqlKind.CAST
                && ((RexCall) node).getOperands().get(0) instanceof RexInputRef column
                && fitsLong(column.getType())
                && holdsEvery(node.getType(), column.getType())) {
            return column;
        }
        return null;
    }

    /** Whether DECIMAL {@code wider} holds every value of DECIMAL {@code narrower} exactly. */
    private static boolean holdsEvery(RelDataType wider, RelDataType narrower) {
        return wider.getSqlTypeName() == SqlTypeName.DECIMAL
                && wider.getScale() >= narrower.getScale()
                && wider.getPrecision() - wider.getScale() >= narrower.getPrecision() - narrower.getScale()
                && wider.isNullable() == narrower.isNullable();
    }

    /**
     * {@code column <kind> number} on the unscaled column, or null when it stays as it was. Between two integers, a
     * number with more digits than the column's scale is a bound rounded the way that keeps the outcome: {@code u <
     * 100.5} is {@code u < 101}, {@code u <= 100.5} is {@code u <= 100}.
     */
    private @Nullable RexNode compare(SqlKind kind, RexInputRef column, RexLiteral literal) {
        if (!SqlTypeName.EXACT_TYPES.contains(literal.getType().getSqlTypeName())) {
            return null;
        }
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        if (value == null) {
            return null;
        }
        RoundingMode rounding =
                switch (kind) {
                    case LESS_THAN, GREATER_THAN_OR_EQUAL -> RoundingMode.CEILING;
                    case LESS_THAN_OR_EQUAL, GREATER_THAN -> RoundingMode.FLOOR;
                    default -> RoundingMode.UNNECESSARY; // = and <> of a number the column cannot hold stay as they are
                };
        long unscaled;
        try {
            unscaled = value.setScale(column.getType().getScale(), rounding)
                    .unscaledValue()
                    .longValueExact();
        } catch (ArithmeticException inexactOrTooLarge) {
            return null;
        }
        RexNode number = rexBuilder.makeExactLiteral(
                BigDecimal.valueOf(unscaled), rexBuilder.getTypeFactory().createSqlType(SqlTypeName.BIGINT));
        return rexBuilder.makeCall(operator(kind), unscaledField(column), number);
    }

    private static SqlOperator operator(SqlKind kind) {
        return switch (kind) {
            case EQUALS -> SqlStdOperatorTable.EQUALS;
            case NOT_EQUALS -> SqlStdOperatorTable.NOT_EQUALS;
            case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalArgumentException("Not a comparison: " + kind);
        };
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
