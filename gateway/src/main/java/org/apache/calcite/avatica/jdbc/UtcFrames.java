package org.apache.calcite.avatica.jdbc;

import com.google.common.base.Optional;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * Reads a frame of rows the way Avatica's {@code JdbcResultSet} reads the FIRST frame: with a UTC calendar. Avatica's
 * {@code JdbcMeta.fetch} reads every later frame with the JVM's local calendar instead, so every DATE, TIME and
 * TIMESTAMP after the first frame arrives shifted by the gateway's zone offset. Lives in Avatica's package because
 * {@code JdbcResultSet.frame} is package-private.
 */
public final class UtcFrames {

    private UtcFrames() {}

    public static Meta.Frame frame(StatementInfo info, ResultSet resultSet, long offset, int fetchMaxRowCount)
            throws SQLException {
        return JdbcResultSet.frame(
                info, resultSet, offset, fetchMaxRowCount, DateTimeUtils.calendar(), Optional.absent());
    }
}
