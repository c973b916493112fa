package io.sluice.gateway.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * How a query's quality outcome reads: the warnings clients show a person, and the compact JSON summary programs read
 * (Flight carries it in the last message's app metadata).
 */
public final class QualitySummary {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QualitySummary() {}

    /**
     * The outcome as compact JSON: {@code {"query_id": …, "violations": total, "rules": [{"table", "rule", "column",
     * "action", "rows_checked", "violations"}, …]}}, one entry per rule and scan (a table read twice lists its rules
     * twice); samples and durations are in {@code sluice.quality_results}.
     */
    public static byte[] json(QueryQuality quality) {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("query_id", quality.queryId());
        ArrayNode rules = JSON.createArrayNode();
        long violations = 0;
        for (CheckOutcome outcome : quality.outcomes()) {
            rules.addObject()
                    .put("table", outcome.table())
                    .put("rule", outcome.rule())
                    .put("column", outcome.column())
                    .put("action", actionName(outcome))
                    .put("rows_checked", outcome.rowsChecked())
                    .put("violations", outcome.violations());
            violations += outcome.violations();
        }
        summary.put("violations", violations);
        summary.set("rules", rules);
        try {
            return JSON.writeValueAsString(summary).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serializes", e);
        }
    }

    private static String actionName(CheckOutcome outcome) {
        return outcome.action().name().toLowerCase(Locale.ROOT);
    }

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
                + actionName(outcome) + "): " + outcome.violations() + " of "
                + outcome.rowsChecked() + " row(s) read violate it; samples: "
                + String.join(", ", outcome.samples()) + ". Details: SELECT * FROM sluice.quality_results WHERE"
                + " query_id = '" + queryId + "'";
    }
}
