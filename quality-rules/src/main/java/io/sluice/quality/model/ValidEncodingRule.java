package io.sluice.quality.model;

/**
 * {@code valid_encoding}: the text shows no sign of an encoding error: no U+FFFD replacement character, no C0 control
 * character other than tab, line feed and carriage return, and no mojibake (UTF-8 read as Latin-1/Windows-1252, e.g.
 * {@code Ã©} for {@code é}).
 */
public record ValidEncodingRule(RuleMetadata metadata, String column) implements RowRule.OfColumn {

    @Override
    public Check check() {
        return Check.VALID_ENCODING;
    }
}
