package io.sluice.quality.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.quality.model.Literal;
import java.math.BigDecimal;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;
import org.junit.jupiter.api.Test;

class LiteralConversionTest {

    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

    @Test
    void convert_numbers() {
        assertThat(convert(Literal.number("10"), SqlTypeName.BIGINT)).isEqualTo(new BigDecimal("10"));
        assertThat(convert(Literal.text("10"), SqlTypeName.INTEGER)).isEqualTo(new BigDecimal("10"));
        assertThat(convert(Literal.number("10.5"), SqlTypeName.INTEGER)).isNull();
        assertThat(convert(Literal.number("10.50"), SqlTypeName.DECIMAL)).isEqualTo(new BigDecimal("10.50"));
        assertThat(convert(Literal.number("1e3"), SqlTypeName.DOUBLE)).isEqualTo(1000.0);
        assertThat(convert(Literal.text("abc"), SqlTypeName.DECIMAL)).isNull();
    }

    @Test
    void convert_datesAndTimes() {
        assertThat(convert(Literal.text("2024-02-29"), SqlTypeName.DATE)).isEqualTo(new DateString("2024-02-29"));
        assertThat(convert(Literal.text("2023-02-29"), SqlTypeName.DATE)).isNull();
        assertThat(convert(Literal.text("2024-01-31 13:45:00"), SqlTypeName.TIMESTAMP))
                .isEqualTo(new TimestampString("2024-01-31 13:45:00"));
        assertThat(convert(Literal.text("2024-01-31T13:45:00.125"), SqlTypeName.TIMESTAMP))
                .isEqualTo(new TimestampString("2024-01-31 13:45:00.125"));
        assertThat(convert(Literal.text("13:45"), SqlTypeName.TIME)).isEqualTo(new TimeString("13:45:00"));
        assertThat(convert(Literal.text("2024-01-31"), SqlTypeName.TIMESTAMP)).isNull();
    }

    @Test
    void convert_textAndBooleans() {
        assertThat(convert(new Literal("yes", Literal.Kind.BOOLEAN), SqlTypeName.VARCHAR))
                .isEqualTo("yes");
        assertThat(convert(Literal.number("007"), SqlTypeName.CHAR)).isEqualTo("007");
        assertThat(convert(new Literal("true", Literal.Kind.BOOLEAN), SqlTypeName.BOOLEAN))
                .isEqualTo(true);
        assertThat(convert(Literal.text("maybe"), SqlTypeName.BOOLEAN)).isNull();
        assertThat(convert(Literal.text("x"), SqlTypeName.VARBINARY)).isNull();
    }

    @Test
    void expected_describesEachFamily() {
        assertThat(LiteralConversion.expected(TYPES.createSqlType(SqlTypeName.INTEGER)))
                .isEqualTo("a whole number");
        assertThat(LiteralConversion.expected(TYPES.createSqlType(SqlTypeName.DATE)))
                .isEqualTo("a date (YYYY-MM-DD)");
        assertThat(LiteralConversion.expected(TYPES.createSqlType(SqlTypeName.VARCHAR)))
                .isEqualTo("text");
    }

    private static Object convert(Literal literal, SqlTypeName type) {
        RelDataType columnType = TYPES.createSqlType(type);
        return LiteralConversion.convert(literal, columnType).orElse(null);
    }
}
