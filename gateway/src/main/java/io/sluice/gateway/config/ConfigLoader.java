package io.sluice.gateway.config;

import io.sluice.adapters.spi.SourceAdapter;
import io.sluice.adapters.spi.SourceConfig;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads {@code sluice.yaml} into a {@link SluiceConfig}, or throws one {@link ConfigException} listing every problem
 * in the file, each with its line, column and key.
 *
 * <p>Source sections go to the {@link SourceAdapter} named by their {@code type:}; adapters are found with {@link
 * ServiceLoader} unless given explicitly. Strings may contain {@code ${env:NAME}}, looked up in the environment
 * function (the process environment by default).
 */
public final class ConfigLoader {

    private final EnvironmentSubstitution substitution;
    private final SourceConfigReader sourceReader;

    /** A loader using the process environment and the adapters on the class path. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** A loader using {@code environment} (returning null for unset variables) and the adapters on the class path. */
    public ConfigLoader(Function<String, String> environment) {
        this(environment, installedAdapters());
    }

    /** A loader using {@code environment} and exactly {@code adapters}. */
    public ConfigLoader(Function<String, String> environment, Collection<SourceAdapter> adapters) {
        this.substitution = new EnvironmentSubstitution(environment);
        this.sourceReader = new SourceConfigReader(adapters);
    }

    /** Loads {@code file}; relative paths in it are resolved against its directory. */
    public SluiceConfig load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            ConfigProblem problem =
                    new ConfigProblem(file.toString(), 0, 0, "", "cannot read the config file: " + reason);
            throw new ConfigException(List.of(problem), e);
        }
        return load(yaml, file.toString(), directoryOf(file));
    }

    /**
     * Loads config text as if read from {@code fileName}, which names the file in messages and whose directory (the
     * working directory for a bare name) relative paths are resolved against.
     */
    public SluiceConfig load(String yaml, String fileName) {
        Path baseDirectory;
        try {
            baseDirectory = directoryOf(Path.of(fileName));
        } catch (InvalidPathException e) {
            baseDirectory = Path.of("").toAbsolutePath();
        }
        return load(yaml, fileName, baseDirectory);
    }

    private SluiceConfig load(String yaml, String fileName, Path baseDirectory) {
        ConfigProblems problems = new ConfigProblems(fileName);
        Optional<MappingNode> document = compose(yaml, problems);
        problems.throwIfAny();
        YamlConfigSection root = YamlConfigSection.root(document.orElseThrow(), problems, substitution, baseDirectory);
        ServerConfig server = ServerConfigReader.read(root);
        Map<String, SourceConfig> sources = sourceReader.read(root);
        SecurityConfig security = SecurityConfigReader.read(root, server);
        Optional<Path> rules = rulesDirectory(root, baseDirectory);
        SourceConfig qualityStore = root.child("quality")
                .flatMap(quality -> quality.child("store"))
                .flatMap(sourceReader::readStore)
                .orElseGet(() -> SluiceConfig.defaultQualityStore(baseDirectory));
        root.reportUnknownKeys();
        problems.throwIfAny();
        return new SluiceConfig(server, sources, security, rules, qualityStore, baseDirectory);
    }

    /** The node tree of the document (SnakeYAML's compose keeps positions); syntax errors become problems. */
    private static Optional<MappingNode> compose(String yaml, ConfigProblems problems) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
            if (root == null) {
                return Optional.of(new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
            }
            if (root instanceof MappingNode mapping) {
                return Optional.of(mapping);
            }
            problems.add(
                    Position.of(root.getStartMark()),
                    "",
                    "expected a mapping with the keys server, sources, security, rules and quality, got a "
                            + (root instanceof SequenceNode ? "list" : "single value"));
        } catch (MarkedYAMLException e) {
            // Only the problem and its context, never e.getMessage(): that quotes the offending line, maybe a secret.
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            problems.add(Position.of(e.getProblemMark()), "", "invalid YAML: " + context + e.getProblem());
        } catch (YAMLException e) {
            problems.add(Position.START, "", "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<Path> rulesDirectory(YamlConfigSection root, Path baseDirectory) {
        Optional<String> rules = root.string("rules");
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String expected = "a directory of rule files (relative to " + baseDirectory + ")";
        try {
            Path directory = baseDirectory.resolve(rules.get()).normalize();
            if (!Files.isDirectory(directory)) {
                root.error("rules", expected, YamlConfigSection.quote(rules.get()) + ", which is not a directory");
            }
            return Optional.of(directory);
        } catch (InvalidPathException e) {
            root.error("rules", expected, YamlConfigSection.quote(rules.get()) + ", which is not a valid path");
            return Optional.empty();
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private static List<SourceAdapter> installedAdapters() {
        return ServiceLoader.load(SourceAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }
}
