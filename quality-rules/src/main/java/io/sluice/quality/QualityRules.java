package io.sluice.quality;

import io.sluice.quality.parser.RuleFileLoader;
import io.sluice.quality.parser.dbt.DbtTableMapping;
import io.sluice.quality.validation.RuleValidator;
import io.sluice.quality.validation.TableSchemaLookup;
import java.nio.file.Path;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeSystem;

/**
 * The entry point for users of rules (the gateway at start and reload, {@code sluice rules validate}): load a directory
 * of rule files and check them against the tables they name, in one step. Use the result only when {@link
 * RuleLoadResult#isValid()}; otherwise print its problems (and keep the old rules on a reload).
 *
 * <pre>{@code
 * RuleLoadResult result = QualityRules.load(rulesDirectory, TableSchemaLookup.of(rootSchema, typeFactory));
 * RuleSet rules = result.orThrow();   // RuleException listing every problem as file:line:col: path: message
 * }</pre>
 */
public final class QualityRules {

    private final RuleFileLoader loader;
    private final RuleValidator validator;

    /**
     * @param tables the tables rules may name, as the gateway's catalog sees them
     * @param dbtMapping where dbt models land, for dbt {@code schema.yml} files in the rules directory
     * @param typeSystem the SQL type system of the caller (the gateway's), for type-checking expressions
     */
    public QualityRules(TableSchemaLookup tables, DbtTableMapping dbtMapping, RelDataTypeSystem typeSystem) {
        this.loader = new RuleFileLoader(dbtMapping);
        this.validator = new RuleValidator(tables, typeSystem);
    }

    /** Loads and validates with dbt models mapped only through their meta and Calcite's default type system. */
    public static RuleLoadResult load(Path directory, TableSchemaLookup tables) {
        return new QualityRules(tables, DbtTableMapping.metaOnly(), RelDataTypeSystem.DEFAULT).loadDirectory(directory);
    }

    /** Every rule file below {@code directory}, loaded and validated; every problem of both steps in the result. */
    public RuleLoadResult loadDirectory(Path directory) {
        return validated(loader.loadDirectory(directory));
    }

    /** Rule files given as text keyed by file name, loaded and validated. */
    public RuleLoadResult loadFiles(Map<String, String> files) {
        return validated(loader.load(files));
    }

    private RuleLoadResult validated(RuleLoadResult loaded) {
        // Every readable rule, also those of files with problems: one run shows every mistake.
        return loaded.withProblems(validator.validate(loaded.readable()));
    }
}
