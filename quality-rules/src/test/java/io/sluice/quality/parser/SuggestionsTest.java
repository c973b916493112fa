package io.sluice.quality.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void closest_typos() {
        List<String> keys = List.of("host", "port", "pool_size", "password");
        assertThat(Suggestions.closest("prot", keys)).contains("port");
        assertThat(Suggestions.closest("Port", keys)).contains("port");
        assertThat(Suggestions.closest("pool_sise", keys)).contains("pool_size");
        assertThat(Suggestions.closest("pasword", keys)).contains("password");
        assertThat(Suggestions.closest("postgress", List.of("postgresql", "mysql", "duckdb")))
                .contains("postgresql");
    }

    @Test
    void closest_nothingWhenTooFar() {
        assertThat(Suggestions.closest("colour", List.of("host", "port"))).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
    }

    @Test
    void hint_listsCandidatesWhenNoneIsClose() {
        assertThat(Suggestions.hint("colour", List.of("port", "host"))).isEqualTo("; expected one of: host, port");
        assertThat(Suggestions.hint("prot", List.of("port", "host"))).isEqualTo("; did you mean \"port\"?");
    }
}
