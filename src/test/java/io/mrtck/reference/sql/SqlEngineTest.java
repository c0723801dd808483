package io.mrtck.reference.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.Limits;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.sql.ddl.DdlResult;
import io.mrtck.reference.sql.query.PreparedQuery;
import io.mrtck.reference.sql.query.QueryBatch;
import io.mrtck.reference.store.RegionStore;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.StringValue;

/** End to end through a real store: DDL, system statements, queries and DML. */
class SqlEngineTest {
    static final long T0 = Instant.parse("2026-11-26T10:15:00Z").toEpochMilli();

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        long millis = T0;

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(millis); }
        @Override public long millis() { return millis; }
    }

    @TempDir
    Path dir;
    RegionStore store;
    TestClock clock = new TestClock();
    SqlEngine sql;

    @BeforeEach
    void open() {
        store = RegionStore.open(dir);
        sql = new SqlEngine(store, new Rows(store, clock, Limits.defaults()), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    List<MapValue> run(String statement) {
        return run(statement, Map.of());
    }

    List<MapValue> run(String statement, Map<String, FieldValue> bindings) {
        PreparedQuery q = sql.prepare(statement);
        return sql.execute(q, bindings, null, 0).rows();
    }

    /** Runs in batches of {@code limit}, following continuations. */
    List<MapValue> paged(String statement, int limit) {
        PreparedQuery q = sql.prepare(statement);
        List<MapValue> all = new ArrayList<>();
        byte[] cont = null;
        int calls = 0;
        do {
            QueryBatch b = sql.execute(q, Map.of(), cont, limit);
            assertThat(b.rows().size()).isLessThanOrEqualTo(limit);
            all.addAll(b.rows());
            cont = b.continuation();
            assertThat(++calls).isLessThan(100);
        } while (cont != null);
        return all;
    }

    static RequestException error(Runnable r) {
        try {
            r.run();
        } catch (RequestException e) {
            return e;
        }
        throw new AssertionError("no RequestException");
    }

    /** The workshop's SQL-shell lines; like the shell, the kit sends them without their ';'. */
    @Test
    void workshopStatementsWorkVerbatim() {
        DdlResult created = sql.executeTableDdl("CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid))");
        assertThat(created.tableName()).isEqualTo("Users");
        assertThat(run("insert into users values(1,{\"firstName\":\"jack\",\"lastName\":\"ma\",\"location\":\"FR\"})"))
            .extracting(MapValue::toJson).containsExactly("{\"NumRowsInserted\":1}");
        run("insert into users values(2, {\"firstName\":\"foo\",\"lastName\":\"bar\",\"location\":null})");
        assertThat(run("update users u set u.person.location = \"FR\" where uid = 2"))
            .extracting(MapValue::toJson).containsExactly("{\"NumRowsUpdated\":1}");
        run("update users u set u.person.location= \"CO\" where uid =1");
        List<MapValue> all = run("select * from users");
        assertThat(all).extracting(MapValue::toJson).containsExactly(
            "{\"uid\":1,\"person\":{\"firstName\":\"jack\",\"lastName\":\"ma\",\"location\":\"CO\"}}",
            "{\"uid\":2,\"person\":{\"firstName\":\"foo\",\"lastName\":\"bar\",\"location\":\"FR\"}}");
    }

    @Test
    void projectionsAreNamedAfterAliasLastStepOrPosition() {
        usersWithRows();
        List<MapValue> r = run("SELECT u.person.location, uid AS id, uid + 1 FROM users u WHERE uid = 1");
        assertThat(r.get(0).toJson()).isEqualTo("{\"location\":\"FR\",\"id\":1,\"Column_3\":2}");
        // Grouping over the whole table: the real SDK's driver builds these rows in a HashMap.
        r = run("SELECT u.person.location, uid AS id, uid + 1, count(*) FROM users u GROUP BY u.person.location, uid ORDER BY uid");
        assertThat(r.get(0).toJson()).isEqualTo("{\"location\":\"FR\",\"Column_4\":1,\"id\":1,\"Column_3\":2}");
        assertThat(error(() -> run("SELECT uid AS a, uid AS a FROM users")).getMessage())
            .isEqualTo("Error: at (1, 7) Duplicate column name in SELECT clause: a");
        assertThat(run("select count(*) from users").get(0).toJson()).isEqualTo("{\"Column_1\":3}");
    }

    void usersWithRows() {
        sql.executeTableDdl("CREATE TABLE Users(uid INTEGER, person JSON, PRIMARY KEY(uid))");
        run("INSERT INTO Users VALUES(1, {\"name\":\"a\",\"location\":\"FR\",\"age\":30,\"arr\":[1,2,3]})");
        run("INSERT INTO Users VALUES(2, {\"name\":\"b\",\"location\":\"CO\",\"age\":20})");
        run("INSERT INTO Users VALUES(3, {\"name\":\"c\",\"location\":null})");
    }

    @Test
    void whereHandlesPathsNullsExistsInAndMixedTypes() {
        usersWithRows();
        assertThat(ids("select uid from users u where u.person.location = 'FR'")).containsExactly(1);
        assertThat(ids("select uid from users u where u.person.age > 25 or u.person.name = 'b'")).containsExactly(1, 2);
        // JSON null is not SQL NULL, and a missing field is "empty": neither IS NULL.
        assertThat(ids("select uid from users u where u.person.location IS NULL")).isEmpty();
        assertThat(ids("select uid from users u where u.person.age IS NOT NULL")).containsExactly(1, 2, 3);
        assertThat(ids("select uid from users u where u.person.location = null")).containsExactly(3);
        assertThat(ids("select uid from users u where exists u.person.age")).containsExactly(1, 2);
        assertThat(ids("select uid from users u where not exists u.person.age")).containsExactly(3);
        assertThat(ids("select uid from users where uid in (1, 3)")).containsExactly(1, 3);
        assertThat(ids("select uid from users u where u.person.arr[1] = 2")).containsExactly(1);
        assertThat(ids("select uid from users u where u.person.age = 'thirty'")).isEmpty();
        assertThat(ids("select uid from users where uid != 2 order by uid desc")).containsExactly(3, 1);
        assertThat(ids("select uid from users order by uid limit 1 offset 1")).containsExactly(2);
        assertThat(run("select sum(u.person.age) as s, min(uid), max(uid), avg(u.person.age) from users u").get(0).toJson())
            .isEqualTo("{\"s\":50,\"Column_2\":1,\"Column_4\":25.0,\"Column_3\":3}");
    }

    List<Integer> ids(String q) {
        return run(q).stream().map(r -> r.get("uid").getInt()).toList();
    }

    @Test
    void bindVariablesByNameAndPosition() {
        usersWithRows();
        Map<String, FieldValue> b = new HashMap<>();
        b.put("$i", new IntegerValue(2));
        assertThat(run("DECLARE $i INTEGER; SELECT uid FROM users WHERE uid = $i", b)).hasSize(1);
        b = Map.of("#1", new IntegerValue(1), "#2", new StringValue("FR"));
        assertThat(run("SELECT uid FROM users u WHERE uid = ? AND u.person.location = ?", b)).hasSize(1);
        RequestException e = error(() -> run("DECLARE $i INTEGER; SELECT uid FROM users WHERE uid = $i"));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("The query contains external variables, none of which has been bound.");
        assertThat(error(() -> sql.prepare("SELECT uid FROM users WHERE uid = $j")).getMessage())
            .isEqualTo("Error: at (1, 34)  Unknown variable $j");
    }

    @Test
    void pagingResumesForStreamedAndMaterializedQueries() {
        sql.executeTableDdl("CREATE TABLE t(id INTEGER, v STRING, PRIMARY KEY(id))");
        for (int i = 1; i <= 7; i++) {
            run("INSERT INTO t VALUES(" + i + ", 'v" + (i % 3) + "')");
        }
        assertThat(paged("SELECT * FROM t", 3)).hasSize(7);
        assertThat(paged("SELECT id FROM t WHERE id > 2 LIMIT 4", 3)).extracting(r -> r.get("id").getInt())
            .containsExactly(3, 4, 5, 6);
        assertThat(paged("SELECT id FROM t ORDER BY id DESC", 2)).extracting(r -> r.get("id").getInt())
            .containsExactly(7, 6, 5, 4, 3, 2, 1);
        assertThat(paged("SELECT v, count(*) AS n FROM t GROUP BY v", 1)).hasSize(3);
    }

    @Test
    void dmlRunsOnceAndReportsCounts() {
        sql.executeTableDdl("CREATE TABLE t(id INTEGER, v STRING, PRIMARY KEY(id)) USING TTL 5 DAYS");
        PreparedQuery insert = sql.prepare("INSERT INTO t VALUES(1, 'a')");
        QueryBatch first = sql.execute(insert, Map.of(), null, 0);
        assertThat(first.rows().get(0).get("NumRowsInserted")).isEqualTo(new IntegerValue(1));
        assertThat(sql.execute(insert, Map.of(), "x".getBytes(), 0).rows()).isEmpty();
        assertThat(run("INSERT INTO t VALUES(1, 'b')").get(0).getInt("NumRowsInserted")).isEqualTo(0);
        assertThat(run("UPSERT INTO t VALUES(1, 'b') RETURNING *").get(0).toJson()).isEqualTo("{\"id\":1,\"v\":\"b\"}");
        assertThat(run("UPDATE t $x SET TTL 1 HOURS WHERE id = 1 RETURNING remaining_hours($x)").get(0).toJson())
            .isEqualTo("{\"Column_1\":1}");
        run("INSERT INTO t VALUES(2, 'c')");
        assertThat(run("SELECT remaining_days($x) AS d FROM t $x WHERE id = 2").get(0).getInt("d")).isEqualTo(5);
        MapValue deleted = run("DELETE FROM t WHERE v = 'b' OR id = 2").get(0);
        assertThat(deleted.toJson()).isEqualTo("{\"numRowsDeleted\":2}");
        assertThat(deleted.get("numRowsDeleted").isLong()).isTrue();
        assertThat(run("SELECT * FROM t")).isEmpty();
    }

    @Test
    void expiredRowsAreInvisible() {
        sql.executeTableDdl("CREATE TABLE t(id INTEGER, PRIMARY KEY(id))");
        run("INSERT INTO t VALUES(1) SET TTL 1 HOURS");
        run("INSERT INTO t VALUES(2)");
        assertThat(run("SELECT expiration_time_millis($t) AS e FROM t $t WHERE id = 2").get(0).getLong("e")).isZero();
        clock.millis += 3 * 3_600_000L;
        assertThat(run("SELECT * FROM t")).hasSize(1);
    }

    @Test
    void updateClausesOnJsonAndTypedColumns() {
        sql.executeTableDdl("CREATE TABLE t(id INTEGER, n INTEGER, j JSON, PRIMARY KEY(id))");
        run("INSERT INTO t VALUES(1, 5, {\"a\":[1],\"m\":{\"x\":1},\"gone\":true})");
        run("UPDATE t SET n = n * 2, ADD t.j.a 7, PUT t.j.m {\"y\":2}, REMOVE t.j.gone WHERE id = 1");
        assertThat(run("SELECT n, j FROM t").get(0).toJson())
            .isEqualTo("{\"n\":10,\"j\":{\"a\":[1,7],\"m\":{\"x\":1,\"y\":2}}}");
        assertThat(run("UPDATE t SET n = 1 WHERE id = 2").get(0).getInt("NumRowsUpdated")).isZero();
        RequestException partial = error(() -> sql.prepare("UPDATE t SET n = 1 WHERE n = 2"));
        assertThat(partial.getMessage()).isEqualTo("Error: A complete shard key must be specified in the WHERE clause.");
        RequestException e = error(() -> run("UPDATE t SET n = 'x' WHERE id = 1"));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("Error: at (1, 13) Cannot cast value \nx\nof type \nString\nto type \n"
            + "Integer\nFor input string: \"x\"");
        // A path that finds nothing updates nothing.
        assertThat(run("UPDATE t t SET t.j.nope = 1 WHERE id = 1").get(0).getInt("NumRowsUpdated")).isZero();
        run("UPDATE t t JSON MERGE t.j WITH PATCH {\"m\": null, \"z\": [1]} WHERE id = 1");
        assertThat(run("SELECT j FROM t").get(0).toJson()).isEqualTo("{\"j\":{\"a\":[1,7],\"z\":[1]}}");
        assertThat(error(() -> run("UPDATE t t REMOVE t.n WHERE id = 1")).getMessage())
            .isEqualTo("Error: at (1, 18) Cannot remove fields from records.");
    }

    @Test
    void joinsUnnestDistinctAndGroupingRules() {
        sql.executeTableDdl("CREATE TABLE p(a INTEGER, pv STRING, tags ARRAY(INTEGER), PRIMARY KEY(a))");
        sql.executeTableDdl("CREATE TABLE p.ch(b INTEGER, cv STRING, PRIMARY KEY(b))");
        run("INSERT INTO p VALUES(1, 'p1', [1, 2])");
        run("INSERT INTO p VALUES(2, 'p2', [])");
        run("INSERT INTO p.ch VALUES(1, 1, 'c1')");
        run("INSERT INTO p.ch VALUES(1, 2, 'c2')");
        assertThat(run("SELECT x.a, x.pv, c.cv FROM NESTED TABLES(p x DESCENDANTS(p.ch c)) ORDER BY x.a, c.cv"))
            .extracting(MapValue::toJson).containsExactly("{\"a\":1,\"pv\":\"p1\",\"cv\":\"c1\"}",
                "{\"a\":1,\"pv\":\"p1\",\"cv\":\"c2\"}", "{\"a\":2,\"pv\":\"p2\",\"cv\":null}");
        assertThat(run("SELECT x.a, c.b FROM p x LEFT OUTER JOIN p.ch c ON x.a = c.a AND c.b > 1 ORDER BY x.a"))
            .extracting(MapValue::toJson).containsExactly("{\"a\":1,\"b\":2}", "{\"a\":2,\"b\":null}");
        assertThat(run("SELECT x.a, $t AS t FROM p x, unnest(x.tags[] AS $t) ORDER BY x.a, $t"))
            .extracting(MapValue::toJson).containsExactly("{\"a\":1,\"t\":1}", "{\"a\":1,\"t\":2}");
        assertThat(run("SELECT DISTINCT c.a FROM p.ch c ORDER BY c.a")).extracting(MapValue::toJson)
            .containsExactly("{\"a\":1}");
        assertThat(error(() -> sql.prepare("SELECT a, pv FROM p GROUP BY a")).getMessage()).isEqualTo(
            "Error: at (1, 10) Invalid expression in SELECT or ORDER-BY clause. When a SELECT expression includes"
                + " grouping, expressions in the SELECT and ORDER-BY clauses must reference grouping expressions,"
                + " aggregate functions or external variable only.");
        assertThat(error(() -> sql.prepare("SELECT a FROM p WHERE count(*) > 1")).getMessage())
            .isEqualTo("Error: at (1, 22) Aggregate functions can appear in the SELECT or ORDER BY clauses only");
        assertThat(error(() -> sql.prepare("SELECT sum(count(*)) FROM p")).getMessage())
            .isEqualTo("Error: at (1, 11) Aggregate functions cannot be nested");
        assertThat(error(() -> sql.prepare("SELECT sum(pv) FROM p")).getMessage())
            .isEqualTo("Error: at (1, 7) Invalid input type for the sum aggregate function:\nString");
        assertThat(error(() -> sql.prepare("SELECT a FROM p ORDER BY array_collect(a)")).getMessage())
            .isEqualTo("Error: at (1, 25) The collect aggregate function can appear in SELECT clause only");
        assertThat(error(() -> sql.prepare("SELECT a FROM NESTED TABLES(p DESCENDANTS(p.ch))")).getMessage())
            .isEqualTo("Error: at (1, 7) The reference to column a is ambiguous because more than one table has a"
                + " column with this name");
    }

    @Test
    void insertCastsItsValuesAndUpsertCountsNewRowsOnly() {
        sql.executeTableDdl("CREATE TABLE t(id INTEGER, n INTEGER, l LONG, PRIMARY KEY(id))");
        run("INSERT INTO t VALUES(1, 3000000000, 2147483647 + 1)");
        assertThat(run("SELECT n, l FROM t").get(0).toJson()).isEqualTo("{\"n\":-1294967296,\"l\":-2147483648}");
        assertThat(run("UPSERT INTO t(id, n) VALUES(1, 5)").get(0).getInt("NumRowsInserted")).isZero();
        assertThat(run("UPSERT INTO t(id, n) VALUES(2, 5)").get(0).getInt("NumRowsInserted")).isEqualTo(1);
        assertThat(error(() -> run("INSERT INTO t(id, n) VALUES(NULL, 1)")).getMessage())
            .isEqualTo("Field \"id\" is not nullable");
        assertThat(error(() -> sql.prepare("INSERT INTO t(n) VALUES(1)")).getMessage())
            .isEqualTo("Error: at (1, 0) No value specified for primary key column id");
        assertThat(error(() -> sql.prepare("INSERT INTO t VALUES(1, 2)")).getMessage())
            .isEqualTo("Error: at (1, 0) The number of VALUES expressions is not equal to the number of table columns");
        assertThat(error(() -> sql.prepare("INSERT INTO t VALUES(1, 2, 3, 4)")).getMessage()).isEqualTo(
            "Error: at (1, 30) Insert statements contains more VALUES expressions than the number of table columns");
        assertThat(error(() -> sql.prepare("INSERT INTO t(id, nope) VALUES(1, 2)")).getMessage())
            .isEqualTo("Error: at (1, 18) Table t does not have a column named nope");
        assertThat(error(() -> sql.prepare("INSERT INTO t VALUES(DEFAULT, 2, 3)")).getMessage())
            .isEqualTo("Error: at (1, 21) There is no default value for primary-key column id");
        // INSERT and UPDATE may use variables the prolog does not declare; they must be bound all the same
        run("INSERT INTO t VALUES($id, $n, 0)", Map.of("$id", new IntegerValue(7), "$n", new IntegerValue(70)));
        run("UPDATE t SET n = $n WHERE id = 7", Map.of("$n", new IntegerValue(71)));
        assertThat(run("SELECT n FROM t WHERE id = 7").get(0).getInt("n")).isEqualTo(71);
        assertThat(error(() -> run("UPDATE t SET n = $n WHERE id = 7")).getMessage())
            .isEqualTo("The query contains external variables, none of which has been bound.");
        assertThat(error(() -> sql.prepare("DELETE FROM t WHERE id = $k")).getMessage())
            .isEqualTo("Error: at (1, 25)  Unknown variable $k");
        assertThat(error(() -> sql.prepare("UPDATE t SET TTL 'x' HOURS WHERE id = 7")).getMessage())
            .isEqualTo("Error: at (1, 17) Cannot promote item x\nof type :\nString\nto type :\nNumber?");
    }

    @Test
    void alterAddColumnShowsDefaultOnOldRows() {
        sql.executeTableDdl("CREATE TABLE t(id INTEGER, PRIMARY KEY(id))");
        run("INSERT INTO t VALUES(1)");
        DdlResult r = sql.executeTableDdl("ALTER TABLE t (ADD c STRING DEFAULT 'none', ADD d INTEGER)");
        assertThat(r.schema().tableVersion()).isEqualTo(2);
        assertThat(run("SELECT * FROM t").get(0).toJson()).isEqualTo("{\"id\":1,\"c\":\"none\",\"d\":null}");
        assertThat(error(() -> sql.executeTableDdl("ALTER TABLE t (DROP id)")).getMessage()).contains("id");
        assertThat(sql.executeTableDdl("ALTER TABLE t USING TTL 3 HOURS").schema().ttl().toString()).isEqualTo("3 HOURS");
    }

    /** Statements of the real-engine catalogue and what the real engine answered (its positions included). */
    static Stream<Arguments> recordedTranslationErrors() {
        String e = "e_qabcd000";
        String d = "CREATE TABLE d_qabcd000(id INTEGER, s STRING, a ARRAY(INTEGER), PRIMARY KEY(id))";
        String mr = "CREATE TABLE mr_qabcd000(id INTEGER, cnt INTEGER AS MR_COUNTER, note STRING, PRIMARY KEY(id))"
            + " IN REGIONS FR";
        return Stream.of(
            Arguments.of(List.of(), "CREATE TABLE " + e + "(id INTEGER, PRIMARY KEY(id)) USING TTL 5 MINUTES",
                "Error: at (1, 53) Invalid TTL Unit: MINUTES in 5 MINUTES"),
            Arguments.of(List.of(), "CREATE TABLE " + e + "(id INTEGER, a ANY, PRIMARY KEY(id))",
                "Error: at (1, 38) Type Any not allowed in DDL statements."),
            Arguments.of(List.of(), "CREATE TABLE " + e + "(id INTEGER, e ENUM(a, b, a), PRIMARY KEY(id))",
                "Error: at (1, 38) Invalid ENUM type 'ENUM(a,b,a)': Duplicated enumeration value: a"),
            Arguments.of(List.of(), "CREATE TABLE " + e + "(id INTEGER, v ENUM(a,b) DEFAULT c, PRIMARY KEY(id))",
                "Error: at (1, 48) Invalid enumeration value 'c', must be in values: [a, b]"),
            Arguments.of(List.of(), "CREATE TABLE " + e + "(id INTEGER, v JSON DEFAULT 1, PRIMARY KEY(id))",
                "Error: at (1, 43) Fields of type: JSON cannot have default values"),
            Arguments.of(List.of("CREATE TABLE " + e + "(id INTEGER, v INTEGER, PRIMARY KEY(id))"),
                "ALTER TABLE " + e + " (MODIFY v LONG)", "Error: at (1, 24) MODIFY <type> is not supported at this time"),
            Arguments.of(List.of("CREATE TABLE " + e + "(id INTEGER, v STRING, PRIMARY KEY(id))"),
                "ALTER TABLE " + e + " (ADD v INTEGER)", "Error: at (1, 28) Cannot add field, v, it already exists"),
            Arguments.of(List.of("CREATE TABLE " + e + "(id INTEGER, v STRING, PRIMARY KEY(id))"),
                "ALTER TABLE " + e + " (DROP id)", "Error: at (1, 29) Cannot remove a primary key field: id"),
            Arguments.of(List.of("SET LOCAL REGION FR", mr), "INSERT INTO mr_qabcd000 VALUES(5, 7, 'n')",
                "Error: at (1, 34) MR_Counter column must use DEFAULT construct."),
            Arguments.of(List.of("SET LOCAL REGION FR", mr), "UPDATE mr_qabcd000 SET cnt = 5 WHERE id = 1",
                "Error: at (1, 23) Path cnt is an MR counter, which can only be incremented or decremented."
                    + " Use an expression of the form \"$ + <expr>\" or \"$ - <expr>\" at the right of the SET clause."),
            Arguments.of(List.of(d), "UPDATE d_qabcd000 SET id = 5 WHERE id = 1",
                "Error: at (1, 22) Cannot update a primary key column"),
            Arguments.of(List.of(d), "UPDATE d_qabcd000 SET nope = 1 WHERE id = 1",
                "Error: at (1, 22) No table in the FROM clause has a column named nope"),
            Arguments.of(List.of(d), "UPDATE d_qabcd000 t REMOVE t.s WHERE id = 1",
                "Error: at (1, 27) Cannot remove fields from records."),
            Arguments.of(List.of(d), "UPDATE d_qabcd000 SET s = 'x' WHERE id = 1 RETURNING nope",
                "Error: at (1, 53) No table in the FROM clause has a column named nope"),
            Arguments.of(List.of(d), "INSERT INTO d_qabcd000(id, s) VALUES(3, 'x', 4)",
                "Error: at (1, 45) Insert statements contains more VALUES expressions than the number of specified"
                    + " columns"),
            Arguments.of(List.of(d), "SELECT x.id FROM d_qabcd000 t",
                "Error: at (1, 7) No table in the FROM clause has an alias named x"),
            Arguments.of(List.of(d), "SELECT id FROM d_qabcd000 WHERE nope = 1",
                "Error: at (1, 32) No table in the FROM clause has a column named nope"));
    }

    @ParameterizedTest
    @MethodSource("recordedTranslationErrors")
    void translationErrorsSayWhereInTheStatementTheyAre(List<String> setUp, String statement, String message) {
        for (String s : setUp) {
            if (s.startsWith("SET")) {
                sql.executeSystem(s);
            } else {
                sql.executeTableDdl(s);
            }
        }
        RequestException e = error(() -> {
            if (statement.startsWith("CREATE") || statement.startsWith("ALTER")) {
                sql.executeTableDdl(statement);
            } else {
                run(statement);
            }
        });
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void errorsNameTheProblem() {
        usersWithRows();
        RequestException e = error(() -> sql.prepare("SELECT * FROM users2"));
        assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Table not found: users2");
        e = error(() -> sql.prepare("SELECT agee FROM users"));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("Error: at (1, 7) No table in the FROM clause has a column named agee");
        e = error(() -> sql.executeTableDdl("CREATE REGION DE"));
        assertThat(e.getMessage()).isEqualTo("Unsupported query operation CREATE_REGION");
        e = error(() -> sql.executeTableDdl("CREATE TABL t(id INTEGER, PRIMARY KEY(id))"));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("Error: at (1, 7) no viable alternative at input 'CREATETABL',"
            + " at line 1:7\nrule stack: [parse, statement]");
        // INSERT casts its values to the column types, with CAST's message.
        e = error(() -> run("INSERT INTO users VALUES('x', {})"));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).isEqualTo("Error: at (1, 25) Cannot cast value \nx\nof type \nString\nto type \n"
            + "Integer\nFor input string: \"x\"");
        assertThat(error(() -> sql.executeTableDdl("SHOW TABLES")).code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(error(() -> sql.executeSystem("DROP TABLE users")).code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(error(() -> sql.prepare("CREATE TABLE x(id INTEGER, PRIMARY KEY(id))")).code())
            .isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
    }

    @Test
    void ddlForms() {
        sql.executeTableDdl("CREATE TABLE Users(uid INTEGER, name STRING, ts TIMESTAMP(3),"
            + " arr ARRAY(INTEGER), m MAP(STRING), r RECORD(a INTEGER, b STRING), PRIMARY KEY(SHARD(uid), name))"
            + " USING TTL 5 DAYS");
        assertThat(error(() -> sql.executeTableDdl("CREATE TABLE users(id INTEGER, PRIMARY KEY(id))")).code())
            .isEqualTo(ErrorCode.TABLE_EXISTS);
        assertThat(sql.executeTableDdl("CREATE TABLE IF NOT EXISTS users(id INTEGER, PRIMARY KEY(id))").schema().name())
            .isEqualTo("Users");
        DdlResult child = sql.executeTableDdl("CREATE TABLE Users.Orders(oid INTEGER, amount DOUBLE, PRIMARY KEY(oid))");
        assertThat(child.schema().primaryKey()).containsExactly("uid", "name", "oid");
        assertThat(child.schema().fields().get(0).name()).isEqualTo("uid");
        assertThat(child.schema().shardKeyCount()).isEqualTo(1);
        assertThat(error(() -> sql.executeTableDdl("DROP TABLE Users")).code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(error(() -> sql.executeTableDdl("CREATE TABLE Nope.Child(a INTEGER, PRIMARY KEY(a))")).code())
            .isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        sql.executeTableDdl("CREATE INDEX idx ON Users(name, m.k)");
        assertThat(error(() -> sql.executeTableDdl("CREATE INDEX idx ON Users(name)")).code()).isEqualTo(ErrorCode.INDEX_EXISTS);
        assertThat(error(() -> sql.executeTableDdl("DROP INDEX nope ON Users")).code()).isEqualTo(ErrorCode.INDEX_NOT_FOUND);
        sql.executeTableDdl("DROP INDEX IF EXISTS nope ON Users");
        assertThat(sql.executeTableDdl("DROP INDEX idx ON Users").schema().indexes()).isEmpty();
        assertThat(sql.executeTableDdl("DROP TABLE Users.Orders").dropped()).isTrue();
        sql.executeTableDdl("DROP TABLE users");
        sql.executeTableDdl("DROP TABLE IF EXISTS users");
        assertThat(error(() -> sql.executeTableDdl("DROP TABLE users")).code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        RequestException e = error(() -> sql.executeTableDdl(
            "CREATE TABLE c(id INTEGER, n INTEGER AS MR_COUNTER, PRIMARY KEY(id))"));
        assertThat(e.getMessage()).contains("MR_counters are not allowed in the table");
    }

    @Test
    void regionsAndMultiRegionTables() {
        RequestException e = error(() -> sql.executeTableDdl("CREATE TABLE t(id INTEGER, PRIMARY KEY(id)) IN REGIONS FR"));
        assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThat(e.getMessage()).containsIgnoringCase("local region");
        assertThat(sql.executeSystem("SET LOCAL REGION FR")).isNull();
        sql.executeSystem("CREATE REGION CO");
        assertThat(sql.executeSystem("CREATE REGION CO")).as("creating a known region again does nothing").isNull();
        assertThat(sql.executeSystem("SHOW AS JSON REGIONS")).isEqualTo(
            "{\"regions\" : [{\"name\" : \"FR\", \"type\" : \"local\", \"state\" : \"active\"},"
                + "{\"name\" : \"CO\", \"type\" : \"remote\", \"state\" : \"active\"}]}");
        assertThat(sql.executeSystem("show regions")).isEqualTo("regions\n  FR (local, active)\n  CO (remote, active)");
        e = error(() -> sql.executeTableDdl("CREATE TABLE t(id INTEGER, PRIMARY KEY(id)) IN REGIONS NOWHERE, FR"));
        assertThat(e.getMessage()).isEqualTo("Unknown region: NOWHERE");
        DdlResult mr = sql.executeTableDdl("CREATE TABLE Users(uid INTEGER, cnt INTEGER AS MR_COUNTER,"
            + " person JSON(visits AS INTEGER MR_COUNTER), PRIMARY KEY(uid)) IN REGIONS CO , FR");
        assertThat(mr.schema().regionIds()).containsExactly(2, 1);
        assertThat(mr.schema().field("cnt").orElseThrow().mrCounter()).isTrue();
        assertThat(SchemaJsonRendering.render(mr.schema())).contains("\"regions\" : {\"2\" : null, \"1\" : null}")
            .contains("\"mrcounter\" : true").contains("\"mrcounters\" : {\"visits\" : \"INTEGER\"}");
        DdlResult child = sql.executeTableDdl("CREATE TABLE Users.Orders(oid INTEGER, PRIMARY KEY(oid))");
        assertThat(child.schema().regionIds()).containsExactly(2, 1);
        e = error(() -> run("INSERT INTO Users VALUES(1, 5, {})"));
        assertThat(e.getMessage()).isEqualTo("Error: at (1, 28) MR_Counter column must use DEFAULT construct.");
        assertThat(error(() -> run("INSERT INTO Users VALUES(1, DEFAULT, {})")).getMessage())
            .isEqualTo("MR_COUNTER path person.visits does not exist");
        run("INSERT INTO Users VALUES(1, DEFAULT, {\"visits\" : 0})");
        run("UPDATE Users SET cnt = cnt + 3 WHERE uid = 1");
        assertThat(run("SELECT cnt FROM Users").get(0).getInt("cnt")).isEqualTo(3);
        assertThat(error(() -> run("UPDATE Users SET cnt = 7 WHERE uid = 1")).code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        run("UPDATE Users u SET u.person.visits = u.person.visits + 2 WHERE uid = 1");
        assertThat(run("SELECT u.person.visits FROM Users u").get(0).getInt("visits")).isEqualTo(2);
        assertThat(error(() -> run("UPDATE Users u SET u.person.visits = 9 WHERE uid = 1")).getMessage())
            .isEqualTo("Error: at (1, 19) Path person.visits is an MR counter, which can only be incremented or"
                + " decremented. Use an expression of the form \"$ + <expr>\" or \"$ - <expr>\" at the right of"
                + " the SET clause.");
        assertThat(error(() -> run("UPDATE Users u PUT u.person {\"visits\" : 5} WHERE uid = 1")).getMessage())
            .startsWith("Only MR_Counter value is allowed for JSON MR_Counter fields. Field: visits,");
        assertThat(error(() -> sql.executeSystem("DROP REGION CO")).getMessage()).isEqualTo("System Operation failed: "
            + "\n\tFailure 1: 1/DropRegion CO failed.: Cannot remove region CO because it is still in use by Users");
        assertThat(error(() -> sql.executeSystem("DROP REGION FR")).getMessage())
            .endsWith("1/DropRegion FR failed.: Cannot drop local region");
        assertThat(error(() -> sql.executeSystem("SET LOCAL REGION DE")).code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        sql.executeSystem("CREATE REGION DE");
        assertThat(sql.executeTableDdl("ALTER TABLE Users ADD REGIONS DE").schema().regionIds()).containsExactly(2, 1, 3);
        assertThat(sql.executeTableDdl("ALTER TABLE Users DROP REGIONS CO").schema().regionIds()).containsExactly(1, 3);
        assertThat(sql.executeSystem("DROP REGION NOPE")).as("dropping an unknown region does nothing").isNull();
    }

    @Test
    void namespacesAndShowStatements() {
        sql.executeSystem("CREATE NAMESPACE ns1");
        sql.executeSystem("CREATE NAMESPACE IF NOT EXISTS ns1");
        assertThat(error(() -> sql.executeSystem("CREATE NAMESPACE ns1")).code()).isEqualTo(ErrorCode.RESOURCE_EXISTS);
        assertThat(sql.executeSystem("SHOW AS JSON NAMESPACES")).isEqualTo("{\"namespaces\" : [\"sysdefault\", \"ns1\"]}");
        sql.executeTableDdl("CREATE TABLE Users(uid INTEGER, PRIMARY KEY(uid))");
        sql.executeTableDdl("CREATE TABLE Users.Orders(oid INTEGER, PRIMARY KEY(oid))");
        assertThat(sql.executeSystem("SHOW AS JSON TABLES")).isEqualTo("{\"tables\" : [\"Users\", \"Users.Orders\"]}");
        assertThat(sql.executeSystem("SHOW TABLES")).isEqualTo("tables\n  Users\n  Users.Orders");
        assertThat(sql.executeSystem("DESCRIBE AS JSON TABLE users")).startsWith(
            "{\"json_version\" : 2, \"type\" : \"table\", \"name\" : \"Users\", \"id\" : ")
            .contains("\"children\" : [\"Orders\"]");
        assertThat(sql.executeSystem("DESCRIBE AS JSON TABLE Users.Orders")).contains("\"name\" : \"Orders\"")
            .contains("\"parent\" : \"Users\"");
        assertThat(sql.executeSystem("SHOW AS JSON TABLE Users.Orders"))
            .isEqualTo("{\"tableHierarchy\" : [\"Users\", \"Users.Orders\"]}");
        assertThat(error(() -> sql.executeSystem("DROP NAMESPACE nope")).code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
        sql.executeSystem("DROP NAMESPACE IF EXISTS nope");
        sql.executeSystem("DROP NAMESPACE ns1 CASCADE");
        assertThat(sql.executeSystem("SHOW NAMESPACES")).isEqualTo("namespaces\n  sysdefault");
    }

    /** Indirection so the test reads as what it checks. */
    static final class SchemaJsonRendering {
        static String render(io.mrtck.reference.schema.TableSchema t) {
            return io.mrtck.reference.schema.SchemaJson.render(t);
        }
    }
}
