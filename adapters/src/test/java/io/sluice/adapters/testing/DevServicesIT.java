package io.sluice.adapters.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Proves the fixtures reach the servers {@code scripts/test} starts and read back what those servers received. */
class DevServicesIT {

    @Test
    void postgreSql_answersAndRecordsStatements() throws SQLException {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.instance();
        String schema = server.createSchema("fixture");
        PostgreSqlStatementLog statementLog = server.statementLog();
        statementLog.reset();

        try (Connection connection = server.openConnection();
                Statement statement = connection.createStatement()) {
            assertThat(queryString(statement, "SELECT version()")).startsWith("PostgreSQL");
            statement.execute("CREATE TABLE " + schema + ".t (id integer)");
            statement.execute("INSERT INTO " + schema + ".t VALUES (1), (2), (3)");
            assertThat(queryString(statement, "SELECT count(*) FROM " + schema + ".t WHERE id > 1"))
                    .isEqualTo("2");
        }

        assertThat(statementLog.entriesContaining("SELECT count(*) FROM " + schema + ".t"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.database()).isEqualTo("sluice_test");
                    assertThat(entry.query()).isEqualTo("SELECT count(*) FROM " + schema + ".t WHERE id > $1");
                    assertThat(entry.calls()).isEqualTo(1);
                    assertThat(entry.rows()).isEqualTo(1);
                });
        assertThat(server.logFile()).content().contains("SELECT count(*) FROM " + schema + ".t WHERE id > 1");
    }

    @Test
    void postgreSql_createsDatabases() throws SQLException {
        TestingPostgreSqlServer server = TestingPostgreSqlServer.instance();
        String database = server.createDatabase("fixture");

        try (Connection connection = server.openConnection(database);
                Statement statement = connection.createStatement()) {
            assertThat(queryString(statement, "SELECT current_database()")).isEqualTo(database);
        }
    }

    @Test
    void mariaDb_answersAndLogsStatements() throws SQLException {
        TestingMariaDbServer server = TestingMariaDbServer.instance();
        String database = server.createDatabase("fixture");
        MariaDbGeneralLog generalLog = server.generalLog();
        MariaDbGeneralLog.Mark mark = generalLog.mark();

        try (Connection connection = server.openConnection(database);
                Statement statement = connection.createStatement()) {
            assertThat(queryString(statement, "SELECT version()")).isNotBlank();
            statement.execute("CREATE TABLE t (id INT)");
            statement.execute("INSERT INTO t VALUES (1), (2), (3)");
            assertThat(queryString(statement, "SELECT count(*)\nFROM " + database + ".t\nWHERE id > 1"))
                    .isEqualTo("2");
        }

        assertThat(generalLog.statementsSince(mark))
                .contains("CREATE TABLE t (id INT)", "SELECT count(*)\nFROM " + database + ".t\nWHERE id > 1")
                .doesNotContain("CREATE DATABASE " + database);
    }

    private static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            assertThat(resultSet.next()).as("a row from %s", sql).isTrue();
            return resultSet.getString(1);
        }
    }
}
