package io.sluice.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataSizesTest {

    @Test
    void parse_everyUnit() {
        assertThat(DataSizes.parse("4096B")).contains(4096L);
        assertThat(DataSizes.parse("512KiB")).contains(512L << 10);
        assertThat(DataSizes.parse("256MiB")).contains(256L << 20);
        assertThat(DataSizes.parse("2GiB")).contains(2L << 30);
        assertThat(DataSizes.parse("1TiB")).contains(1L << 40);
        assertThat(DataSizes.parse("0B")).contains(0L);
    }

    @Test
    void parse_rejectsOtherSpellings() {
        assertThat(DataSizes.parse("256")).isEmpty();
        assertThat(DataSizes.parse("256MB")).isEmpty();
        assertThat(DataSizes.parse("256 MiB")).isEmpty();
        assertThat(DataSizes.parse("256mib")).isEmpty();
        assertThat(DataSizes.parse("-1MiB")).isEmpty();
        assertThat(DataSizes.parse("1.5GiB")).isEmpty();
        assertThat(DataSizes.parse("999999999999TiB")).isEmpty();
    }

    @Test
    void format_largestUnitThatDivides() {
        assertThat(DataSizes.format(256L << 20)).isEqualTo("256MiB");
        assertThat(DataSizes.format(1536L << 10)).isEqualTo("1536KiB");
        assertThat(DataSizes.format(1000)).isEqualTo("1000B");
        assertThat(DataSizes.format(0)).isEqualTo("0B");
    }
}
