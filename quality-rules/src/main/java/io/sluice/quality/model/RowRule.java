package io.sluice.quality.model;

import java.util.List;

/**
 * A rule judged one row at a time: it runs inline on every query that reads the table (on exactly the rows the query
 * reads) and in scans. A row violates it when the check is false; a row whose {@code where} filter is not true is not
 * checked. Every row rule except {@code not_null} and {@code expression} passes NULL values: missing data is {@code
 * not_null}'s and {@code completeness}'s business.
 */
public sealed interface RowRule extends Rule permits RowRule.OfColumn, ExpressionRule {

    /** A row rule of one column; {@link ExpressionRule} reads whatever columns its SQL names. */
    sealed interface OfColumn extends RowRule
            permits NotNullRule,
                    RangeRule,
                    AcceptedValuesRule,
                    RegexRule,
                    FormatRule,
                    LengthRule,
                    ValidEncodingRule,
                    TypeCastableRule {

        /** The checked column. */
        String column();

        @Override
        default List<String> columns() {
            return List.of(column());
        }
    }
}
