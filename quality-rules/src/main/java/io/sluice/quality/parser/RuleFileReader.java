package io.sluice.quality.parser;

import io.sluice.quality.model.Action;
import io.sluice.quality.model.Check;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.RuleMetadata;
import io.sluice.quality.model.RuleOrigin;
import io.sluice.quality.model.Severity;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.TableRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one Sluice rule file into {@link TableRules}:
 *
 * <pre>{@code
 * table: warehouse.main.orders        # source.schema.table
 * schedule: 1h                        # optional: scan this often
 * rules:
 *   - { check: not_null, column: o_orderkey, action: fail }
 *   - { check: range, column: o_totalprice, min: 0 }
 * }</pre>
 *
 * <p>Every rule has {@code check} and may have {@code name}, {@code severity}, {@code action}, {@code where}, {@code
 * description} and {@code owner}; the other keys depend on the check ({@link CheckReader}).
 */
final class RuleFileReader {

    /** What a rule file holds, for the message when it holds something else. */
    static final String EXPECTED_DOCUMENT = "a mapping with the keys table, schedule and rules";

    private RuleFileReader() {}

    /**
     * The rules of a parsed rule file that could be read, or empty when not even its table could; the problems are
     * recorded in {@code problems}, and a file with any is not to be used (its readable rules are still worth
     * validating, so that every problem shows at once).
     */
    static Optional<TableRules> read(YamlMapping root, ProblemList problems) {
        Optional<TableName> table = root.requiredString("table", TableName.EXPECTED)
                .flatMap(text -> TableName.parse(text).or(() -> {
                    root.error("table", TableName.EXPECTED, YamlMapping.quote(text));
                    return Optional.empty();
                }));
        Optional<Duration> schedule = root.duration("schedule");
        if (!root.has("rules")) {
            root.error("rules", "a list of rules", "nothing");
        }
        List<Rule> rules = new ArrayList<>();
        for (YamlMapping rule : root.mappings("rules", "a list of rules")) {
            readRule(rule).ifPresent(rules::add);
        }
        root.reportUnknownKeys();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TableRules(table.get(), schedule, rules, problems.file(), root.locationOf("table")));
    }

    /** One item of {@code rules:}; empty when it has problems. */
    static Optional<Rule> readRule(YamlMapping rule) {
        Optional<String> checkName = rule.requiredString("check", "a check such as not_null, range or unique");
        if (checkName.isEmpty()) {
            rule.ignore(rule.keys());
            return Optional.empty();
        }
        Optional<Check> check = Check.fromYaml(checkName.get());
        if (check.isEmpty()) {
            rule.problem(
                    "check",
                    "unknown check " + YamlMapping.quote(checkName.get())
                            + Suggestions.hint(checkName.get(), Check.yamlNames()));
            // The keys a misspelt check would accept are unknown too: reporting them would only add noise.
            rule.ignore(rule.keys());
            return Optional.empty();
        }
        Optional<CheckReader.Body> body = CheckReader.read(check.get(), rule);
        Optional<RuleMetadata> metadata = readMetadata(rule, check.get(), body.map(CheckReader.Body::nameParts));
        if (body.isEmpty() || metadata.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(body.get().build().apply(metadata.get()));
    }

    private static Optional<RuleMetadata> readMetadata(
            YamlMapping rule, Check check, Optional<List<String>> nameParts) {
        Optional<String> name = rule.string("name").filter(text -> validName(rule, text));
        Optional<Action> action = rule.string("action").flatMap(text -> action(rule, check, text));
        Optional<Severity> severity = rule.string("severity")
                .flatMap(text -> Severity.fromYaml(text).or(() -> {
                    rule.error(
                            "severity", "one of " + String.join(", ", Severity.yamlNames()), YamlMapping.quote(text));
                    return Optional.empty();
                }));
        Optional<String> where = rule.string("where").filter(sql -> parses(rule, "where", sql));
        Optional<String> description = rule.string("description");
        Optional<String> owner = rule.string("owner");
        if ((rule.has("name") && name.isEmpty())
                || (rule.has("action") && action.isEmpty())
                || (rule.has("severity") && severity.isEmpty())
                || (rule.has("where") && where.isEmpty())
                || nameParts.isEmpty()) {
            return Optional.empty();
        }
        Action chosen = action.orElse(Action.WARN);
        String sql = check == Check.EXPRESSION ? nameParts.get().get(0) : "";
        return Optional.of(new RuleMetadata(
                name.orElseGet(() -> RuleNames.derive(check, nameParts.get(), sql)),
                severity.orElse(Severity.defaultFor(chosen)),
                chosen,
                where,
                description,
                owner,
                new RuleOrigin(rule.path(), rule.location(), rule.valueLocations())));
    }

    private static boolean validName(YamlMapping rule, String name) {
        if (RuleNames.isValid(name)) {
            return true;
        }
        rule.error("name", RuleNames.EXPECTED, YamlMapping.quote(name));
        return false;
    }

    private static Optional<Action> action(YamlMapping rule, Check check, String text) {
        Optional<Action> action = Action.fromYaml(text);
        if (action.isEmpty()) {
            rule.error("action", "one of " + String.join(", ", Action.yamlNames()), YamlMapping.quote(text));
        } else if (!check.isRowRule() && !action.get().appliesToDatasetRules()) {
            rule.error(
                    "action",
                    "warn or fail (" + check.yamlName() + " judges the whole table in a scan: there is no row to "
                            + action.get().yamlName() + ")",
                    YamlMapping.quote(text));
            return Optional.empty();
        }
        return action;
    }

    /** Whether the SQL under {@code key} parses; records the parse error at its place in the file if not. */
    static boolean parses(YamlMapping rule, String key, String sql) {
        return parsed(rule, key, sql).isPresent();
    }

    /** The parsed SQL under {@code key}; empty with the parse error recorded at its place in the file. */
    static Optional<SqlExpressionParser.Parsed> parsed(YamlMapping rule, String key, String sql) {
        SqlExpressionParser.Result result = SqlExpressionParser.parse(sql);
        if (result instanceof SqlExpressionParser.Failed failed) {
            rule.problemAt(
                    key,
                    rule.locationInValue(key, failed.line(), failed.column()),
                    "SQL does not parse: " + failed.message());
            return Optional.empty();
        }
        return Optional.of((SqlExpressionParser.Parsed) result);
    }
}
