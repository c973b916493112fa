package io.sluice.quality.parser.dbt;

import io.sluice.quality.model.Location;
import io.sluice.quality.model.Rule;
import io.sluice.quality.model.TableName;
import io.sluice.quality.model.TableRules;
import io.sluice.quality.parser.ProblemList;
import io.sluice.quality.parser.YamlMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a dbt {@code schema.yml} (properties file, {@code version: 2}) as Sluice rules, one {@link TableRules} per dbt
 * model or source table that has tests.
 *
 * <p>Which Sluice table a dbt node is:
 *
 * <ol>
 *   <li>{@code meta: {sluice: {table: source.schema.table}}} on the model or source table (also under {@code config:})
 *       always wins;
 *   <li>a dbt <em>source</em> table is {@code S.schema.identifier}: {@code S} is {@code meta: {sluice: {source: …}}} on
 *       the dbt source, else the dbt source's name; {@code schema} is the source's {@code schema:}, else its name (as
 *       in dbt); {@code identifier} is the table's {@code identifier:}, else its name;
 *   <li>a dbt <em>model</em> is {@code source.schema.alias} with the source and schema of the {@link DbtTableMapping}
 *       given by the caller (dbt builds all models into one target schema); without one, the model must use meta.
 * </ol>
 *
 * <p>Tests ({@code data_tests:}, or {@code tests:} before dbt 1.8), with arguments at the top level or under {@code
 * arguments:} (dbt 1.10.5+): {@code not_null}, {@code unique}, {@code accepted_values}, {@code relationships} ({@code
 * to: ref('m')} or {@code source('s', 't')}, {@code field:}), {@code dbt_utils.unique_combination_of_columns}, {@code
 * dbt_utils.accepted_range} and {@code dbt_utils.expression_is_true}. Any other test is skipped with a notice. A
 * test's {@code config: {severity: warn|error, where: …}} becomes the rule's severity ({@code warning}/{@code error})
 * and filter; every imported rule {@code warn}s (dbt tests never changed what queries return) unless its config says
 * {@code meta: {sluice: {action: …}}}. The model's {@code meta: {owner: …}} becomes the rules' owner.
 */
public final class DbtSchemaReader {

    private final DbtTableMapping mapping;
    private final ProblemList problems;
    private final ProblemList notices;

    public DbtSchemaReader(DbtTableMapping mapping, ProblemList problems, ProblemList notices) {
        this.mapping = mapping;
        this.problems = problems;
        this.notices = notices;
    }

    /** Whether the document is a dbt properties file rather than a Sluice rule file. */
    public static boolean isDbtSchema(YamlMapping root) {
        return !root.keys().contains("table")
                && (root.keys().contains("models") || root.keys().contains("sources"));
    }

    /** The rules of every model and source table with tests; problems and notices go to the lists given. */
    public List<TableRules> read(YamlMapping root) {
        List<DbtNode> nodes = new ArrayList<>();
        for (YamlMapping model : root.mappings("models", "a list of dbt models")) {
            nodes.add(modelNode(model));
        }
        for (YamlMapping source : root.mappings("sources", "a list of dbt sources")) {
            nodes.addAll(sourceNodes(source));
        }
        DbtReferences references = new DbtReferences(nodes);
        List<TableRules> tables = new ArrayList<>();
        for (DbtNode node : nodes) {
            DbtTestReader tests = new DbtTestReader(node, references, problems, notices);
            List<Rule> rules = tests.read();
            if (!rules.isEmpty() && node.table().isPresent()) {
                tables.add(
                        new TableRules(node.table().get(), Optional.empty(), rules, problems.file(), node.location()));
            } else if (!rules.isEmpty()) {
                node.yaml()
                        .problem(
                                "name",
                                "cannot tell which Sluice table dbt " + node.kind() + " \"" + node.name()
                                        + "\" is; add meta: {sluice: {table: source.schema.table}} to it"
                                        + (node.kind().equals("model")
                                                ? ", or give the loader the source and schema of dbt models"
                                                : ""));
            }
        }
        return tables;
    }

    private DbtNode modelNode(YamlMapping model) {
        String name = model.requiredString("name", "the model's name").orElse("");
        String relation = model.mapping("config")
                .flatMap(config -> config.string("alias"))
                .or(() -> model.string("alias"))
                .orElse(name);
        Optional<TableName> table = sluiceMeta(model, "table")
                .flatMap(text -> tableName(model, text))
                .or(() -> mapping.modelTable(relation));
        return new DbtNode("model", name, table, model, owner(model));
    }

    private List<DbtNode> sourceNodes(YamlMapping source) {
        String sourceName = source.requiredString("name", "the source's name").orElse("");
        String sluiceSource = sluiceMeta(source, "source").orElse(sourceName);
        String schema = source.string("schema").orElse(sourceName);
        List<DbtNode> nodes = new ArrayList<>();
        for (YamlMapping table : source.mappings("tables", "a list of the source's tables")) {
            String name = table.requiredString("name", "the table's name").orElse("");
            String identifier = table.string("identifier").orElse(name);
            Optional<TableName> tableName = sluiceMeta(table, "table")
                    .flatMap(text -> tableName(table, text))
                    .or(() -> Optional.of(new TableName(sluiceSource, schema, identifier)));
            nodes.add(new DbtNode("source table", sourceName + "." + name, tableName, table, owner(table)));
        }
        return nodes;
    }

    private static Optional<TableName> tableName(YamlMapping node, String text) {
        Optional<TableName> table = TableName.parse(text);
        if (table.isEmpty()) {
            node.error("meta", "sluice.table to be " + TableName.EXPECTED, YamlMapping.quote(text));
        }
        return table;
    }

    /** {@code meta: {sluice: {key: …}}}, directly on the node or under its {@code config:}. */
    static Optional<String> sluiceMeta(YamlMapping node, String key) {
        return metaOf(node).flatMap(meta -> meta.mapping("sluice")).flatMap(sluice -> sluice.string(key));
    }

    private static Optional<YamlMapping> metaOf(YamlMapping node) {
        if (node.has("meta")) {
            return node.mapping("meta");
        }
        return node.mapping("config").filter(config -> config.has("meta")).flatMap(config -> config.mapping("meta"));
    }

    private static Optional<String> owner(YamlMapping node) {
        return metaOf(node).filter(meta -> meta.has("owner")).flatMap(meta -> meta.string("owner"));
    }

    /** A dbt model or source table: where its tests are and which Sluice table it is. */
    record DbtNode(String kind, String name, Optional<TableName> table, YamlMapping yaml, Optional<String> owner) {

        Location location() {
            return yaml.location();
        }
    }

    /** The Sluice tables of the models and sources of the file, for {@code ref('…')} and {@code source('…', '…')}. */
    static final class DbtReferences {

        private final Map<String, Optional<TableName>> byName = new HashMap<>();

        DbtReferences(List<DbtNode> nodes) {
            nodes.forEach(node -> byName.put(key(node.kind(), node.name()), node.table()));
        }

        Optional<TableName> model(String name) {
            return byName.getOrDefault(key("model", name), Optional.empty());
        }

        Optional<TableName> source(String source, String table) {
            return byName.getOrDefault(key("source table", source + "." + table), Optional.empty());
        }

        private static String key(String kind, String name) {
            return kind + ":" + name.toLowerCase(Locale.ROOT);
        }
    }
}
