package io.sluice.adapters.jdbc;

import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * Where a plan leaves a JDBC source: runs the subtree below it as one SQL statement on the source. In {@code EXPLAIN}
 * output it names the source and shows that statement, so that users can see what is pushed down.
 */
public final class SourceToEnumerableConverter extends JdbcToEnumerableConverter {

    SourceToEnumerableConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new SourceToEnumerableConverter(getCluster(), traitSet, sole(inputs));
    }

    /** The SQL statement this converter sends to its source. */
    public String sourceSql() {
        SqlDialect dialect = ((JdbcConvention) getInput().getConvention()).dialect;
        JdbcImplementor implementor =
                new JdbcImplementor(dialect, (JavaTypeFactory) getCluster().getTypeFactory());
        return implementor
                .visitRoot(getInput())
                .asStatement()
                .toSqlString(dialect)
                .getSql();
    }

    /** The name of the source this converter reads from (as in the config). */
    public String sourceName() {
        String conventionName = getInput().getConvention().getName();
        return conventionName.startsWith("JDBC.") ? conventionName.substring("JDBC.".length()) : conventionName;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        RelWriter writer = super.explainTerms(pw);
        // Only in EXPLAIN output: the digest is computed for every candidate plan and must stay cheap.
        if (pw.getDetailLevel() != SqlExplainLevel.DIGEST_ATTRIBUTES) {
            writer.item("source", sourceName()).item("sql", sourceSql().replace('\n', ' '));
        }
        return writer;
    }
}
