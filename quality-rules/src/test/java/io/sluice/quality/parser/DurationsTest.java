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
}
