package io.sluice.gateway.server.flight;

import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.adapter.jdbc.consumer.BaseConsumer;
import org.apache.arrow.adapter.jdbc.consumer.JdbcConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How engine rows become Arrow vectors: arrow-jdbc's converters with the gateway's choices. Date-times are wall-clock
 * values without a zone (Arrow's zone-less timestamps, which the Flight SQL JDBC driver reads; zoned ones make its
 * {@code getObject()} fail), so every value is read through a UTC calendar and the JVM's zone never shifts it.
 */
final class ArrowConversion {

    /** Rows per record batch. */
    static final int BATCH_ROWS = 4096;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private ArrowConversion() {}

    /** The conversion settings for one stream, allocating from {@code allocator}. */
    static JdbcToArrowConfig config(BufferAllocator allocator) {
        return new JdbcToArrowConfigBuilder(allocator, utcCalendar())
                .setTargetBatchSize(BATCH_ROWS)
                .setReuseVectorSchemaRoot(true)
                .setBigDecimalRoundingMode(RoundingMode.UNNECESSARY)
                .setJdbcToArrowTypeConverter(ArrowConversion::arrowType)
                .setJdbcConsumerGetter(ArrowConversion::consumer)
                .build();
    }

    /** The Arrow schema of a result with this metadata (the same one its stream has). */
    static Schema schema(ResultSetMetaData metadata, BufferAllocator allocator) throws SQLException {
        return JdbcToArrowUtils.jdbcToArrowSchema(metadata, config(allocator));
    }

    /** The Arrow type of a JDBC column: arrow-jdbc's mapping, with zone-less timestamps. */
    static ArrowType arrowType(JdbcFieldInfo field) {
        return JdbcToArrowUtils.getArrowTypeFromJdbcType(field, null);
    }

    private static JdbcConsumer<?> consumer(
            ArrowType type, int column, boolean nullable, FieldVector vector, JdbcToArrowConfig config) {
        if (type instanceof ArrowType.Timestamp timestamp && timestamp.getTimezone() == null) {
            return new WallClockTimestampConsumer((TimeStampMilliVector) vector, column);
        }
        return JdbcToArrowUtils.getConsumer(type, column, nullable, vector, config);
    }

    private static Calendar utcCalendar() {
        return Calendar.getInstance(UTC, Locale.ROOT);
    }

    /** Writes a TIMESTAMP as its wall-clock value, in milliseconds since 1970-01-01T00:00 (no zone). */
    private static final class WallClockTimestampConsumer extends BaseConsumer<TimeStampMilliVector> {
        private final Calendar calendar = utcCalendar();

        WallClockTimestampConsumer(TimeStampMilliVector vector, int column) {
            super(vector, column);
        }

        @Override
        public void consume(ResultSet resultSet) throws SQLException {
            Timestamp value = resultSet.getTimestamp(columnIndexInResultSet, calendar);
            if (value != null) {
                vector.set(currentIndex, value.getTime());
            }
            currentIndex++;
        }
    }
}
