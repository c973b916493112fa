package io.sluice.quality.parser;

import io.sluice.quality.model.Check;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule names: what an explicit name may look like, and the name a rule gets when it has none, derived only from what
 * the rule checks (never from its position), so that it stays the same when rules are reordered and results keep their
 * history.
 */
public final class RuleNames {

    /** What a name looks like, for "expected …" messages. */
    public static final String EXPECTED =
            "a name of letters, digits and underscores, starting with a letter (at most 128 characters)";

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,127}");
    private static final int MAX_DERIVED_SQL_LENGTH = 40;

    private RuleNames() {}

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /**
     * {@code not_null_o_orderkey}, {@code unique_l_orderkey_l_linenumber}, {@code row_count}; for expressions, the
     * check and a slug of the SQL ({@code expression_o_orderdate_current_date}).
     */
    public static String derive(Check check, List<String> columns, String sql) {
        StringBuilder name = new StringBuilder(check.yamlName());
        if (check == Check.EXPRESSION) {
            String slug = slug(sql);
            if (!slug.isEmpty()) {
                name.append('_').append(slug.length() <= MAX_DERIVED_SQL_LENGTH ? slug : trimmed(slug));
            }
        } else {
            columns.forEach(column -> name.append('_').append(slug(column)));
        }
        return name.toString();
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return slug.replaceAll("^_+|_+$", "");
    }

    // Cut at a word boundary, so that names read as words rather than stopping mid-identifier.
    private static String trimmed(String slug) {
        String cut = slug.substring(0, MAX_DERIVED_SQL_LENGTH);
        int lastBreak = cut.lastIndexOf('_');
        return lastBreak > 0 ? cut.substring(0, lastBreak) : cut;
    }
}
