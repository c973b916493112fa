package io.sluice.quality.parser;

import io.sluice.quality.model.Literal;
import io.sluice.quality.model.Location;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of a rule file with typed reads that never throw: a missing required key or a value of the wrong
 * type is recorded as a problem at the value's line and column, and the read returns empty. Every key read is
 * remembered, so that {@link #reportUnknownKeys()} can name the keys nobody read, with a "did you mean".
 */
public final class YamlMapping {

    private static final int MAX_SHOWN_LENGTH = 60;

    private final String path;
    private final Location location;
    private final ProblemList problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> requested = new LinkedHashSet<>();
    private final List<YamlMapping> children = new ArrayList<>();

    private YamlMapping(String path, Location location, MappingNode node, ProblemList problems) {
        this.path = path;
        this.location = location;
        this.problems = problems;
        index(node);
    }

    /**
     * The top-level mapping of {@code yaml}; empty (with the problem recorded) when the text is not YAML or not a
     * mapping. {@code expected} says what the document should hold, for that message.
     */
    public static Optional<YamlMapping> parse(String yaml, ProblemList problems, String expected) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
            if (root instanceof MappingNode mapping) {
                return Optional.of(new YamlMapping("", problems.locationOf(root.getStartMark()), mapping, problems));
            }
            Location at = root == null ? new Location(problems.file(), 1, 1) : problems.locationOf(root.getStartMark());
            problems.add(at, "", "expected " + expected + ", got " + (root == null ? "an empty file" : describe(root)));
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.add(problems.locationOf(e.getProblemMark()), "", "invalid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            problems.add(new Location(problems.file(), 1, 1), "", "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** A mapping with no keys at {@code location}, e.g. the arguments of a test written without any. */
    public static YamlMapping empty(String path, Location location, ProblemList problems) {
        return new YamlMapping(
                path, location, new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.FLOW), problems);
    }

    private void index(MappingNode node) {
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(
                        problems.locationOf(keyNode.getStartMark()),
                        path,
                        "expected a key name, got " + describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            NodeTuple first = entries.putIfAbsent(key, tuple);
            if (first != null) {
                problems.add(
                        problems.locationOf(keyNode.getStartMark()),
                        pathOf(key),
                        "duplicate key; it was first given on line "
                                + problems.locationOf(first.getKeyNode().getStartMark())
                                        .line());
            }
        }
    }

    /** Dotted path of this mapping from the document root, e.g. {@code rules[3]}; empty for the root. */
    public String path() {
        return path;
    }

    /** Where this mapping begins. */
    public Location location() {
        return location;
    }

    /** The keys present, in file order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** Whether {@code key} is present with a value other than YAML null, without counting it as read. */
    public boolean has(String key) {
        return valueNode(key) != null;
    }

    /** The full key path of {@code key}, e.g. {@code rules[3].min}. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * Where each value is, by key path relative to this mapping ({@code min}, and {@code values[2]} for list items), for
     * problems found after reading.
     */
    public Map<String, Location> valueLocations() {
        Map<String, Location> locations = new HashMap<>();
        entries.forEach((key, tuple) -> {
            locations.put(key, valueLocation(key));
            if (tuple.getValueNode() instanceof SequenceNode sequence) {
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    locations.put(
                            key + "[" + i + "]",
                            problems.locationOf(items.get(i).getStartMark()));
                }
            }
        });
        return locations;
    }

    /** A string value; numbers and booleans are rejected rather than silently turned into text. */
    public Optional<String> string(String key) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar) || !isText(scalar)) {
            String hint = node instanceof ScalarNode ? "; put it in quotes if it is meant as text" : "";
            error(key, "a string", describe(node) + hint);
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** A string that must be there: records "expected {@code what}, got nothing" when absent. */
    public Optional<String> requiredString(String key, String what) {
        if (!has(key)) {
            error(key, what, "nothing");
            requested.add(key);
            return Optional.empty();
        }
        return string(key);
    }

    /** A single value of any YAML scalar type, kept as written. */
    public Optional<Literal> literal(String key) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        return literalOf(node, pathOf(key), "a single value");
    }

    /** A non-empty list of single values, kept as written. */
    public Optional<List<Literal>> literals(String key, String what) {
        Optional<List<Node>> items = sequence(key, what, false);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<Literal> values = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            literalOf(items.get().get(i), pathOf(key) + "[" + i + "]", "a single value")
                    .ifPresent(values::add);
        }
        return values.size() == items.get().size() ? Optional.of(List.copyOf(values)) : Optional.empty();
    }

    /** A list of strings; {@code allowEmpty} false records an empty list as a problem. */
    public Optional<List<String>> strings(String key, String what, boolean allowEmpty) {
        Optional<List<Node>> sequence = sequence(key, what, allowEmpty);
        if (sequence.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        List<Node> items = sequence.get();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            if (item instanceof ScalarNode scalar && isText(scalar)) {
                values.add(scalar.getValue());
            } else {
                problems.add(
                        problems.locationOf(item.getStartMark()),
                        pathOf(key) + "[" + i + "]",
                        "expected a string, got " + describe(item));
            }
        }
        return values.size() == items.size() ? Optional.of(List.copyOf(values)) : Optional.empty();
    }

    /** A number, read exactly. */
    public Optional<BigDecimal> number(String key, String what) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && isNumber(scalar)) {
            try {
                return Optional.of(new BigDecimal(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                // YAML also reads .inf, .nan and 0x1F as numbers: none of them is a bound a rule can use.
            }
        }
        error(key, what, describe(node));
        return Optional.empty();
    }

    /** A whole number of at least zero, such as a row count or a length. */
    public OptionalLong count(String key) {
        String what = "a whole number of at least 0";
        Optional<BigDecimal> number = number(key, what);
        if (number.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = number.get().longValueExact();
            if (value >= 0) {
                return OptionalLong.of(value);
            }
        } catch (ArithmeticException e) {
            // not whole, or beyond a long: reported below
        }
        error(key, what, describe(valueNode(key)));
        return OptionalLong.empty();
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool(String key) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
            return Optional.of(Boolean.valueOf(scalar.getValue().toLowerCase(Locale.ROOT)));
        }
        error(key, "true or false", describe(node));
        return Optional.empty();
    }

    /** A duration in the short syntax {@code 30m}, {@code 6h}, {@code 1d}, greater than zero. */
    public Optional<Duration> duration(String key) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        Optional<Duration> duration = node instanceof ScalarNode scalar
                ? Durations.parse(scalar.getValue().trim()).filter(value -> !value.isZero())
                : Optional.empty();
        if (duration.isEmpty()) {
            error(key, Durations.EXPECTED + " (more than zero)", describe(node));
        }
        return duration;
    }

    /** A nested mapping. */
    public Optional<YamlMapping> mapping(String key) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            error(key, "a mapping", describe(node));
            return Optional.empty();
        }
        YamlMapping child = new YamlMapping(pathOf(key), valueLocation(key), mapping, problems);
        children.add(child);
        return Optional.of(child);
    }

    /**
     * A list of mappings (maybe empty), each read as its own {@link YamlMapping} with path {@code key[i]}; items that
     * are not mappings are recorded as problems and left out.
     */
    public List<YamlMapping> mappings(String key, String what) {
        List<YamlMapping> mappings = new ArrayList<>();
        for (ListItem item : stringsOrMappings(key, what)) {
            if (item.mapping().isPresent()) {
                mappings.add(item.mapping().get());
            } else {
                problems.add(
                        item.location(),
                        item.path(),
                        "expected " + what + ", got " + quote(item.text().orElseThrow()));
            }
        }
        return mappings;
    }

    /** An item of a list that may hold both plain strings and mappings, such as dbt's {@code data_tests:}. */
    public record ListItem(String path, Location location, Optional<String> text, Optional<YamlMapping> mapping) {}

    /** A list whose items are strings or mappings; other items are recorded as problems and left out. */
    public List<ListItem> stringsOrMappings(String key, String what) {
        List<Node> sequence = sequence(key, what, true).orElse(List.of());
        List<ListItem> items = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            Node item = sequence.get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            Location at = problems.locationOf(item.getStartMark());
            if (item instanceof ScalarNode scalar && isText(scalar)) {
                items.add(new ListItem(itemPath, at, Optional.of(scalar.getValue()), Optional.empty()));
            } else if (item instanceof MappingNode mapping) {
                YamlMapping child = new YamlMapping(itemPath, at, mapping, problems);
                children.add(child);
                items.add(new ListItem(itemPath, at, Optional.empty(), Optional.of(child)));
            } else {
                problems.add(at, itemPath, "expected " + what + ", got " + describe(item));
            }
        }
        return items;
    }

    /**
     * Where a position inside the value of {@code key} is, given 1-based within the text: exact for a value on one line
     * (plain or quoted), otherwise the start of the value.
     */
    public Location locationInValue(String key, int line, int column) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || !(tuple.getValueNode() instanceof ScalarNode scalar)) {
            return valueLocation(key);
        }
        Location start = valueLocation(key);
        boolean oneLine = scalar.getStartMark().getLine() == scalar.getEndMark().getLine();
        if (line != 1 || !oneLine || isBlock(scalar)) {
            return start;
        }
        int quote = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        return new Location(start.file(), start.line(), start.column() + quote + column - 1);
    }

    private static boolean isBlock(ScalarNode scalar) {
        return scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
    }

    /** Records "expected {@code expected}, got {@code got}" at the value of {@code key} (or at this mapping if null). */
    public void error(String key, String expected, String got) {
        problem(key, "expected " + expected + ", got " + got);
    }

    /** Records {@code message} at the value of {@code key} (or at this mapping when {@code key} is null). */
    public void problem(String key, String message) {
        if (key == null) {
            problems.add(location, path, message);
            return;
        }
        requested.add(key);
        problems.add(valueLocation(key), pathOf(key), message);
    }

    /** Records {@code message} about {@code key} at {@code at}, a place inside its value. */
    public void problemAt(String key, Location at, String message) {
        requested.add(key);
        problems.add(at, pathOf(key), message);
    }

    /** Where the value of {@code key} is (this mapping's start when absent). */
    public Location locationOf(String key) {
        return valueLocation(key);
    }

    /** Marks {@code keys} as read, e.g. keys that belong to a part of the file that is skipped on purpose. */
    public void ignore(Collection<String> keys) {
        requested.addAll(keys);
    }

    /** Records every key nobody read, here and in every nested mapping that was read. */
    public void reportUnknownKeys() {
        entries.forEach((key, tuple) -> {
            if (!requested.contains(key)) {
                problems.add(
                        problems.locationOf(tuple.getKeyNode().getStartMark()),
                        pathOf(key),
                        "unknown key" + Suggestions.hint(key, requested));
            }
        });
        children.forEach(YamlMapping::reportUnknownKeys);
    }

    /** {@code "text"}, shortened when long, for "got …" parts of messages. */
    public static String quote(String text) {
        String shown = text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "…";
        return "\"" + shown + "\"";
    }

    /** What a node holds, for "got …": {@code "text"}, {@code the number 5}, {@code a list}. */
    public static String describe(Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return node instanceof MappingNode ? "a mapping" : "a list";
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing";
        }
        if (isText(scalar)) {
            return quote(scalar.getValue());
        }
        return (isNumber(scalar) ? "the number " : "the boolean ") + scalar.getValue();
    }

    private Optional<Literal> literalOf(Node node, String nodePath, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            problems.add(
                    problems.locationOf(node.getStartMark()), nodePath, "expected " + what + ", got " + describe(node));
            return Optional.empty();
        }
        Literal.Kind kind =
                isNumber(scalar) ? Literal.Kind.NUMBER : isText(scalar) ? Literal.Kind.TEXT : Literal.Kind.BOOLEAN;
        return Optional.of(new Literal(scalar.getValue(), kind));
    }

    /** The items of the list under {@code key}: empty when absent, or not a list or an unwanted empty one (recorded). */
    private Optional<List<Node>> sequence(String key, String what, boolean allowEmpty) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof SequenceNode sequence)) {
            error(key, what, describe(node));
            return Optional.empty();
        }
        if (sequence.getValue().isEmpty() && !allowEmpty) {
            error(key, what, "an empty list");
            return Optional.empty();
        }
        return Optional.of(sequence.getValue());
    }

    /** The value node of {@code key}, or null when absent or YAML null; remembers that the key was asked for. */
    private Node value(String key) {
        requested.add(key);
        return valueNode(key);
    }

    private Node valueNode(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return null;
        }
        Node node = tuple.getValueNode();
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) ? null : node;
    }

    /** Where the value of {@code key} is; the key itself when the value is empty, this mapping when it is absent. */
    private Location valueLocation(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return location;
        }
        // An empty value "starts" after the colon, often at the end of the line; the key is where users look.
        Node value = tuple.getValueNode();
        boolean empty = value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
        return problems.locationOf(empty ? tuple.getKeyNode().getStartMark() : value.getStartMark());
    }

    private static boolean isNumber(ScalarNode scalar) {
        return scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT);
    }

    private static boolean isText(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        return !(isNumber(scalar) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL));
    }
}
