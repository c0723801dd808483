package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import oracle.nosql.driver.ops.PrepareRequest;
import oracle.nosql.driver.ops.PreparedStatement;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Queries whose WHERE fixes a primary-key prefix with equalities read only that prefix and
 * must still return exactly the rows the whole WHERE selects, in primary-key order.
 */
@ExtendWith(ReferenceRegionExtension.class)
class KeyPrefixQueryIT {
    private static final String[] BS = {"x", "y", "z"};

    /** Row of Kp: key (a, b, c), v = "even"/"odd" by c. */
    record Row(int a, String b, long c, String v) {
        String id() {
            return a + "-" + b + "-" + c;
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();

    @BeforeAll
    static void load(RegionUnderTest region) {
        region.ddl("CREATE TABLE Kp(a INTEGER, b STRING, c LONG, v STRING, PRIMARY KEY(SHARD(a), b, c))");
        for (int a = 1; a <= 3; a++) {
            for (String b : BS) {
                for (long c = 1; c <= 4; c++) {
                    Row r = new Row(a, b, c, c % 2 == 0 ? "even" : "odd");
                    ROWS.add(r);
                    region.handle().put(new PutRequest().setTableName("Kp").setValue(new MapValue()
                        .put("a", a).put("b", b).put("c", c).put("v", r.v())));
                }
            }
        }
    }

    private static List<String> expected(Predicate<Row> p) {
        return ROWS.stream().filter(p).map(Row::id).toList();
    }

    private static List<String> reversed(List<String> in) {
        List<String> out = new ArrayList<>(in);
        java.util.Collections.reverse(out);
        return out;
    }

    private static List<String> ids(List<MapValue> rows) {
        return rows.stream().map(m -> m.getInt("a") + "-" + m.getString("b") + "-" + m.getLong("c")).toList();
    }

    static Stream<Arguments> wheres() {
        return Stream.of(
            Arguments.of("a = 2", (Predicate<Row>) r -> r.a() == 2),
            Arguments.of("a = 2 AND b = 'y'", (Predicate<Row>) r -> r.a() == 2 && r.b().equals("y")),
            Arguments.of("b = 'y' AND a = 2 AND c = 3",
                (Predicate<Row>) r -> r.a() == 2 && r.b().equals("y") && r.c() == 3),
            Arguments.of("a = 2 AND c = 3", (Predicate<Row>) r -> r.a() == 2 && r.c() == 3),
            Arguments.of("2 = a AND b = 'z' AND v = 'even'",
                (Predicate<Row>) r -> r.a() == 2 && r.b().equals("z") && r.v().equals("even")),
            Arguments.of("a = 3 AND b = 'x' AND c > 2", (Predicate<Row>) r -> r.a() == 3 && r.b().equals("x") && r.c() > 2),
            Arguments.of("b = 'y'", (Predicate<Row>) r -> r.b().equals("y")),
            Arguments.of("a = 1 OR a = 3", (Predicate<Row>) r -> r.a() == 1 || r.a() == 3),
            Arguments.of("a = 2.0 AND b = 'x'", (Predicate<Row>) r -> r.a() == 2 && r.b().equals("x")),
            Arguments.of("a = 2.5", (Predicate<Row>) r -> false),
            Arguments.of("a = 2 AND a = 3", (Predicate<Row>) r -> false),
            Arguments.of("a = 9", (Predicate<Row>) r -> false),
            Arguments.of("a = 1 AND b = 'y' AND c = 4 AND v = 'odd'", (Predicate<Row>) r -> false));
    }

    @ParameterizedTest(name = "WHERE {0}")
    @MethodSource("wheres")
    void aKeyPrefixQueryReturnsExactlyTheMatchingRowsInKeyOrder(String where, Predicate<Row> matches,
                                                                 RegionUnderTest region) {
        // Without ORDER BY only a query within one shard key has a defined (primary-key) order.
        List<String> unsorted = ids(region.query("SELECT * FROM Kp WHERE " + where));
        if (where.startsWith("a = 2 AND b") || where.startsWith("2 = a")) {
            assertThat(unsorted).as("SELECT * WHERE %s", where).containsExactlyElementsOf(expected(matches));
        } else {
            assertThat(unsorted).as("SELECT * WHERE %s", where).containsExactlyInAnyOrderElementsOf(expected(matches));
        }
        assertThat(ids(region.query("SELECT a, b, c FROM Kp WHERE " + where + " ORDER BY a DESC, b DESC, c DESC")))
            .as("sorted WHERE %s", where)
            .containsExactlyElementsOf(reversed(expected(matches)));
        assertThat(region.query("SELECT count(*) AS n FROM Kp WHERE " + where).get(0).getLong("n"))
            .as("count WHERE %s", where).isEqualTo(expected(matches).size());
    }

    @Test
    void aBoundKeyPrefixPagesThroughAllOfItsRows(RegionUnderTest region) {
        PreparedStatement ps = region.handle().prepare(new PrepareRequest()
            .setStatement("DECLARE $a INTEGER; $b STRING; SELECT * FROM Kp WHERE a = $a AND b = $b")).getPreparedStatement();
        for (int a = 1; a <= 3; a++) {
            for (String b : BS) {
                ps.setVariable("$a", new IntegerValue(a)).setVariable("$b", new StringValue(b));
                List<MapValue> rows = new ArrayList<>();
                try (QueryRequest q = new QueryRequest().setPreparedStatement(ps).setLimit(3);
                     QueryIterableResult it = region.handle().queryIterable(q)) {
                    it.forEach(rows::add);
                }
                int fa = a;
                assertThat(ids(rows)).as("a = %d AND b = %s, 3 rows per batch", a, b)
                    .containsExactlyElementsOf(expected(r -> r.a() == fa && r.b().equals(b)));
            }
        }
        PreparedStatement positional = region.handle().prepare(new PrepareRequest()
            .setStatement("SELECT * FROM Kp WHERE a = ? AND b = ?")).getPreparedStatement();
        positional.setVariable(1, new IntegerValue(2)).setVariable(2, new StringValue("z"));
        List<MapValue> rows = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setPreparedStatement(positional);
             QueryIterableResult it = region.handle().queryIterable(q)) {
            it.forEach(rows::add);
        }
        assertThat(ids(rows)).containsExactlyElementsOf(expected(r -> r.a() == 2 && r.b().equals("z")));
    }

    @Test
    void aKeyPrefixDeleteRemovesOnlyThoseRows(RegionUnderTest region) {
        region.ddl("CREATE TABLE KpDel(a INTEGER, b STRING, PRIMARY KEY(a, b))");
        for (int a = 1; a <= 3; a++) {
            for (String b : BS) {
                region.handle().put(new PutRequest().setTableName("KpDel").setValue(new MapValue().put("a", a).put("b", b)));
            }
        }
        assertThat(region.query("DELETE FROM KpDel WHERE a = 2 AND b != 'y'")).extracting(MapValue::toJson)
            .containsExactly("{\"numRowsDeleted\":2}");
        assertThat(region.query("SELECT a, b FROM KpDel")).extracting(m -> m.getInt("a") + m.getString("b"))
            .containsExactlyInAnyOrder("1x", "1y", "1z", "2y", "3x", "3y", "3z");
    }
}
