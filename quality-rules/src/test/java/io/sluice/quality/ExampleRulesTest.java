package io.sluice.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.model.RuleSet;
import io.sluice.quality.model.TableName;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example rule files shipped with the demo load and fit the demo's tables. */
class ExampleRulesTest {

    private static final Path DEMO_RULES = Path.of("..", "examples", "demo", "rules");

    @Test
    void demoRules_loadAndValidateAgainstTheDemoTables() {
        RuleLoadResult result = QualityRules.load(DEMO_RULES, TpchTables.LOOKUP);

        assertThat(result.problems()).isEmpty();
        assertThat(result.notices()).isEmpty();
        RuleSet rules = result.rules();
        assertThat(rules.tables())
                .containsExactly(
                        new TableName("crm", "main", "customer"),
                        new TableName("warehouse", "main", "orders"),
                        new TableName("warehouse", "main", "lineitem"));
        assertThat(rules.rulesOf(new TableName("warehouse", "main", "orders"))).hasSize(13);
        assertThat(rules.rowRulesOf(new TableName("warehouse", "main", "orders")))
                .hasSize(10);
        assertThat(rules.scheduleOf(new TableName("warehouse", "main", "orders")))
                .isPresent();
    }

    @Test
    void missingDirectory_isOneProblem() {
        RuleLoadResult result = QualityRules.load(Path.of("no-such-rules"), TpchTables.LOOKUP);

        assertThat(result.problems())
                .map(RuleProblem::toString)
                .containsExactly(
                        "no-such-rules: expected a directory of rule files, got nothing (there is no such directory)");
    }
}
