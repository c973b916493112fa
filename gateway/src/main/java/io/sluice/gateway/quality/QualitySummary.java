package io.sluice.gateway.quality;

import java.util.List;
import java.util.Locale;

/** How a query's quality outcome reads to a person: the warnings clients show. */
public final class QualitySummary {

    private QualitySummary() {}

    /** One warning per rule that found violations in the rows the query read; none when every rule passed. */
    public static List<String> warnings(QueryQuality quality) {
        return quality.outcomes().stream()
                .filter(outcome -> outcome.violations() > 0)
                .map(outcome -> warning(quality.queryId(), outcome))
                .toList();
    }

    private static String warning(String queryId, CheckOutcome outcome) {
        String column = outcome.column() == null ? "" : "column " + outcome.column() + ", ";
        return "Quality rule '" + outcome.rule() + "' on " + outcome.table() + " (" + column + "action "
                + outcome.action().name().toLowerCase(Locale.ROOT) + "): " + outcome.violations() + " of "
                + outcome.rowsChecked() + " row(s) read violate it; samples: "
                + String.join(", ", outcome.samples()) + ". Details: SELECT * FROM sluice.quality_results WHERE"
                + " query_id = '" + queryId + "'";
    }
}
