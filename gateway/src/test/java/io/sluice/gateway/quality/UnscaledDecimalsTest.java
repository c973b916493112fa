package io.sluice.gateway.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Which comparisons of a decimal column read its unscaled long, and with which bound. */
class UnscaledDecimalsTest {

    private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
    private final RexBuilder rex = new RexBuilder(types);
    /** Field 0: DECIMAL(9,3), nullable; field 1: DECIMAL(20,2). */
    private final RexInputRef small =
            new RexInputRef(0, types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 9, 3), true));

    private final RexInputRef large = new RexInputRef(1, types.createSqlType(SqlTypeName.DECIMAL, 20, 2));

    @Test
    void exactBound_becomesTheUnscaledBound_onAFieldAfterTheOthers() {
        UnscaledDecimals unscaled = new UnscaledDecimals(rex, 5);

        RexNode rewritten = rex.makeCall(SqlStdOperatorTable.LESS_THAN, small, number("-12.5"))
                .accept(unscaled);

        assertThat(rewritten).hasToString("<($5, -12500)");
        assertThat(unscaled.columns()).containsExactly(0);
        assertThat(((RexInputRef) ((RexCall) rewritten).getOperands().get(0))
                        .getType()
                        .isNullable())
                .isTrue();
    }

    @Test
    void boundFirst_isTurnedAround() {
        RexNode rewritten = rex.makeCall(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, number("0.25"), small)
                .accept(new UnscaledDecimals(rex, 2));

        assertThat(rewritten).hasToString(">=($2, 250)");
    }

    @Test
    void boundWithMoreDigitsThanTheScale_isRoundedTheWayThatKeepsTheOutcome() {
        UnscaledDecimals unscaled = new UnscaledDecimals(rex, 2);

        assertThat(compare(SqlStdOperatorTable.LESS_THAN, "0.0125", unscaled)).hasToString("<($2, 13)");
        assertThat(compare(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, "0.0125", unscaled))
                .hasToString("<=($2, 12)");
        assertThat(compare(SqlStdOperatorTable.GREATER_THAN, "-0.0005", unscaled))
                .hasToString(">($2, -1)");
        assertThat(compare(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, "-0.0005", unscaled))
                .hasToString(">=($2, 0)");
    }

    @Test
    void columnCastToADecimalThatHoldsIt_isComparedUnscaled() {
        RexNode widened = rex.makeCast(
                types.createTypeWithNullability(types.createSqlType(SqlTypeName.DECIMAL, 13, 3), true), small);

        RexNode rewritten = rex.makeCall(SqlStdOperatorTable.GREATER_THAN, widened, number("-5"))
                .accept(new UnscaledDecimals(rex, 2));

        assertThat(rewritten).hasToString(">($2, -5000)");
    }

    @Test
    void search_isExpandedIntoUnscaledComparisons() {
        RexNode search = rex.makeIn(small, List.of(number("-1"), number("1.5")));
        assertThat(search.toString()).startsWith("SEARCH(");

        RexNode rewritten = search.accept(new UnscaledDecimals(rex, 2));

        assertThat(rewritten).hasToString("OR(=($2, -1000), =($2, 1500))");
    }

    @Test
    void equalityWithANumberTheScaleCannotHold_keepsTheDecimalComparison() {
        RexNode comparison = rex.makeCall(SqlStdOperatorTable.EQUALS, small, number("0.0125"));
        UnscaledDecimals unscaled = new UnscaledDecimals(rex, 2);

        assertThat(comparison.accept(unscaled)).isEqualTo(comparison);
        assertThat(unscaled.columns()).isEmpty();
    }

    @Test
    void decimalWiderThanALong_keepsTheDecimalComparison() {
        RexNode comparison = rex.makeCall(SqlStdOperatorTable.EQUALS, large, number("7"));

        assertThat(comparison.accept(new UnscaledDecimals(rex, 2))).isEqualTo(comparison);
    }

    private RexNode compare(SqlOperator comparison, String bound, UnscaledDecimals unscaled) {
        return rex.makeCall(comparison, small, number(bound)).accept(unscaled);
    }

    private RexNode number(String value) {
        RelDataType type = types.createSqlType(
                SqlTypeName.DECIMAL, new BigDecimal(value).precision(), Math.max(0, new BigDecimal(value).scale()));
        return rex.makeExactLiteral(new BigDecimal(value), type);
    }
}
