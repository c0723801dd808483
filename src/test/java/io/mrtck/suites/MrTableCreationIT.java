package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.EngineUnderTest;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Creating MR tables (MR-SEMANTICS.md, "Setting up regions", "MR_COUNTER", "Seen on a real
 * two-region deployment" and its "second look"): every column type, keys, child tables (which
 * inherit their parent's regions), IN REGIONS without the local region, IF NOT EXISTS, USING TTL,
 * ADD/DROP REGIONS, the DDL errors in the real engine's words, and the schema GetTable shows in
 * each region.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("MR table creation")
class MrTableCreationIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MrFixture mr;

    MrTableCreationIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    /** A column declaration, whether it is a counter, and a literal the insert gives it. */
    record Column(String type, boolean counter, String insertValue) {
        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Column> columnTypes() {
        return Stream.of(
            new Column("INTEGER", false, "7"),
            new Column("LONG", false, "9007199254740993"),
            new Column("FLOAT", false, "1.5"),
            new Column("DOUBLE", false, "2.25"),
            new Column("NUMBER", false, "12345678901234567890.123"),
            new Column("STRING", false, "\"été\""),
            new Column("BOOLEAN", false, "true"),
            new Column("BINARY", false, "\"AAEC\""),
            new Column("BINARY(3)", false, "\"AAEC\""),
            new Column("TIMESTAMP(3)", false, "\"2026-01-02T03:04:05.678\""),
            new Column("TIMESTAMP(0)", false, "\"2026-01-02T03:04:05\""),
            new Column("JSON", false, "{\"a\": [1, {\"b\": null}]}"),
            new Column("ARRAY(INTEGER)", false, "[1, 2, 3]"),
            new Column("ARRAY(JSON)", false, "[{\"x\": 1}, \"y\"]"),
            new Column("MAP(STRING)", false, "{\"k\": \"v\"}"),
            new Column("MAP(ARRAY(LONG))", false, "{\"k\": [1, 2]}"),
            new Column("RECORD(a INTEGER, b STRING)", false, "{\"a\": 1, \"b\": \"x\"}"),
            new Column("INTEGER AS MR_COUNTER", true, "DEFAULT"),
            new Column("LONG AS MR_COUNTER", true, "DEFAULT"),
            new Column("NUMBER AS MR_COUNTER", true, "DEFAULT"),
            new Column("JSON(hits AS INTEGER MR_COUNTER)", true, "{\"hits\": 0}"),
            new Column("JSON(stats.views AS LONG MR_COUNTER)", true, "{\"stats\": {\"views\": 0}}"),
            new Column("JSON(n AS NUMBER MR_COUNTER, m AS INTEGER MR_COUNTER)", true, "{\"n\": 0, \"m\": 0}"));
    }

    static Stream<Arguments> columnTypesInEachRegion() {
        return columnTypes().flatMap(c -> Stream.of(Arguments.of(c, "FR"), Arguments.of(c, "CO")));
    }

    @ParameterizedTest(name = "column {0}: created in every region, GetTable in {1} shows both regions")
    @MethodSource("columnTypesInEachRegion")
    void everyColumnTypeMakesAnMrTableGetTableShowsInEachRegion(Column column, String region) throws Exception {
        // MR-SEMANTICS.md "Seen on a real deployment": "regions" map and "mrcounter": true in getTable's schema JSON.
        String t = MrFixture.table("Col");
        mr.createMrTable(t, "id INTEGER, c " + column.type() + ", PRIMARY KEY(id)");
        JsonNode schema = JSON.readTree(mr.schema(region, t));
        // MR-SEMANTICS.md "second look": "json_version" : 2 and an "id" string in getTable's schema JSON
        assertThat(schema.path("json_version").asInt()).as("json_version in %s: %s", region, schema).isEqualTo(2);
        assertThat(schema.path("id").isTextual()).as("table id in %s: %s", region, schema).isTrue();
        assertThat(schema.path("regions").size()).as("regions map in %s: %s", region, schema).isEqualTo(2);
        JsonNode c = field(schema, "c");
        if (column.counter() && !column.type().startsWith("JSON")) {
            // {"name" : "cnt", "type" : "INTEGER", "nullable" : false, "default" : 0, "mrcounter" : true}
            assertThat(c.path("mrcounter").asBoolean()).as("mrcounter marker: %s", c).isTrue();
            assertThat(c.path("default").asInt(-1)).as("counter default: %s", c).isZero();
            assertThat(c.path("nullable").asBoolean(true)).as("a counter is never NULL: %s", c).isFalse();
        } else if (column.counter()) {
            // "mrcounters" : {"hits" : "LONG"}, "nullable" : false
            assertThat(c.path("mrcounters").size()).as("JSON counter paths: %s", c).isPositive();
            assertThat(c.path("nullable").asBoolean(true)).as("a JSON column with counters is never NULL: %s", c)
                .isFalse();
        } else {
            assertThat(c.has("mrcounter")).as("no mrcounter marker: %s", c).isFalse();
        }
        // and a row of this type written in the other region arrives here unchanged
        String writer = region.equals("FR") ? "CO" : "FR";
        mr.sql(writer, "INSERT INTO " + t + " VALUES(1, " + column.insertValue() + ")");
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows()).hasSize(1);
    }

    private static JsonNode field(JsonNode schema, String name) {
        for (JsonNode f : schema.path("fields")) {
            if (f.path("name").asText().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + schema);
    }

    @ParameterizedTest(name = "composite shard key, rows written in {0}")
    @ValueSource(strings = {"FR", "CO"})
    void compositeAndShardKeysReplicate(String writer) throws Exception {
        // MR-SEMANTICS.md "Regressions": key-only MR tables and indexes (KVSTORE-1302, 2485) — keys of every shape replicate.
        String t = MrFixture.table("Keys");
        mr.createMrTable(t, "country STRING, city STRING, uid LONG, v STRING, PRIMARY KEY(SHARD(country, city), uid)");
        for (int i = 0; i < 5; i++) {
            mr.sql(writer, "INSERT INTO " + t + " VALUES(\"FR\", \"Paris\", " + i + ", \"v" + i + "\")");
        }
        assertThat(mr.converge(t, "country", "city", "uid").rows()).hasSize(5);
        for (String r : mr.regionNames()) {
            JsonNode schema = JSON.readTree(mr.schema(r, t));
            assertThat(schema.path("shardKey").toString()).as("shard key in %s", r).contains("country", "city");
            assertThat(schema.path("primaryKey").size()).as("primary key in %s", r).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "child table written in {0} inherits the parent's regions")
    @ValueSource(strings = {"FR", "CO"})
    void childTablesInheritRegionsAndReplicate(String writer) throws Exception {
        // MR-SEMANTICS.md "Regressions": child-table deletes and parent tombstones (KVSTORE-2224, 2223).
        String p = MrFixture.table("Parent");
        mr.createMrTable(p, "pid INTEGER, v STRING, PRIMARY KEY(pid)");
        String c = p + ".kids";
        for (String r : mr.regionNames()) {
            mr.ddl(r, "CREATE TABLE " + c + "(kid INTEGER, name STRING, PRIMARY KEY(kid))");
        }
        for (String r : mr.regionNames()) {
            JsonNode child = JSON.readTree(mr.schema(r, c));
            assertThat(child.path("regions").size()).as("child regions in %s: %s", r, child).isEqualTo(2);
            assertThat(child.path("name").asText()).as("child name in %s", r).isEqualTo("kids");
            assertThat(child.path("parent").asText()).as("child's parent in %s", r).isEqualToIgnoringCase(p);
        }
        mr.sql(writer, "INSERT INTO " + p + " VALUES(1, \"p\")");
        mr.sql(writer, "INSERT INTO " + c + " VALUES(1, 10, \"k\")");
        assertThat(mr.converge(c, "pid", "kid").rows()).hasSize(1);
    }

    @ParameterizedTest(name = "IF NOT EXISTS in {0} keeps the table and its rows")
    @ValueSource(strings = {"FR", "CO"})
    void ifNotExistsLeavesAnExistingMrTableAlone(String region) {
        // MR-SEMANTICS.md "Setting up regions" step 4: the table is created in every region, in any order.
        String t = MrFixture.table("Ine");
        String columns = "id INTEGER, v STRING, PRIMARY KEY(id)";
        mr.createMrTable(t, columns);
        mr.sql(region, "INSERT INTO " + t + " VALUES(1, \"kept\")");
        mr.converge(t, "id");
        mr.ddl(region, "CREATE TABLE IF NOT EXISTS " + t + "(" + columns + ") IN REGIONS FR, CO");
        assertThat(mr.converge(t, "id").rows()).hasSize(1);
    }

    @ParameterizedTest(name = "USING TTL {0}: schema in every region, row expiration replicated")
    @ValueSource(strings = {"5 DAYS", "3 HOURS"})
    void usingTtlGivesRowsAnExpirationThatReplicates(String ttl) throws Exception {
        // MR-SEMANTICS.md "TTL" and "Seen on a real deployment": "ttl" : "5 DAYS" in the schema; absolute expiration replicated.
        String t = MrFixture.table("Ttl");
        String ddl = "CREATE TABLE " + t + "(id INTEGER, v STRING, PRIMARY KEY(id)) USING TTL " + ttl + " IN REGIONS FR, CO";
        mr.regionNames().forEach(r -> mr.ddl(r, ddl));
        for (String r : mr.regionNames()) {
            assertThat(JSON.readTree(mr.schema(r, t)).path("ttl").asText()).as("ttl in %s", r).isEqualTo(ttl);
        }
        mr.sql("FR", "INSERT INTO " + t + " VALUES(1, \"x\")");
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows().values().iterator().next().expirationTime()).as("expiration").isPositive();
    }

    @ParameterizedTest(name = "IN REGIONS naming only the other region, in {0}: the local region is added")
    @ValueSource(strings = {"FR", "CO"})
    void inRegionsWithoutTheLocalRegionAddsIt(String writer) throws Exception {
        // MR-SEMANTICS.md "second look": IN REGIONS CO issued in FR is accepted, "regions" : {"2" : null, "1" : null}
        String t = MrFixture.table("Only");
        for (String r : mr.regionNames()) {
            String other = mr.regionNames().stream().filter(x -> !x.equals(r)).findFirst().orElseThrow();
            mr.ddl(r, "CREATE TABLE " + t + "(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS " + other);
        }
        for (String r : mr.regionNames()) {
            assertThat(JSON.readTree(mr.schema(r, t)).path("regions").size()).as("regions of %s in %s", t, r)
                .isEqualTo(2);
        }
        mr.sql(writer, "INSERT INTO " + t + " VALUES(1, 'from " + writer + "')");
        assertThat(mr.converge(t, "id").rows()).hasSize(1);
    }

    @ParameterizedTest(name = "ALTER TABLE ADD REGIONS CO after rows were written in FR ({0} rows, a counted row, a deleted row)")
    @ValueSource(ints = {0, 1, 40})
    void addRegionsCopiesExistingRows(int rows) throws Exception {
        // MR-SEMANTICS.md "Adding a region to an existing MR table"; initial copy missing rows (KVSTORE-2111),
        // deletes carried by the copy (KVSTORE-986).
        String t = MrFixture.table("Add");
        String columns = "(id INTEGER, v STRING, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id))";
        mr.ddl("FR", "CREATE TABLE " + t + columns + " IN REGIONS FR");
        for (int i = 0; i < rows; i++) {
            mr.sql("FR", "INSERT INTO " + t + " VALUES(" + i + ", \"v\", DEFAULT)");
        }
        mr.sql("FR", "INSERT INTO " + t + " VALUES(-1, \"counted\", DEFAULT)");
        mr.sql("FR", "UPDATE " + t + " SET cnt = cnt + 7 WHERE id = -1");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(-2, \"deleted\", DEFAULT)");
        mr.sql("FR", "DELETE FROM " + t + " WHERE id = -2");
        mr.ddl("FR", "ALTER TABLE " + t + " ADD REGIONS CO");
        mr.ddl("CO", "CREATE TABLE " + t + columns + " IN REGIONS CO, FR");
        assertThat(JSON.readTree(mr.schema("FR", t)).path("regions").size()).isEqualTo(2);
        mr.sql("CO", "INSERT INTO " + t + " VALUES(1000, \"from CO\", DEFAULT)");
        assertThat(mr.converge(t, "id").rows()).as("the rows, the counted row and CO's row; not the deleted row")
            .hasSize(rows + 2);
        assertThat(mr.get("CO", t, new MapValue().put("id", -1)).getValue().getInt("cnt")).as("counter copied to CO")
            .isEqualTo(7);
    }

    @ParameterizedTest(name = "ALTER TABLE DROP REGIONS in {0}")
    @ValueSource(strings = {"FR", "CO"})
    void dropRegionsRemovesTheRemoteRegionFromTheSchema(String region) throws Exception {
        // MR-SEMANTICS.md "Adding a region to an existing MR table": ALTER TABLE … DROP REGIONS.
        String t = MrFixture.table("Drop");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        String other = region.equals("FR") ? "CO" : "FR";
        mr.ddl(region, "ALTER TABLE " + t + " DROP REGIONS " + other);
        assertThat(JSON.readTree(mr.schema(region, t)).path("regions").size()).as("regions after DROP").isEqualTo(1);
    }

    @Test
    void aTableDroppedAndCreatedAgainInOneRegionGetsTheOtherRegionsRowsEveryTime() throws Exception {
        // MR-BUG-CATALOGUE.md M13 (KVSTORE-1535): the new incarnation is initialised from the other region.
        String t = MrFixture.table("Again");
        String columns = "(id INTEGER, v STRING, PRIMARY KEY(id))";
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        for (int i = 0; i < 20; i++) {
            mr.sql("FR", "INSERT INTO " + t + " VALUES(" + i + ", \"from FR\")");
        }
        mr.converge(t, "id");
        for (int round = 1; round <= 2; round++) {
            mr.ddl("CO", "DROP TABLE " + t);
            mr.ddl("CO", "CREATE TABLE " + t + columns + " IN REGIONS CO, FR");
            mr.sql("CO", "INSERT INTO " + t + " VALUES(" + (1000 * round) + ", \"from CO\")");
            mr.sql("FR", "INSERT INTO " + t + " VALUES(" + (1000 * round + 1) + ", \"from FR\")");
            assertThat(mr.converge(t, "id").rows()).as("FR's rows, copied into CO's new table, and both new rows")
                .hasSize(20 + 2 * round);
        }
    }

    @Test
    void afterDropRegionsWritesStayInTheirRegionAndAddRegionsCopiesThemAcross() throws Exception {
        // MR-BUG-CATALOGUE.md M20 (KVSTORE-1374): the region set and the replication must agree.
        String t = mr.streamingTable("Apart");
        String marker = mr.streamingTable("Marker");
        mr.ddl("FR", "ALTER TABLE " + t + " DROP REGIONS CO");
        mr.ddl("CO", "ALTER TABLE " + t + " DROP REGIONS FR");
        mr.sql("FR", "UPSERT INTO " + t + " VALUES(2, \"FR alone\")");
        mr.sql("CO", "UPSERT INTO " + t + " VALUES(3, \"CO alone\")");
        // the marker table still replicates: once its rows are across, the writes made before them would be too
        mr.sql("FR", "UPSERT INTO " + marker + " VALUES(2, \"after\")");
        mr.sql("CO", "UPSERT INTO " + marker + " VALUES(3, \"after\")");
        mr.converge(marker, "id");
        assertThat((Object) mr.get("CO", t, new MapValue().put("id", 2)).getValue()).as("FR's row in CO after DROP REGIONS").isNull();
        assertThat((Object) mr.get("FR", t, new MapValue().put("id", 3)).getValue()).as("CO's row in FR after DROP REGIONS").isNull();

        mr.ddl("FR", "ALTER TABLE " + t + " ADD REGIONS CO");
        mr.ddl("CO", "ALTER TABLE " + t + " ADD REGIONS FR");
        assertThat(mr.converge(t, "id").rows()).as("the seed and each region's row, copied across by ADD REGIONS")
            .hasSize(3);
    }

    // ---------------------------------------------------------------------------- errors

    /**
     * A bad MR DDL or DML, what the SDK must throw, and a fragment of its message that names the
     * problem. {@code wordsToConfirm}: the words come from the engine's public source, not from a
     * real deployment or the documentation, so only the reference is held to them (the exception
     * type is checked everywhere).
     */
    record BadStatement(String name, Consumer<Ctx> run, Class<? extends Throwable> type, String message,
                        boolean wordsToConfirm) {
        BadStatement(String name, Consumer<Ctx> run, Class<? extends Throwable> type, String message) {
            this(name, run, type, message, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** What a bad statement needs: the fixture, the region it runs in and a fresh MR table name. */
    record Ctx(MrFixture mr, String region, String table) {
        String other() {
            return region.equals("FR") ? "CO" : "FR";
        }

        void counterTable() {
            mr.createMrTable(table, "id INTEGER, cnt INTEGER AS MR_COUNTER, doc JSON(hits AS INTEGER MR_COUNTER), "
                + "PRIMARY KEY(id)");
            mr.sql(region, "INSERT INTO " + table + " VALUES(1, DEFAULT, {\"hits\": 0})");
        }
    }

    static List<BadStatement> badStatements() {
        List<BadStatement> out = new ArrayList<>();
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        out.add(new BadStatement("unknown region in IN REGIONS", c -> c.mr().ddl(c.region(), "CREATE TABLE " + c.table()
            + "(id INTEGER, PRIMARY KEY(id)) IN REGIONS " + c.region() + ", NOWHERE"), iae, "Unknown region: NOWHERE"));
        out.add(new BadStatement("counter of type DOUBLE", c -> c.mr().ddl(c.region(), "CREATE TABLE " + c.table()
            + "(id INTEGER, cnt DOUBLE AS MR_COUNTER, PRIMARY KEY(id)) IN REGIONS FR, CO"), iae,
            "Cannot create a def with CRDT for type: DOUBLE"));
        out.add(new BadStatement("counter in a non-MR table", c -> c.mr().ddl(c.region(), "CREATE TABLE " + c.table()
            + "(id INTEGER, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id))"), iae, "MR_counters are not allowed in the table"));
        out.add(new BadStatement("JSON counter in a non-MR table", c -> c.mr().ddl(c.region(), "CREATE TABLE " + c.table()
            + "(id INTEGER, doc JSON(hits AS INTEGER MR_COUNTER), PRIMARY KEY(id))"), iae, "MR_counters are not allowed"));
        out.add(new BadStatement("counter as a primary key column", c -> c.mr().ddl(c.region(), "CREATE TABLE " + c.table()
            + "(cnt INTEGER AS MR_COUNTER, PRIMARY KEY(cnt)) IN REGIONS FR, CO"), iae,
            "Error found when creating the table: An MR_Counter column cannot be a primary key."));
        out.add(new BadStatement("counter with a non-DEFAULT insert", c -> {
            c.mr().createMrTable(c.table(), "id INTEGER, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)");
            c.mr().sql(c.region(), "INSERT INTO " + c.table() + " VALUES(1, 5)");
        }, iae, "MR_Counter column must use DEFAULT construct."));
        out.add(new BadStatement("JSON counter path missing on insert", c -> {
            c.mr().createMrTable(c.table(), "id INTEGER, doc JSON(hits AS INTEGER MR_COUNTER), PRIMARY KEY(id)");
            c.mr().sql(c.region(), "INSERT INTO " + c.table() + " VALUES(1, {\"other\": 1})");
        }, iae, "MR_COUNTER path doc.hits does not exist"));
        out.add(new BadStatement("merge patch (PUT) on a JSON counter", c -> {
            c.counterTable();
            c.mr().sql(c.region(), "UPDATE " + c.table() + " u PUT u.doc {\"hits\": 5} WHERE id = 1");
        }, iae, "Only MR_Counter value is allowed for JSON MR_Counter fields. Field: hits"));
        out.add(new BadStatement("SET of a counter to a value", c -> {
            c.counterTable();
            c.mr().sql(c.region(), "UPDATE " + c.table() + " SET cnt = 5 WHERE id = 1");
        }, iae, "Path cnt is an MR counter, which can only be incremented or decremented. Use an expression of the"
            + " form \"$ + <expr>\" or \"$ - <expr>\" at the right of the SET clause."));
        out.add(new BadStatement("SET of a counter to a product", c -> {
            c.counterTable();
            c.mr().sql(c.region(), "UPDATE " + c.table() + " SET cnt = cnt * 2 WHERE id = 1");
        }, iae, "Path cnt is an MR counter, which can only be incremented or decremented.", true));
        out.add(new BadStatement("JSON counter merge patch", c -> {
            c.counterTable();
            c.mr().sql(c.region(), "UPDATE " + c.table() + " u JSON MERGE u.doc WITH PATCH {\"hits\": 5} WHERE id = 1");
        }, iae, "Cannot update MRCounter via json merge patch", true));
        out.add(new BadStatement("child table with IN REGIONS", c -> {
            c.mr().createMrTable(c.table(), "id INTEGER, PRIMARY KEY(id)");
            c.mr().ddl(c.region(), "CREATE TABLE " + c.table() + ".kid(k INTEGER, PRIMARY KEY(k)) IN REGIONS " + c.region());
        }, iae, "Error found when creating the table: Cannot set regions for child tables."));
        out.add(new BadStatement("ADD REGIONS to a table that is not multi-region", c -> {
            c.mr().ddl(c.region(), "CREATE TABLE " + c.table() + "(id INTEGER, PRIMARY KEY(id))");
            c.mr().ddl(c.region(), "ALTER TABLE " + c.table() + " ADD REGIONS " + c.other());
        }, iae, "Table is not a multi-region table"));
        out.add(new BadStatement("ADD REGIONS of an unknown region", c -> {
            c.mr().createMrTable(c.table(), "id INTEGER, PRIMARY KEY(id)");
            c.mr().ddl(c.region(), "ALTER TABLE " + c.table() + " ADD REGIONS NOWHERE");
        }, iae, "Unknown region: NOWHERE"));
        out.add(new BadStatement("DROP REGIONS of the local region", c -> {
            c.mr().createMrTable(c.table(), "id INTEGER, PRIMARY KEY(id)");
            c.mr().ddl(c.region(), "ALTER TABLE " + c.table() + " DROP REGIONS " + c.region());
        }, iae, "Cannot drop the local region: "));
        return out;
    }

    static Stream<Arguments> badStatementsInEachRegion() {
        return badStatements().stream().flatMap(b -> Stream.of(Arguments.of(b, "FR"), Arguments.of(b, "CO")));
    }

    @ParameterizedTest(name = "{0}, in {1}: rejected with a message naming the problem")
    @MethodSource("badStatementsInEachRegion")
    void badMrStatementsAreRejectedWithTheProblemNamed(BadStatement bad, String region) {
        // MR-SEMANTICS.md "MR_COUNTER" and "Seen on a real deployment": error messages (IllegalArgumentException in the SDK).
        Ctx ctx = new Ctx(mr, region, MrFixture.table("Bad"));
        var thrown = assertThatThrownBy(() -> bad.run().accept(ctx)).isInstanceOf(bad.type());
        if (!bad.wordsToConfirm() || EngineUnderTest.isReference()) {
            thrown.hasMessageContaining(bad.message());
        }
    }

    @ParameterizedTest(name = "an SDK put carrying counter values in {0} succeeds and every region reads 0")
    @ValueSource(strings = {"FR", "CO"})
    void anSdkPutCarryingCounterValuesStoresZero(String writer) {
        // MR-SEMANTICS.md "second look": a put whose row carries counter values succeeds and stores 0
        // (the values are ignored without an error) - an import that simply puts rows loses counters.
        String t = MrFixture.table("PutCnt");
        mr.createMrTable(t, "id INTEGER, cnt INTEGER AS MR_COUNTER, doc JSON(hits AS LONG MR_COUNTER), "
            + "PRIMARY KEY(id)");
        mr.put(writer, t, new MapValue().put("id", 1).put("cnt", 5)
            .put("doc", new MapValue().put("hits", 7).put("note", "kept")), null);
        mr.converge(t, "id");
        for (String r : mr.regionNames()) {
            MapValue row = mr.get(r, t, new MapValue().put("id", 1)).getValue();
            assertThat(row.getInt("cnt")).as("MR_COUNTER column in %s: %s", r, row).isZero();
            assertThat(row.get("doc").asMap().getLong("hits")).as("JSON counter in %s: %s", r, row).isZero();
            assertThat(row.get("doc").asMap().getString("note")).as("the rest of the document in %s", r)
                .isEqualTo("kept");
        }
    }

    @ParameterizedTest(name = "a string of digits put into an INTEGER column in {0} is stored as that number everywhere")
    @ValueSource(strings = {"FR", "CO"})
    void aStringOfDigitsIsCoercedIntoAnIntegerColumn(String writer) {
        // MR-SEMANTICS.md "second look": the string "7" is accepted into an INTEGER column.
        String t = MrFixture.table("Coerce");
        mr.createMrTable(t, "id INTEGER, n INTEGER, PRIMARY KEY(id)");
        mr.put(writer, t, new MapValue().put("id", 1).put("n", "7"), null);
        mr.converge(t, "id");
        for (String r : mr.regionNames()) {
            MapValue row = mr.get(r, t, new MapValue().put("id", 1)).getValue();
            assertThat(row.get("n").getType()).as("type of n in %s: %s", r, row)
                .isEqualTo(oracle.nosql.driver.values.FieldValue.Type.INTEGER);
            assertThat(row.getInt("n")).as("n in %s", r).isEqualTo(7);
        }
    }

    @ParameterizedTest(name = "a put of {1} into an INTEGER column is refused with \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "long    | 2147483648 | PUT: Illegal Argument: Int overflow: 2147483648",
        "double  | 2.5        | PUT: Illegal Argument: Converting double to int loses information: 2.5"})
    void aValueThatDoesNotFitIsRefusedNamingTheOperation(String kind, String value, String message) {
        // MR-SEMANTICS.md "second look": messages through the SDK name the operation.
        String t = MrFixture.table("Fit");
        mr.createMrTable(t, "id INTEGER, n INTEGER, PRIMARY KEY(id)");
        MapValue row = new MapValue().put("id", 1);
        if (kind.equals("long")) {
            row.put("n", Long.parseLong(value));
        } else {
            row.put("n", Double.parseDouble(value));
        }
        for (String r : mr.regionNames()) {
            assertThatThrownBy(() -> mr.put(r, t, row, null)).as("put in %s", r)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
            assertThat((Object) mr.get(r, t, new MapValue().put("id", 1)).getValue()).as("nothing written in %s", r).isNull();
        }
    }

    @ParameterizedTest(name = "counter inserted with DEFAULT in {0} reads 0 in every region")
    @ValueSource(strings = {"FR", "CO"})
    void aCounterReadsZeroAfterInsertEverywhere(String writer) {
        // MR-SEMANTICS.md "MR_COUNTER": counters are inserted with DEFAULT, "default" : 0.
        String t = MrFixture.table("Zero");
        mr.createMrTable(t, "id INTEGER, cnt LONG AS MR_COUNTER, PRIMARY KEY(id)");
        mr.sql(writer, "INSERT INTO " + t + " VALUES(1, DEFAULT)");
        mr.converge(t, "id");
        for (String r : mr.regionNames()) {
            assertThat(mr.get(r, t, new MapValue().put("id", 1)).getValue().getLong("cnt")).as("counter in %s", r).isZero();
        }
    }
}
