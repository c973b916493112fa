package io.sluice.quality.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.quality.RuleException;
import io.sluice.quality.RuleLoadResult;
import io.sluice.quality.RuleProblem;
import io.sluice.quality.model.TableRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFileLoaderTest {

    @TempDir
    Path directory;

    @Test
    void loadDirectory_readsYamlFilesRecursivelyAndSkipsHiddenOnes() throws IOException {
        write("orders.yml", "table: warehouse.main.orders\nrules:\n  - { check: row_count, min: 1 }\n");
        write("crm/customer.YAML", "table: crm.main.customer\nrules:\n  - { check: row_count, min: 1 }\n");
        write(".drafts/lineitem.yaml", "table: broken");
        write(".hidden.yaml", "table: broken");
        write("notes.txt", "not a rule file");

        RuleLoadResult result = new RuleFileLoader().loadDirectory(directory);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rules().files())
                .extracting(TableRules::file)
                .containsExactly(
                        directory.resolve("crm/customer.YAML").toString(),
                        directory.resolve("orders.yml").toString());
    }

    @Test
    void loadDirectory_problemsNameTheFileAsGiven() throws IOException {
        write("orders.yaml", "table: warehouse.main.orders\nrules:\n  - { check: row_count, min: -1 }\n");

        RuleLoadResult result = new RuleFileLoader().loadDirectory(directory);

        String file = directory.resolve("orders.yaml").toString();
        assertThat(result.problems())
                .map(RuleProblem::toString)
                .containsExactly(
                        file + ":3:30: rules[0].min: expected a whole number of at least 0, got the number -1");
        assertThat(result.rules().files()).isEmpty();
        RuleException thrown = catchThrowableOfType(result::orThrow, RuleException.class);
        assertThat(thrown.getMessage()).isEqualTo(result.problems().get(0).toString());
    }

    private void write(String relative, String text) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
