package io.sluice.quality.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parse_everyUnit() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("0s")).contains(Duration.ZERO);
    }

    @Test
    void parse_rejectsOtherSyntax() {
        assertThat(Durations.parse("30")).isEmpty();
        assertThat(Durations.parse("30 s")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.parse("1.5h")).isEmpty();
        assertThat(Durations.parse("PT30S")).isEmpty();
        assertThat(Durations.parse("5M")).isEmpty();
        assertThat(Durations.parse("9999999999999999d")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
    }

    @Test
    void format_largestExactUnit() {
        assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.parse(Durations.format(Duration.ofMinutes(90)))).contains(Duration.ofMinutes(90));
    }
}
