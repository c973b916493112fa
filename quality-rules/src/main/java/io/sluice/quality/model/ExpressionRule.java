package io.sluice.quality.model;

import java.util.List;

/**
 * {@code expression}: a SQL boolean over the row's columns is true (a NULL result is a violation, as in a SQL {@code
 * CHECK} constraint it would not be: write {@code x IS NULL OR …} to let NULLs pass). Per row only: no aggregates, no
 * sub-queries.
 *
 * @param sql the expression as written, in Sluice's SQL dialect
 * @param columns the columns it reads, as found when validated against the table; empty before that
 */
public record ExpressionRule(RuleMetadata metadata, String sql, List<String> columns) implements RowRule {

    public ExpressionRule {
        columns = List.copyOf(columns);
    }

    @Override
    public Check check() {
        return Check.EXPRESSION;
    }
}
