package io.sluice.quality.model;

/**
 * {@code type_castable}: the text parses as a value of {@code type} (e.g. a VARCHAR that must hold dates), by the rules
 * of SQL's {@code CAST}, where a failed cast is a violation instead of an error.
 */
public record TypeCastableRule(RuleMetadata metadata, String column, SqlType type) implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.TYPE_CASTABLE;
    }
}
