package io.sluice.gateway.demo;

import java.util.List;

/** The example queries the demo prints: one per source, and a join across both. */
public final class DemoQueries {

    /** An example: what it shows, and the SQL. */
    public record DemoQuery(String title, String sql) {}

    public static final List<DemoQuery> ALL = List.of(
            new DemoQuery(
                    "Orders and revenue by status (runs entirely in the warehouse)",
                    "SELECT o_orderstatus, count(*) AS orders, sum(o_totalprice) AS revenue"
                            + " FROM warehouse.main.orders GROUP BY o_orderstatus ORDER BY o_orderstatus"),
            new DemoQuery(
                    "Customers per region (a join inside the CRM, pushed down as one statement)",
                    "SELECT r.r_name AS region, count(*) AS customers"
                            + " FROM crm.main.customer c"
                            + " JOIN crm.main.nation n ON c.c_nationkey = n.n_nationkey"
                            + " JOIN crm.main.region r ON n.n_regionkey = r.r_regionkey"
                            + " GROUP BY r.r_name ORDER BY customers DESC"),
            new DemoQuery(
                    "Top 10 customers by revenue (a join across warehouse and crm)",
                    "SELECT c.c_name AS customer, n.n_name AS nation, count(*) AS orders,"
                            + " sum(o.o_totalprice) AS revenue"
                            + " FROM warehouse.main.orders o"
                            + " JOIN crm.main.customer c ON o.o_custkey = c.c_custkey"
                            + " JOIN crm.main.nation n ON c.c_nationkey = n.n_nationkey"
                            + " GROUP BY c.c_name, n.n_name ORDER BY revenue DESC LIMIT 10"));

    private DemoQueries() {}
}
