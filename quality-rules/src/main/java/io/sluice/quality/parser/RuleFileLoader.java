package io.sluice.quality.parser;

import io.sluice.quality.RuleLoadResult;
import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.Location;
import io.sluice.quality.model.RuleSet;
import io.sluice.quality.model.TableRules;
import io.sluice.quality.parser.dbt.DbtSchemaReader;
import io.sluice.quality.parser.dbt.DbtTableMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a directory of rule files: every {@code *.yaml} and {@code *.yml} below it, recursively (hidden files and
 * directories skipped), in path order. A file whose top level has {@code models:} or {@code sources:} instead of {@code
 * table:} is a dbt {@code schema.yml} and is imported as rules ({@link DbtSchemaReader}). Every problem of every file is
 * reported together; a file with a problem contributes no rules.
 */
public final class RuleFileLoader {

    private final DbtTableMapping dbtMapping;

    /** A loader that maps dbt models to tables only through their {@code meta: {sluice: {table: …}}}. */
    public RuleFileLoader() {
        this(DbtTableMapping.metaOnly());
    }

    /** A loader that maps dbt models to Sluice tables with {@code dbtMapping}. */
    public RuleFileLoader(DbtTableMapping dbtMapping) {
        this.dbtMapping = dbtMapping;
    }

    /** Loads every rule file below {@code directory}; file names in messages start with {@code directory} as given. */
    public RuleLoadResult loadDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            Location at = Location.ofFile(directory.toString());
            String got = Files.exists(directory) ? "a file" : "nothing (there is no such directory)";
            return new RuleLoadResult(
                    RuleSet.EMPTY,
                    List.of(new RuleProblem(at, "", "expected a directory of rule files, got " + got)),
                    List.of());
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        for (Path file : ruleFiles(directory)) {
            try {
                files.put(file.toString(), Files.readString(file));
            } catch (IOException | UncheckedIOException e) {
                String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
                unreadable.add(
                        new RuleProblem(Location.ofFile(file.toString()), "", "cannot read the rule file: " + reason));
            }
        }
        return load(files).withProblems(unreadable);
    }

    /** Loads rule files given as text, keyed by the file name used in messages; for tests and for tools. */
    public RuleLoadResult load(Map<String, String> files) {
        List<TableRules> tables = new ArrayList<>();
        List<TableRules> readable = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> notices = new ArrayList<>();
        files.forEach((file, yaml) -> {
            ProblemList fileProblems = new ProblemList(file);
            ProblemList fileNotices = new ProblemList(file);
            List<TableRules> read = readFile(yaml, fileProblems, fileNotices);
            readable.addAll(read);
            if (fileProblems.isEmpty()) {
                tables.addAll(read);
            }
            problems.addAll(fileProblems.toList());
            notices.addAll(fileNotices.toList());
        });
        problems.addAll(RuleSetChecks.check(tables));
        return new RuleLoadResult(new RuleSet(tables), new RuleSet(readable), problems, notices);
    }

    /** Loads one file's text; for tests and for tools. */
    public RuleLoadResult load(String fileName, String yaml) {
        return load(Map.of(fileName, yaml));
    }

    private List<TableRules> readFile(String yaml, ProblemList problems, ProblemList notices) {
        Optional<YamlMapping> root = YamlMapping.parse(yaml, problems, RuleFileReader.EXPECTED_DOCUMENT);
        if (root.isEmpty()) {
            return List.of();
        }
        if (DbtSchemaReader.isDbtSchema(root.get())) {
            return new DbtSchemaReader(dbtMapping, problems, notices).read(root.get());
        }
        return RuleFileReader.read(root.get(), problems).stream().toList();
    }

    private static List<Path> ruleFiles(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> !isHidden(directory.relativize(path)))
                    .filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yaml") || name.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
