package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.PrepareRequest;
import oracle.nosql.driver.ops.PreparedStatement;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.QueryResult;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.StringValue;

/** SELECT, DML and row functions through the SDK's query API. */
@ControlledClock(start = "2026-03-01T10:20:30.123Z")
@ExtendWith(ReferenceRegionExtension.class)
class QueryIT {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** People 1..6: name, age, city, doc {address: {city}, tags: [...], score?}. */
    @BeforeAll
    static void people(RegionUnderTest region) {
        region.ddl("CREATE TABLE People(id INTEGER, name STRING, age INTEGER, city STRING, doc JSON,"
            + " PRIMARY KEY(id))");
        String[][] rows = {
            {"1", "ann", "30", "Paris", "{\"address\":{\"city\":\"Paris\",\"zip\":75001},\"tags\":[\"a\",\"b\"],\"score\":10}"},
            {"2", "bob", "40", "Lyon", "{\"address\":{\"city\":\"Lyon\"},\"tags\":[],\"score\":20}"},
            {"3", "cid", "25", "Paris", "{\"address\":{\"city\":\"Paris\"},\"tags\":[\"c\"]}"},
            {"4", "dan", "40", null, "{\"address\":{\"city\":\"Nice\"},\"score\":5}"},
            {"5", "eve", "35", "Lyon", null},
            {"6", "fay", "50", "Nice", "{\"address\":{},\"score\":null}"},
        };
        for (String[] r : rows) {
            MapValue v = new MapValue().put("id", Integer.parseInt(r[0])).put("name", r[1])
                .put("age", Integer.parseInt(r[2]));
            if (r[3] == null) {
                v.put("city", NullValue.getInstance());
            } else {
                v.put("city", r[3]);
            }
            if (r[4] == null) {
                v.put("doc", NullValue.getInstance());
            } else {
                v.putFromJson("doc", r[4], null);
            }
            region.handle().put(new PutRequest().setTableName("People").setValue(v));
        }
    }

    private static List<String> json(RegionUnderTest region, String sql) {
        return region.query(sql).stream().map(MapValue::toJson).toList();
    }

    private static List<Integer> ids(RegionUnderTest region, String where) {
        return region.query("SELECT id FROM People p WHERE " + where + " ORDER BY id").stream()
            .map(r -> r.getInt("id")).toList();
    }

    @Test
    void selectStarReturnsWholeRowsInColumnOrder(RegionUnderTest region) {
        assertThat(json(region, "SELECT * FROM People WHERE id = 5"))
            .containsExactly("{\"id\":5,\"name\":\"eve\",\"age\":35,\"city\":\"Lyon\",\"doc\":null}");
        assertThat(region.query("SELECT * FROM People")).hasSize(6);
    }

    @Test
    void projectionsAliasesAndJsonPathsNameTheirColumns(RegionUnderTest region) {
        assertThat(json(region, "SELECT id, name AS who, p.doc.address.city, p.doc.address.zip AS z,"
            + " age + 1 FROM People p WHERE id = 1"))
            .containsExactly("{\"id\":1,\"who\":\"ann\",\"city\":\"Paris\",\"z\":75001,\"Column_5\":31}");
        assertThat(json(region, "SELECT p.doc.tags[0] AS first FROM People p WHERE id = 1"))
            .containsExactly("{\"first\":\"a\"}");
    }

    @ParameterizedTest(name = "WHERE {0}")
    @CsvSource(delimiter = '|', value = {
        "age > 35                                        | 2,4,6",
        "age >= 35 AND city = 'Lyon'                     | 2,5",
        "age < 30 OR name = 'fay'                        | 3,6",
        "NOT (age = 40)                                  | 1,3,5,6",
        "age != 40                                       | 1,3,5,6",
        "age <= 25                                       | 3",
        "city IS NULL                                    | 4",
        "city IS NOT NULL AND age = 40                   | 2",
        "p.doc.score > 8                                 | 1,2",
        "EXISTS p.doc.score                              | 1,2,4,6",
        "NOT EXISTS p.doc.score                          | 3,5",
        "p.doc.address.city = 'Paris'                    | 1,3",
        "age IN (25, 50)                                 | 3,6",
        "name IN ('bob', 'zed')                          | 2",
        "name > 'c' AND name < 'f'                       | 3,4,5",
        "NOT age = 40 OR city = 'Nice'                   | 1,3,5,6",
        "age = 40 AND city = 'Lyon' OR id = 1            | 1,2",
        "age = 40 AND (city = 'Lyon' OR id = 4)          | 2,4",
        "age + 2 * 5 = 40                                | 1",
        "(age + 2) * 5 = 160                             | 1",
        "-age < -45                                      | 6",
    })
    void whereSelectsExactlyTheMatchingRows(String where, String expected, RegionUnderTest region) {
        List<Integer> want = java.util.Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertThat(ids(region, where)).as("ids WHERE %s", where).containsExactlyElementsOf(want);
    }

    @Test
    void orderByLimitAndOffsetShapeTheResult(RegionUnderTest region) {
        assertThat(region.query("SELECT id FROM People ORDER BY age DESC, id ASC")).extracting(r -> r.getInt("id"))
            .containsExactly(6, 2, 4, 5, 1, 3);
        assertThat(region.query("SELECT name FROM People ORDER BY name ASC LIMIT 2 OFFSET 1"))
            .extracting(r -> r.getString("name")).containsExactly("bob", "cid");
        assertThat(region.query("SELECT id FROM People ORDER BY id DESC LIMIT 3")).extracting(r -> r.getInt("id"))
            .containsExactly(6, 5, 4);
        assertThat(region.query("SELECT id FROM People ORDER BY id OFFSET 5")).extracting(r -> r.getInt("id"))
            .containsExactly(6);
    }

    @Test
    void aggregatesOverTheTableAndPerGroup(RegionUnderTest region) {
        MapValue all = region.query("SELECT count(*) AS n, sum(age) AS s, min(age) AS lo, max(age) AS hi,"
            + " avg(age) AS mean FROM People").get(0);
        assertThat(all.get("n").getLong()).isEqualTo(6L);
        assertThat(all.get("s").getLong()).isEqualTo(220L);
        assertThat(all.get("lo").getInt()).isEqualTo(25);
        assertThat(all.get("hi").getInt()).isEqualTo(50);
        assertThat(all.get("mean").getDouble()).isEqualTo(220.0 / 6);

        // Grouped rows are built by the real SDK's driver in a HashMap: that is their column order.
        assertThat(json(region, "SELECT city, count(*) AS n, max(age) AS oldest FROM People"
            + " WHERE city IS NOT NULL GROUP BY city ORDER BY city"))
            .containsExactly("{\"city\":\"Lyon\",\"oldest\":40,\"n\":2}", "{\"city\":\"Nice\",\"oldest\":50,\"n\":1}",
                "{\"city\":\"Paris\",\"oldest\":30,\"n\":2}");
    }

    @Test
    void preparedStatementsBindDeclaredAndPositionalVariables(RegionUnderTest region) {
        NoSQLHandle h = region.handle();
        PreparedStatement declared = h.prepare(new PrepareRequest()
            .setStatement("DECLARE $minAge INTEGER; $city STRING;"
                + " SELECT id FROM People WHERE age >= $minAge AND city = $city ORDER BY id"))
            .getPreparedStatement();
        declared.setVariable("$minAge", new IntegerValue(35)).setVariable("$city", new StringValue("Lyon"));
        assertThat(all(h, new QueryRequest().setPreparedStatement(declared))).extracting(r -> r.getInt("id"))
            .containsExactly(2, 5);
        declared.setVariable("$minAge", new IntegerValue(0)).setVariable("$city", new StringValue("Paris"));
        assertThat(all(h, new QueryRequest().setPreparedStatement(declared))).extracting(r -> r.getInt("id"))
            .as("the same prepared statement with new values").containsExactly(1, 3);

        PreparedStatement positional = h.prepare(new PrepareRequest()
            .setStatement("SELECT name FROM People WHERE age = ? AND id > ? ORDER BY id")).getPreparedStatement();
        positional.setVariable(1, new IntegerValue(40)).setVariable(2, new IntegerValue(2));
        assertThat(all(h, new QueryRequest().setPreparedStatement(positional))).extracting(r -> r.getString("name"))
            .containsExactly("dan");
    }

    private static List<MapValue> all(NoSQLHandle h, QueryRequest request) {
        List<MapValue> out = new ArrayList<>();
        try (request; QueryIterableResult it = h.queryIterable(request)) {
            it.forEach(out::add);
        }
        return out;
    }

    @Test
    void aQueryOverMoreRowsThanTheLimitReturnsAllOfThemAcrossBatches(RegionUnderTest region) {
        region.ddl("CREATE TABLE Many(id INTEGER, v STRING, PRIMARY KEY(id))");
        for (int i = 0; i < 23; i++) {
            region.handle().put(new PutRequest().setTableName("Many").setValue(new MapValue().put("id", i).put("v", "v" + i)));
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, 23).boxed().toList();

        List<MapValue> iterated = all(region.handle(), new QueryRequest().setStatement("SELECT id FROM Many").setLimit(4));
        assertThat(iterated).extracting(r -> r.getInt("id")).containsExactlyInAnyOrderElementsOf(expected);

        List<Integer> manual = new ArrayList<>();
        int batches = 0;
        try (QueryRequest request = new QueryRequest().setStatement("SELECT id FROM Many ORDER BY id").setLimit(4)) {
            do {
                QueryResult batch = region.handle().query(request);
                assertThat(batch.getResults().size()).as("rows in batch %d with limit 4", batches).isLessThanOrEqualTo(4);
                batch.getResults().forEach(r -> manual.add(r.getInt("id")));
                batches++;
            } while (!request.isDone() && batches < 100);
        }
        assertThat(manual).containsExactlyElementsOf(expected);
        assertThat(batches).as("batches of at most 4 for 23 rows").isGreaterThanOrEqualTo(6);
    }

    @Test
    void insertAndUpsertWithTtlReturnTheWrittenRow(RegionUnderTest region, MutableClock clock) {
        region.ddl("CREATE TABLE Ins(id INTEGER, v STRING, PRIMARY KEY(id))");
        assertThat(json(region, "INSERT INTO Ins VALUES (1, 'one')")).containsExactly("{\"NumRowsInserted\":1}");
        assertThat(json(region, "INSERT INTO Ins VALUES (1, 'again')"))
            .as("INSERT of an existing key inserts nothing").containsExactly("{\"NumRowsInserted\":0}");
        assertThat(json(region, "INSERT INTO Ins $i VALUES (2, 'two') SET TTL 5 HOURS RETURNING *"))
            .containsExactly("{\"id\":2,\"v\":\"two\"}");
        assertThat(get(region, "Ins", 2).getExpirationTime()).isEqualTo(ceil(clock.millis() + 5 * HOUR, HOUR));
        assertThat(json(region, "UPSERT INTO Ins $i VALUES (1, 'replaced') SET TTL 2 DAYS"
            + " RETURNING id, v, remaining_days($i) AS d"))
            .as("full days from %s to the next day boundary after 2 days", clock.instant())
            .containsExactly("{\"id\":1,\"v\":\"replaced\",\"d\":"
                + (ceil(clock.millis() + 2 * DAY, DAY) - clock.millis()) / DAY + "}");
        assertThat(get(region, "Ins", 1).getExpirationTime()).isEqualTo(ceil(clock.millis() + 2 * DAY, DAY));
    }

    private static GetResult get(RegionUnderTest region, String table, int id) {
        return region.handle().get(new GetRequest().setTableName(table).setKey(new MapValue().put("id", id)));
    }

    private static long ceil(long t, long unit) {
        return Math.floorDiv(t + unit - 1, unit) * unit;
    }

    @Test
    void updateChangesJsonPathsAndTtlAndReturnsTheRemainingHours(RegionUnderTest region, MutableClock clock) {
        region.ddl("CREATE TABLE Upd(id INTEGER, doc JSON, n INTEGER, PRIMARY KEY(id))");
        region.query("INSERT INTO Upd VALUES (1, {\"a\":{\"b\":1},\"list\":[1,2],\"gone\":true}, 5)");
        List<MapValue> out = region.query("UPDATE Upd $u SET $u.doc.a.b = 2, SET n = n + 10,"
            + " ADD $u.doc.list 3, ADD $u.doc.list 0 0, PUT $u.doc.a {\"c\":\"new\"}, REMOVE $u.doc.gone,"
            + " SET TTL 7 HOURS WHERE id = 1 RETURNING remaining_hours($u) AS h");
        long expires = ceil(clock.millis() + 7 * HOUR, HOUR);
        assertThat(out).extracting(MapValue::toJson)
            .containsExactly("{\"h\":" + (expires - clock.millis()) / HOUR + "}");
        GetResult row = get(region, "Upd", 1);
        assertThat(row.getValue().toJson())
            .isEqualTo("{\"id\":1,\"doc\":{\"a\":{\"b\":2,\"c\":\"new\"},\"list\":[0,1,2,3]},\"n\":15}");
        assertThat(row.getExpirationTime()).isEqualTo(expires);
        assertThat(json(region, "UPDATE Upd SET n = 0 WHERE id = 99")).containsExactly("{\"NumRowsUpdated\":0}");
    }

    @Test
    void rowFunctionsGiveExpirationAndModificationTimes(RegionUnderTest region, MutableClock clock) {
        region.ddl("CREATE TABLE Fn(id INTEGER, PRIMARY KEY(id))");
        long written = clock.millis();
        region.query("INSERT INTO Fn VALUES (1) SET TTL 3 DAYS");
        region.query("INSERT INTO Fn VALUES (2)");
        long expires = ceil(written + 3 * DAY, DAY);
        MapValue r = region.query("SELECT expiration_time($f) AS e, modification_time($f) AS m,"
            + " remaining_days($f) AS d, remaining_hours($f) AS h FROM Fn $f WHERE id = 1").get(0);
        assertThat(r.get("e").getTimestamp().toInstant()).isEqualTo(Instant.ofEpochMilli(expires));
        assertThat(r.get("m").getTimestamp().toInstant()).isEqualTo(Instant.ofEpochMilli(written));
        assertThat(r.get("d").getInt()).isEqualTo((int) ((expires - written) / DAY));
        assertThat(r.get("h").getInt()).isEqualTo((int) ((expires - written) / HOUR));
        MapValue never = region.query("SELECT expiration_time($f) AS e, remaining_days($f) AS d"
            + " FROM Fn $f WHERE id = 2").get(0);
        assertThat(never.get("e").getTimestamp().getTime()).as("expiration_time without TTL").isZero();
        assertThat(never.get("d").getInt()).as("remaining_days without TTL").isEqualTo(-1);
    }

    @Test
    void deleteWhereRemovesTheMatchingRowsAndCountsThem(RegionUnderTest region) {
        region.ddl("CREATE TABLE Del(id INTEGER, k STRING, PRIMARY KEY(id))");
        for (int i = 0; i < 10; i++) {
            region.query("INSERT INTO Del VALUES (" + i + ", '" + (i % 3 == 0 ? "x" : "y") + "')");
        }
        assertThat(json(region, "DELETE FROM Del WHERE k = 'x'")).containsExactly("{\"numRowsDeleted\":4}");
        assertThat(region.query("SELECT id FROM Del ORDER BY id")).extracting(m -> m.getInt("id"))
            .containsExactly(1, 2, 4, 5, 7, 8);
        assertThat(json(region, "DELETE FROM Del WHERE id = 100")).containsExactly("{\"numRowsDeleted\":0}");
    }

    @Test
    void anUnknownTableIsTableNotFound(RegionUnderTest region) {
        assertThatThrownBy(() -> region.query("SELECT * FROM Nowhere"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Nowhere");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "SELECT nosuch FROM People                              | nosuch",
        "SELECT id FROM People WHERE nosuch = 1                 | nosuch",
        "SELECT id FROM People WHERE id =                       | 1:32",
        "SELECT id FROM People ORDER BY                         | 1:30",
        "SELEKT id FROM People                                  | 1:0",
        "INSERT INTO People VALUES (7, 'g', 'not a number', 'x', null) | Cannot cast value",
        "INSERT INTO People VALUES (7, 'g', 1, 'x', null, 9)    | more VALUES expressions",
        "SELECT id FROM People WHERE age = $undeclared          | $undeclared",
    })
    void badQueriesAreIllegalArgumentsNamingTheProblem(String sql, String named, RegionUnderTest region) {
        assertThatThrownBy(() -> region.query(sql)).as(sql)
            .isInstanceOf(IllegalArgumentException.class).message().containsIgnoringCase(named);
    }

    @Test
    void aDeclaredVariableLeftUnboundIsAnError(RegionUnderTest region) {
        NoSQLHandle h = region.handle();
        PreparedStatement ps = h.prepare(new PrepareRequest()
            .setStatement("DECLARE $a INTEGER; SELECT id FROM People WHERE age = $a")).getPreparedStatement();
        assertThatThrownBy(() -> all(h, new QueryRequest().setPreparedStatement(ps)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("The query contains external variables, none of which has been bound.");
        ps.setVariable("$a", new StringValue("forty"));
        assertThatThrownBy(() -> all(h, new QueryRequest().setPreparedStatement(ps)))
            .as("a STRING bound to an INTEGER variable")
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$a");
    }

    @Test
    void sortedGroupedAndOffsetQueriesPageWithoutLosingOrRepeatingRows(RegionUnderTest region) {
        region.ddl("CREATE TABLE Pages(id INTEGER, g INTEGER, PRIMARY KEY(id))");
        for (int i = 0; i < 30; i++) {
            region.handle().put(new PutRequest().setTableName("Pages").setValue(new MapValue().put("id", i).put("g", i % 7)));
        }
        assertThat(all(region.handle(), new QueryRequest().setLimit(4)
                .setStatement("SELECT id FROM Pages ORDER BY id DESC LIMIT 11 OFFSET 3")))
            .extracting(r -> r.getInt("id")).containsExactly(26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16);
        assertThat(all(region.handle(), new QueryRequest().setLimit(2)
                .setStatement("SELECT g, count(*) AS n FROM Pages GROUP BY g ORDER BY g")))
            .extracting(MapValue::toJson).containsExactly("{\"g\":0,\"n\":5}", "{\"g\":1,\"n\":5}",
                "{\"g\":2,\"n\":4}", "{\"g\":3,\"n\":4}", "{\"g\":4,\"n\":4}", "{\"g\":5,\"n\":4}",
                "{\"g\":6,\"n\":4}");
        assertThat(all(region.handle(), new QueryRequest().setLimit(3)
                .setStatement("SELECT id FROM Pages WHERE g = 2 LIMIT 3 OFFSET 1")))
            .extracting(r -> r.getInt("id")).containsExactly(9, 16, 23);
    }

    @Test
    void updateReturningOnAMissingRowReturnsNothingAndTableDefaultTtlResets(RegionUnderTest region,
                                                                           MutableClock clock) {
        region.ddl("CREATE TABLE UpdTtl(id INTEGER, n INTEGER, PRIMARY KEY(id)) USING TTL 4 DAYS");
        region.query("INSERT INTO UpdTtl VALUES (1, 1) SET TTL 2 HOURS");
        assertThat(region.query("UPDATE UpdTtl u SET u.n = 5 WHERE id = 42 RETURNING *")).isEmpty();
        assertThat(json(region, "UPDATE UpdTtl u SET u.n = 6, SET TTL USING TABLE DEFAULT WHERE id = 1 RETURNING *"))
            .containsExactly("{\"id\":1,\"n\":6}");
        assertThat(get(region, "UpdTtl", 1).getExpirationTime()).isEqualTo(ceil(clock.millis() + 4 * DAY, DAY));
    }

    @Test
    void aggregatesSkipNullsAndCountAnEmptySelectionAsZero(RegionUnderTest region) {
        MapValue r = region.query("SELECT count(city) AS cities, count(*) AS rows, min(name) AS first,"
            + " max(name) AS last FROM People").get(0);
        assertThat(r.get("cities").getLong()).as("count of non-NULL cities").isEqualTo(5L);
        assertThat(r.get("rows").getLong()).isEqualTo(6L);
        assertThat(r.getString("first")).isEqualTo("ann");
        assertThat(r.getString("last")).isEqualTo("fay");
        assertThat(region.query("SELECT avg(p.doc.score) AS a FROM People p WHERE p.doc.score IS NOT NULL")
            .get(0).get("a").getDouble()).as("avg over 10, 20, 5").isEqualTo(35.0 / 3);
        assertThat(region.query("SELECT count(*) AS n FROM People WHERE age > 100").get(0).get("n").getLong())
            .as("count(*) over no rows").isZero();
    }

    @Test
    void bindVariablesWorkInLimitAndInLists(RegionUnderTest region) {
        NoSQLHandle h = region.handle();
        PreparedStatement ps = h.prepare(new PrepareRequest().setStatement(
            "DECLARE $a INTEGER; $b INTEGER; $n INTEGER;"
                + " SELECT id FROM People WHERE age IN ($a, $b) ORDER BY id LIMIT $n")).getPreparedStatement();
        ps.setVariable("$a", new IntegerValue(40)).setVariable("$b", new IntegerValue(30))
            .setVariable("$n", new IntegerValue(2));
        assertThat(all(h, new QueryRequest().setPreparedStatement(ps))).extracting(r -> r.getInt("id"))
            .containsExactly(1, 2);
    }
}
