package io.sluice.gateway.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.runtime.RowFunctions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The measures of text read from an Arrow vector's memory equal what the engine computes from the String: {@code
 * CHAR_LENGTH} (UTF-16 units), {@code valid_encoding} and IN lists, over random text built from the characters each
 * shortcut must tell apart (printable ASCII, controls, DEL, non-ASCII, surrogate pairs, U+FFFD, mojibake), of every
 * length around the 8-byte words the memory is read in, in batches with and without text that is not printable ASCII.
 */
class MeasuredTextTest {

    private static final String[] PIECES = {
        "a",
        "Z",
        " ",
        "~",
        "0",
        "\u007F",
        "\u0001",
        "\t",
        "\n",
        "é",
        "€",
        "\uD83D\uDE00",
        "\uFFFD",
        "Ã©",
        "AIR",
        "REG AIR"
    };
    private static final List<String> SHORT_VALUES = List.of("AIR", "REG AIR", "", "é", "aaaaaaaa");
    private static final List<String> LONG_VALUES = List.of("AIR", "REG AIR a", "~~~~~~~~~");

    private final RelDataType integer = new JavaTypeFactoryImpl().createSqlType(SqlTypeName.INTEGER);
    private final RelDataType bool = new JavaTypeFactoryImpl().createSqlType(SqlTypeName.BOOLEAN);

    @Test
    void measuresFromMemory_equalTheEnginesFromTheString() {
        Random random = new Random(20261122);
        List<@Nullable String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            if (i % 97 == 0) {
                texts.add(null);
            } else if (i % 11 == 0) {
                texts.add(SHORT_VALUES.get(i % SHORT_VALUES.size()));
            } else {
                StringBuilder text = new StringBuilder();
                int pieces = random.nextInt(20);
                for (int p = 0; p < pieces; p++) {
                    text.append(PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 4)]);
                }
                texts.add(text.toString());
            }
        }
        List<TextMeasures.Measure> measures = List.of(
                new TextMeasures.Measure(0, TextMeasures.Kind.CHAR_LENGTH, integer, List.of(), null),
                new TextMeasures.Measure(0, TextMeasures.Kind.VALID_ENCODING, bool, List.of(), null),
                new TextMeasures.Measure(0, TextMeasures.Kind.IN, bool, utf8(SHORT_VALUES), Boolean.FALSE),
                new TextMeasures.Measure(0, TextMeasures.Kind.NOT_IN, bool, utf8(LONG_VALUES), Boolean.TRUE));

        try (BufferAllocator allocator = new RootAllocator();
                VarCharVector vector = new VarCharVector("text", allocator);
                VectorSchemaRoot batch = VectorSchemaRoot.of(vector)) {
            MeasuredText[] measured = MeasuredText.of(measures);
            // Batches through one vector, refilled as a source refills its root: none may be read through an earlier
            // one's buffers or judgement. Some batches are printable ASCII throughout (judged in one pass over the
            // data), one of them but for its very last byte.
            int half = texts.size() / 2;
            List<@Nullable String> printable =
                    texts.stream().filter(MeasuredTextTest::printableAscii).toList();
            List<@Nullable String> printableButLast = new ArrayList<>(printable);
            printableButLast.add("REG AIR a\u0001");
            List<List<@Nullable String>> batches = List.of(
                    texts.subList(0, half), printable, texts.subList(half, texts.size()), printableButLast, printable);
            assertThat(printable).hasSizeGreaterThan(1_000).contains((String) null);
            for (List<@Nullable String> part : batches) {
                fill(vector, part);
                batch.setRowCount(part.size());
                MeasuredText.bind(measured, batch);
                for (int row = 0; row < part.size(); row++) {
                    String text = part.get(row);
                    if (text == null) {
                        assertThat(measured[0].isNull(row)).isTrue();
                        assertThat(measured[2].in(row)).isFalse();
                        assertThat(measured[3].in(row)).isTrue();
                        continue;
                    }
                    assertThat(measured[0].isNull(row)).isFalse();
                    assertThat(measured[0].charLength(row)).as(text).isEqualTo(text.length());
                    assertThat(measured[1].validEncoding(row)).as(text).isEqualTo(RowFunctions.validEncoding(text));
                    assertThat(measured[2].in(row)).as(text).isEqualTo(SHORT_VALUES.contains(text));
                    assertThat(measured[3].in(row)).as(text).isEqualTo(!LONG_VALUES.contains(text));
                }
            }
        }
    }

    private static boolean printableAscii(@Nullable String text) {
        return text == null || text.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private static void fill(VarCharVector vector, List<@Nullable String> texts) {
        vector.reset();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) == null) {
                vector.setNull(i);
            } else {
                vector.setSafe(i, texts.get(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        vector.setValueCount(texts.size());
    }

    private static List<byte[]> utf8(List<String> values) {
        return values.stream()
                .map(value -> value.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
