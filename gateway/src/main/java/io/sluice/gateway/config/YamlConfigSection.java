package io.sluice.gateway.config;

import io.sluice.adapters.spi.ConfigSection;
import io.sluice.adapters.spi.Secret;
import io.sluice.quality.parser.Durations;
import io.sluice.quality.parser.Suggestions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A {@link ConfigSection} over one SnakeYAML mapping node: reads resolve {@code ${env:NAME}}, record problems at the
 * key's position instead of throwing, and remember every key asked for, so that keys nobody asked for can be reported
 * as unknown with a "did you mean".
 */
final class YamlConfigSection implements ConfigSection {

    private static final int MAX_SHOWN_LENGTH = 60;

    private final String path;
    private final Position position;
    private final ConfigProblems problems;
    private final EnvironmentSubstitution substitution;
    private final Path baseDirectory;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> requested = new LinkedHashSet<>();
    private final Set<String> secretKeys = new HashSet<>();
    private final Map<String, YamlConfigSection> children = new LinkedHashMap<>();
    private boolean checkUnknownKeys = true;

    private YamlConfigSection(
            String path,
            Position position,
            MappingNode node,
            ConfigProblems problems,
            EnvironmentSubstitution substitution,
            Path baseDirectory) {
        this.path = path;
        this.position = position;
        this.problems = problems;
        this.substitution = substitution;
        this.baseDirectory = baseDirectory;
        index(node);
    }

    /** The document's top-level mapping; relative paths in it resolve against {@code baseDirectory}. */
    static YamlConfigSection root(
            MappingNode node, ConfigProblems problems, EnvironmentSubstitution substitution, Path baseDirectory) {
        return new YamlConfigSection("", Position.START, node, problems, substitution, baseDirectory);
    }

    private void index(MappingNode node) {
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(
                        Position.of(keyNode.getStartMark()),
                        path,
                        "expected a key name, got a " + (keyNode instanceof MappingNode ? "mapping" : "list"));
                continue;
            }
            String key = scalarKey.getValue();
            NodeTuple first = entries.putIfAbsent(key, tuple);
            if (first != null) {
                problems.add(
                        Position.of(keyNode.getStartMark()),
                        pathOf(key),
                        "duplicate key; it was first given on line "
                                + Position.of(first.getKeyNode().getStartMark()).line());
            } else if (ConfigProblems.isSensitive(key)) {
                rememberSecret(tuple.getValueNode());
            }
        }
    }

    // Sensitive values are remembered up front, so that even an adapter echoing one in error(..) cannot leak it.
    private void rememberSecret(Node value) {
        if (value instanceof ScalarNode scalar) {
            substitution.resolve(scalar.getValue()).value().ifPresent(problems::addSecret);
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    @Override
    public Optional<Path> path(String key) {
        return string(key).map(value -> baseDirectory.resolve(value).normalize());
    }

    @Override
    public Optional<String> string(String key) {
        return typedString(key, "a string");
    }

    @Override
    public Optional<String> requiredString(String key, String what) {
        if (value(key) == null) {
            error(key, what, "nothing");
            return Optional.empty();
        }
        return typedString(key, what);
    }

    @Override
    public Optional<Secret> secret(String key) {
        secretKeys.add(key);
        Optional<String> value = typedString(key, "a string");
        value.ifPresent(problems::addSecret);
        return value.map(Secret::new);
    }

    @Override
    public OptionalInt integer(String key) {
        Optional<String> text = text(key, "an integer");
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.get().trim()));
        } catch (NumberFormatException e) {
            error(key, "an integer", shown(key, text.get()));
            return OptionalInt.empty();
        }
    }

    @Override
    public Optional<Boolean> bool(String key) {
        Optional<String> text = text(key, "true or false");
        return text.flatMap(value -> switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                error(key, "true or false", shown(key, value));
                yield Optional.empty();
            }
        });
    }

    @Override
    public Optional<Duration> duration(String key) {
        Optional<String> text = text(key, Durations.EXPECTED);
        Optional<Duration> duration = text.flatMap(value -> Durations.parse(value.trim()));
        if (text.isPresent() && duration.isEmpty()) {
            error(key, Durations.EXPECTED, shown(key, text.get()));
        }
        return duration;
    }

    @Override
    public Optional<Long> size(String key) {
        Optional<String> text = text(key, DataSizes.EXPECTED);
        Optional<Long> size = text.flatMap(value -> DataSizes.parse(value.trim()));
        if (text.isPresent() && size.isEmpty()) {
            error(key, DataSizes.EXPECTED, shown(key, text.get()));
        }
        return size;
    }

    @Override
    public Optional<List<String>> strings(String key) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof SequenceNode sequence)) {
            error(key, "a list of strings", describe(key, node));
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Optional<String> item = listItem(key, i, sequence.getValue().get(i));
            item.ifPresent(values::add);
            complete &= item.isPresent();
        }
        return complete ? Optional.of(List.copyOf(values)) : Optional.empty();
    }

    private Optional<String> listItem(String key, int index, Node item) {
        String itemPath = pathOf(key) + "[" + index + "]";
        if (!(item instanceof ScalarNode scalar) || !isText(scalar)) {
            problems.add(Position.of(item.getStartMark()), itemPath, "expected a string, got " + describe(key, item));
            return Optional.empty();
        }
        return resolve(scalar, itemPath);
    }

    @Override
    public Optional<ConfigSection> section(String key) {
        return child(key).map(ConfigSection.class::cast);
    }

    /** Like {@link #section} but typed, for the gateway's own readers. */
    Optional<YamlConfigSection> child(String key) {
        YamlConfigSection known = children.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof MappingNode mapping)) {
            error(key, "a mapping", describe(key, node));
            return Optional.empty();
        }
        YamlConfigSection child =
                new YamlConfigSection(pathOf(key), keyPosition(key), mapping, problems, substitution, baseDirectory);
        children.put(key, child);
        return Optional.of(child);
    }

    /** A nested mapping that must be there: records "expected {@code what}, got nothing" when absent or empty. */
    Optional<YamlConfigSection> requiredChild(String key, String what) {
        if (value(key) == null) {
            error(key, what, "nothing");
            return Optional.empty();
        }
        return child(key);
    }

    /** Whether {@code key} is present, without counting it as read. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    @Override
    public void error(String key, String expected, String got) {
        String message = "expected " + expected + ", got " + got;
        if (key == null) {
            problems.add(position, path, message);
            return;
        }
        requested.add(key);
        problems.add(valuePosition(key), pathOf(key), message);
    }

    /** Records a problem about the key itself (e.g. a bad source name), located at the key rather than its value. */
    void errorAtKey(String key, String message) {
        requested.add(key);
        problems.add(keyPosition(key), pathOf(key), message);
    }

    /** Turns off the unknown-key check, e.g. when the source type is unknown and so are the keys it would accept. */
    void skipUnknownKeyCheck() {
        checkUnknownKeys = false;
    }

    /** Reports every key nobody asked for, here and in every nested section that was read. */
    void reportUnknownKeys() {
        if (!checkUnknownKeys) {
            return;
        }
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!requested.contains(entry.getKey())) {
                problems.add(
                        Position.of(entry.getValue().getKeyNode().getStartMark()),
                        pathOf(entry.getKey()),
                        "unknown key" + Suggestions.hint(entry.getKey(), requested));
            }
        }
        children.values().forEach(YamlConfigSection::reportUnknownKeys);
    }

    /** {@code "text"}, shortened when long, for "got …" parts of messages; never pass a secret. */
    static String quote(String text) {
        String shown = text.length() <= MAX_SHOWN_LENGTH ? text : text.substring(0, MAX_SHOWN_LENGTH) + "…";
        return "\"" + shown + "\"";
    }

    /** The value node of {@code key}, or null when absent or YAML null; remembers that the key was asked for. */
    private Node value(String key) {
        requested.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return null;
        }
        Node node = tuple.getValueNode();
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) ? null : node;
    }

    /** A string value: numbers and booleans are rejected rather than silently turned into text. */
    private Optional<String> typedString(String key, String expected) {
        Node node = value(key);
        if (node instanceof ScalarNode scalar && !isText(scalar)) {
            String hint = isHidden(key) ? "" : "; put it in quotes if it is meant as text";
            error(key, expected, describe(key, node) + hint);
            return Optional.empty();
        }
        return text(key, expected);
    }

    /** The resolved text of a scalar value of any YAML type; empty when absent or unusable (then recorded). */
    private Optional<String> text(String key, String expected) {
        Node node = value(key);
        if (node == null) {
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            error(key, expected, describe(key, node));
            return Optional.empty();
        }
        return resolve(scalar, pathOf(key));
    }

    private Optional<String> resolve(ScalarNode scalar, String keyPath) {
        EnvironmentSubstitution.Result result = substitution.resolve(scalar.getValue());
        Position at = Position.of(scalar.getStartMark());
        result.problems().forEach(problem -> problems.add(at, keyPath, problem));
        return result.value();
    }

    /** Where the value of {@code key} is; the key itself when the value is empty, the section when it is absent. */
    private Position valuePosition(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return position;
        }
        // An empty value "starts" after the colon, often at the end of the line; the key is where users look.
        Node value = tuple.getValueNode();
        boolean empty = value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
        return Position.of(empty ? tuple.getKeyNode().getStartMark() : value.getStartMark());
    }

    private Position keyPosition(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? position : Position.of(tuple.getKeyNode().getStartMark());
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private boolean isHidden(String key) {
        return secretKeys.contains(key) || ConfigProblems.isSensitive(key);
    }

    /**
     * A resolved value for a "got …" part: described like the YAML node when written literally ({@code the number 1.5}),
     * quoted when it came from the environment, and only hinted at when it may be sensitive.
     */
    private String shown(String key, String text) {
        Node node = entries.get(key).getValueNode();
        if (node instanceof ScalarNode scalar && scalar.getValue().equals(text)) {
            return describe(key, node);
        }
        return isHidden(key) ? "a value that is not shown because it may be secret" : quote(text);
    }

    /** What a node holds, for "got …": {@code "text"}, {@code the number 5}, {@code a list}; never a sensitive value. */
    private String describe(String key, Node node) {
        if (!(node instanceof ScalarNode scalar)) {
            return node instanceof MappingNode ? "a mapping" : "a list";
        }
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing";
        }
        String kind =
                tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) ? "number" : tag.equals(Tag.BOOL) ? "boolean" : "string";
        if (isHidden(key)) {
            return "a " + kind + " that is not shown because it may be secret";
        }
        return isText(scalar) ? quote(scalar.getValue()) : "the " + kind + " " + scalar.getValue();
    }

    private static boolean isText(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        return !(tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL));
    }
}
