package io.sluice.quality.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowFunctionsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "email|ana@example.com|true",
                "email|ana@example|false",
                "email|ana at example.com|false",
                "email|a@b@example.com|false",
                "uuid|123e4567-e89b-12d3-a456-426614174000|true",
                "uuid|123e4567e89b12d3a456426614174000|false",
                "iso_date|2024-02-29|true",
                "iso_date|2023-02-29|false",
                "iso_date|2024-2-1|false",
                "iso_timestamp|2024-03-10T01:30:00|true",
                "iso_timestamp|2024-03-10 01:30:00.123456+02:00|true",
                "iso_timestamp|2024-03-10T25:30:00|false",
                "iso_time|23:59:59.5|true",
                "iso_time|24:00|false",
                "url|https://example.com/a?b=c|true",
                "url|ftp://example.com|false",
                "url|example.com|false",
                "ipv4|192.168.0.1|true",
                "ipv4|192.168.0.256|false",
                "ipv4|192.168.00.1|false",
                "ipv6|2001:db8::1|true",
                "ipv6|::1|true",
                "ipv6|::ffff:192.0.2.1|true",
                "ipv6|2001:db8:0:0:0:0:2:1|true",
                "ipv6|2001:db8::1::2|false",
                "ipv6|2001:db8:0:0:0:0:2:1:5|false",
                "ipv6|12345::|false",
                "e164_phone|+4930123456|true",
                "e164_phone|030123456|false",
            })
    void hasFormat(String format, String value, boolean expected) {
        assertThat(RowFunctions.hasFormat(value, format)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "café|true",
                "caf\u00C3\u00A9|false",
                "it\u00E2\u20AC\u2122s|false",
                "bad \uFFFD byte|false",
                "bell \u0007 ring|false",
                "Ärger über Öl|true",
            })
    void validEncoding(String value, boolean expected) {
        assertThat(RowFunctions.validEncoding(value)).isEqualTo(expected);
        assertThat(validEncodingUtf8(value)).as("from UTF-8 bytes").isEqualTo(expected);
    }

    @Test
    void validEncodingUtf8_judgesAsTheTextDoes() {
        List<String> pieces = List.of(
                "a", " ", "~", "\u007F", "\t", "\n", "\r", "\u0001", "\u001F", "\u00C2", "\u00C3", "\u00E2", "\u00A9",
                "\u0080", "\u00BF", "\u20AC", "\u2122", "\uFFFD", "é", "日", "🎉");
        Random random = new Random(4);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            String value = text.toString();
            assertThat(validEncodingUtf8(value)).as(value).isEqualTo(RowFunctions.validEncoding(value));
        }
    }

    /** {@link RowFunctions#validEncodingUtf8} of {@code value}'s bytes, placed inside a larger array. */
    private static boolean validEncodingUtf8(String value) {
        byte[] bytes = ("[" + value + "]").getBytes(StandardCharsets.UTF_8);
        return RowFunctions.validEncodingUtf8(bytes, 1, bytes.length - 1);
    }

    @Test
    void validEncoding_allowsTabsAndLineBreaks() {
        assertThat(RowFunctions.validEncoding("line one\r\nline two\ttab")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-02-29|DATE|true",
                "2024-02-30|DATE|false",
                "42|INTEGER|true",
                "4.2|INTEGER|false",
                "3000000000|INTEGER|false",
                "3000000000|BIGINT|true",
                "12345.678|DECIMAL(7, 2)|true",
                "123456.7|DECIMAL(7, 2)|false",
                "1e3|DOUBLE|true",
                "abc|DOUBLE|false",
                "yes|BOOLEAN|true",
                "maybe|BOOLEAN|false",
                "2024-03-10 01:30:00|TIMESTAMP|true",
                "abcdef|VARCHAR(5)|false",
            })
    void castable(String value, String type, boolean expected) {
        assertThat(RowFunctions.castable(value, type)).isEqualTo(expected);
    }

    @Test
    void nullValues_areNeverJudged() {
        assertThat(RowFunctions.hasFormat(null, "email")).isNull();
        assertThat(RowFunctions.validEncoding(null)).isNull();
        assertThat(RowFunctions.castable(null, "DATE")).isNull();
        assertThat(RowFunctions.regexFind(null, "x")).isNull();
    }

    @Test
    void regexFind_findsAMatchAnywhere_unlessAnchored() {
        assertThat(RowFunctions.regexFind("order-123", "\\d+")).isTrue();
        assertThat(RowFunctions.regexFind("order-123", "^\\d+$")).isFalse();
    }
}
