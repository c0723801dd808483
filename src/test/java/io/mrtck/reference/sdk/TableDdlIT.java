package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import oracle.nosql.driver.IndexExistsException;
import oracle.nosql.driver.IndexNotFoundException;
import oracle.nosql.driver.TableExistsException;
import oracle.nosql.driver.ResourceExistsException;
import oracle.nosql.driver.ResourceNotFoundException;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.GetIndexesRequest;
import oracle.nosql.driver.ops.GetIndexesResult;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.ops.ListTablesRequest;
import oracle.nosql.driver.ops.ListTablesResult;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.TableResult;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/** Table and index DDL through TableRequest, and what getTable/getIndexes/listTables then show. */
@ExtendWith(ReferenceRegionExtension.class)
class TableDdlIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema(TableResult r) throws Exception {
        assertThat(r.getSchema()).as("schema JSON of %s", r.getTableName()).isNotNull();
        return JSON.readTree(r.getSchema());
    }

    private static JsonNode schemaOf(RegionUnderTest region, String table) throws Exception {
        return schema(region.handle().getTable(new GetTableRequest().setTableName(table)));
    }

    private static Map<String, JsonNode> fieldsByName(JsonNode schema) {
        return StreamSupport.stream(schema.get("fields").spliterator(), false)
            .collect(Collectors.toMap(f -> f.get("name").asText(), f -> f, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void createTableWithEveryTypeShowsEachFieldKeyAndTtlInTheSchema(RegionUnderTest region) throws Exception {
        TableResult created = region.ddl("CREATE TABLE AllTypes("
            + "a INTEGER, b LONG, i INTEGER DEFAULT 5 NOT NULL, l LONG, f FLOAT, d DOUBLE, n NUMBER,"
            + " s STRING DEFAULT 'none', bo BOOLEAN, bi BINARY, ts TIMESTAMP(3), j JSON,"
            + " arr ARRAY(INTEGER), m MAP(STRING), rec RECORD(x INTEGER, y STRING),"
            + " PRIMARY KEY(SHARD(a), b)) USING TTL 5 HOURS");

        assertThat(created.getTableState()).isEqualTo(TableResult.State.ACTIVE);
        assertThat(created.getTableName()).isEqualTo("AllTypes");
        JsonNode s = schema(created);
        assertThat(s.get("name").asText()).isEqualTo("AllTypes");
        assertThat(s.get("ttl").asText()).isEqualTo("5 HOURS");
        assertThat(texts(s.get("shardKey"))).containsExactly("a");
        assertThat(texts(s.get("primaryKey"))).containsExactly("a", "b");
        Map<String, JsonNode> f = fieldsByName(s);
        assertThat(f.keySet()).containsExactly("a", "b", "i", "l", "f", "d", "n", "s", "bo", "bi", "ts", "j",
            "arr", "m", "rec");
        Map<String, String> types = f.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("type").asText()));
        assertThat(types).containsAllEntriesOf(Map.ofEntries(Map.entry("a", "INTEGER"), Map.entry("b", "LONG"),
            Map.entry("f", "FLOAT"), Map.entry("d", "DOUBLE"), Map.entry("n", "NUMBER"), Map.entry("s", "STRING"),
            Map.entry("bo", "BOOLEAN"), Map.entry("bi", "BINARY"), Map.entry("ts", "TIMESTAMP"),
            Map.entry("j", "JSON"), Map.entry("arr", "ARRAY"), Map.entry("m", "MAP"), Map.entry("rec", "RECORD")));
        assertThat(s.get("json_version").asInt()).isEqualTo(2);
        assertThat(s.get("id").isTextual()).as("the table id, a string").isTrue();
        assertThat(f.get("ts").get("precision").asInt()).isEqualTo(3);
        assertThat(f.get("arr").get("collection").get("type").asText()).isEqualTo("INTEGER");
        assertThat(f.get("m").get("collection").get("type").asText()).isEqualTo("STRING");
        List<String> recordFields = new ArrayList<>();
        f.get("rec").get("fields").forEach(x -> recordFields.add(x.get("name").asText()));
        assertThat(recordFields).containsExactly("x", "y");
        assertThat(f.get("i").get("nullable").asBoolean()).as("NOT NULL column i").isFalse();
        assertThat(f.get("i").get("default").asInt()).isEqualTo(5);
        assertThat(f.get("s").get("default").asText()).isEqualTo("none");
        assertThat(f.get("l").get("nullable").asBoolean()).isTrue();
        assertThat(f.get("a").get("nullable").asBoolean()).as("key column a").isFalse();
    }

    @Test
    void createIfNotExistsLeavesTheExistingTableAndPlainCreateFails(RegionUnderTest region) throws Exception {
        region.ddl("CREATE TABLE Once(id INTEGER, v STRING, PRIMARY KEY(id))");
        TableResult again = region.ddl("CREATE TABLE IF NOT EXISTS Once(id INTEGER, other LONG, PRIMARY KEY(id))");
        assertThat(fieldsByName(schema(again)).keySet()).as("the first definition stays").containsExactly("id", "v");
        assertThatThrownBy(() -> region.ddl("CREATE TABLE Once(id INTEGER, PRIMARY KEY(id))"))
            .isInstanceOf(TableExistsException.class).hasMessageContaining("Once");
        assertThatThrownBy(() -> region.ddl("create table ONCE(id INTEGER, PRIMARY KEY(id))"))
            .as("table names compare case-insensitively").isInstanceOf(TableExistsException.class);
    }

    @Test
    void dropTableRemovesItAndDropIfExistsToleratesAMissingTable(RegionUnderTest region) {
        region.ddl("CREATE TABLE Dropped(id INTEGER, PRIMARY KEY(id))");
        region.handle().put(new PutRequest().setTableName("Dropped").setValue(new MapValue().put("id", 1)));
        TableResult dropped = region.ddl("DROP TABLE Dropped");
        assertThat(dropped.getTableState()).isEqualTo(TableResult.State.DROPPED);
        assertThatThrownBy(() -> region.handle().getTable(new GetTableRequest().setTableName("Dropped")))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Dropped");
        assertThatThrownBy(() -> region.ddl("DROP TABLE Dropped"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Dropped");
        region.ddl("DROP TABLE IF EXISTS Dropped");
        region.ddl("CREATE TABLE Dropped(id INTEGER, PRIMARY KEY(id))");
        assertThat(region.query("SELECT * FROM Dropped")).as("a re-created table starts empty").isEmpty();
    }

    @Test
    void addedColumnShowsItsDefaultOrNullInOldRowsAndDroppedColumnDisappears(RegionUnderTest region)
        throws Exception {
        region.ddl("CREATE TABLE Altered(id INTEGER, gone STRING, PRIMARY KEY(id))");
        region.handle().put(new PutRequest().setTableName("Altered")
            .setValue(new MapValue().put("id", 1).put("gone", "x")));

        region.ddl("ALTER TABLE Altered (ADD withDefault INTEGER DEFAULT 7, ADD plain STRING)");
        region.ddl("ALTER TABLE Altered (DROP gone)");

        assertThat(fieldsByName(schemaOf(region, "Altered")).keySet()).containsExactly("id", "withDefault", "plain");
        GetResult got = region.handle().get(new GetRequest().setTableName("Altered")
            .setKey(new MapValue().put("id", 1)));
        assertThat(got.getValue().toJson()).isEqualTo("{\"id\":1,\"withDefault\":7,\"plain\":null}");
        assertThat(region.query("SELECT * FROM Altered")).extracting(MapValue::toJson)
            .containsExactly("{\"id\":1,\"withDefault\":7,\"plain\":null}");
        assertThat(region.query("SELECT id FROM Altered WHERE plain IS NULL AND withDefault = 7")).hasSize(1);
    }

    @Test
    void alterTableUsingTtlChangesTheTableDefault(RegionUnderTest region) throws Exception {
        region.ddl("CREATE TABLE TtlAltered(id INTEGER, PRIMARY KEY(id)) USING TTL 3 DAYS");
        assertThat(schemaOf(region, "TtlAltered").get("ttl").asText()).isEqualTo("3 DAYS");
        region.ddl("ALTER TABLE TtlAltered USING TTL 12 HOURS");
        assertThat(schemaOf(region, "TtlAltered").get("ttl").asText()).isEqualTo("12 HOURS");
    }

    @Test
    void indexesOnAColumnAndOnAJsonPathAreListedAndDropped(RegionUnderTest region) {
        region.ddl("CREATE TABLE Indexed(id INTEGER, name STRING, doc JSON, PRIMARY KEY(id))");
        region.ddl("CREATE INDEX byName ON Indexed(name)");
        region.ddl("CREATE INDEX byCity ON Indexed(doc.address.city AS STRING)");

        GetIndexesResult all = region.handle().getIndexes(new GetIndexesRequest().setTableName("Indexed"));
        Map<String, String> paths = java.util.Arrays.stream(all.getIndexes())
            .collect(Collectors.toMap(GetIndexesResult.IndexInfo::getIndexName, i -> String.join(",", i.getFieldNames())));
        assertThat(paths).containsOnly(Map.entry("byName", "name"), Map.entry("byCity", "doc.address.city"));
        GetIndexesResult.IndexInfo byCity = region.handle().getIndexes(
            new GetIndexesRequest().setTableName("Indexed").setIndexName("byCity")).getIndexes()[0];
        assertThat(byCity.getFieldTypes()).containsExactly("STRING");

        assertThatThrownBy(() -> region.ddl("CREATE INDEX byName ON Indexed(doc.x AS STRING)"))
            .isInstanceOf(IndexExistsException.class).hasMessageContaining("byName");
        region.ddl("CREATE INDEX IF NOT EXISTS byName ON Indexed(name)");

        region.ddl("DROP INDEX byName ON Indexed");
        assertThat(region.handle().getIndexes(new GetIndexesRequest().setTableName("Indexed")).getIndexes())
            .extracting(GetIndexesResult.IndexInfo::getIndexName).containsExactly("byCity");
        assertThatThrownBy(() -> region.ddl("DROP INDEX byName ON Indexed"))
            .isInstanceOf(IndexNotFoundException.class).hasMessageContaining("byName");
        region.ddl("DROP INDEX IF EXISTS byName ON Indexed");
        assertThatThrownBy(() -> region.handle().getIndexes(
                new GetIndexesRequest().setTableName("Indexed").setIndexName("byName")))
            .isInstanceOf(IndexNotFoundException.class).hasMessageContaining("byName");
    }

    @Test
    void listTablesPagesWithStartIndexAndLimit(RegionUnderTest region) {
        for (String t : List.of("LtA", "LtB", "LtC", "LtD")) {
            region.ddl("CREATE TABLE " + t + "(id INTEGER, PRIMARY KEY(id))");
        }
        List<String> everything = List.of(region.handle().listTables(new ListTablesRequest()).getTables());
        assertThat(everything).contains("LtA", "LtB", "LtC", "LtD");

        List<String> paged = new ArrayList<>();
        int start = 0;
        for (int round = 0; round < everything.size() + 1; round++) {
            ListTablesResult page = region.handle().listTables(
                new ListTablesRequest().setStartIndex(start).setLimit(2));
            assertThat(page.getTables().length).as("page size with limit 2").isLessThanOrEqualTo(2);
            if (page.getTables().length == 0) {
                break;
            }
            paged.addAll(List.of(page.getTables()));
            start = page.getLastReturnedIndex();
        }
        assertThat(paged).as("all pages of 2 together").containsExactlyElementsOf(everything);
    }

    @Test
    void childTableSharesItsParentsKeyAndIsListed(RegionUnderTest region) throws Exception {
        region.ddl("CREATE TABLE Parent(pid INTEGER, name STRING, PRIMARY KEY(pid))");
        TableResult child = region.ddl("CREATE TABLE Parent.Child(cid INTEGER, note STRING, PRIMARY KEY(cid))");
        assertThat(child.getTableName()).isEqualTo("Parent.Child");
        JsonNode s = schema(child);
        assertThat(s.get("parent").asText()).isEqualTo("Parent");
        assertThat(fieldsByName(s).keySet()).as("a child's fields start with its parent's key")
            .containsExactly("pid", "cid", "note");
        assertThat(texts(s.get("primaryKey"))).containsExactly("pid", "cid");
        assertThat(texts(s.get("shardKey"))).as("a child shards by its parent's shard key").containsExactly("pid");

        region.handle().put(new PutRequest().setTableName("Parent.Child")
            .setValue(new MapValue().put("pid", 1).put("cid", 2).put("note", "n")));
        GetResult got = region.handle().get(new GetRequest().setTableName("Parent.Child")
            .setKey(new MapValue().put("pid", 1).put("cid", 2)));
        assertThat((Object) got.getValue()).as("child row by parent+child key").isNotNull();
        assertThat(got.getValue().getString("note")).isEqualTo("n");
        assertThat(List.of(region.handle().listTables(new ListTablesRequest()).getTables())).contains("Parent.Child");
        assertThatThrownBy(() -> region.ddl("CREATE TABLE NoSuch.Child(cid INTEGER, PRIMARY KEY(cid))"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("NoSuch");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CREATE TABLE Bad(id INTEGER)                                 | primary key",
        "CREATE TABLE Bad(id WIDGET, PRIMARY KEY(id))                 | WIDGET",
        "CREATE TABLE Bad(id INTEGER, PRIMARY KEY(id)) USING TTL 5 WEEKS | WEEKS",
        "CREATE TABEL Bad(id INTEGER, PRIMARY KEY(id))                | TABEL",
        "ALTER TABLE AllTypesMissing (ADD x INTEGER)                  | AllTypesMissing",
    })
    void malformedDdlIsAnIllegalArgumentNamingTheProblem(String ddl, String named, RegionUnderTest region) {
        Class<? extends Exception> expected = ddl.startsWith("ALTER") ? TableNotFoundException.class
            : IllegalArgumentException.class;
        assertThatThrownBy(() -> region.ddl(ddl)).as(ddl)
            .isInstanceOf(expected).message().containsIgnoringCase(named);
    }

    @Test
    void defaultsFillColumnsLeftOutOfAPut(RegionUnderTest region) {
        region.ddl("CREATE TABLE Defaults(id INTEGER, s STRING DEFAULT 'dflt' NOT NULL, n INTEGER DEFAULT 3,"
            + " PRIMARY KEY(id))");
        region.handle().put(new PutRequest().setTableName("Defaults").setValue(new MapValue().put("id", 1)));
        FieldValue v = region.handle().get(new GetRequest().setTableName("Defaults")
            .setKey(new MapValue().put("id", 1))).getValue();
        assertThat(v.toJson()).isEqualTo("{\"id\":1,\"s\":\"dflt\",\"n\":3}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ALTER TABLE Base (ADD v STRING)                        | v",
        "ALTER TABLE Base (DROP id)                             | id",
        "CREATE INDEX bad ON Base(nosuch)                       | nosuch",
        "DROP TABLE Base                                        | still referenced by child tables",
        "CREATE TABLE BadTs(a INTEGER, t TIMESTAMP(10), PRIMARY KEY(a)) | 10",
        "CREATE TABLE BadKey(a JSON, PRIMARY KEY(a))            | a",
    })
    void invalidChangesToTablesAreIllegalArguments(String ddl, String named, RegionUnderTest region) {
        region.ddl("CREATE TABLE IF NOT EXISTS Base(id INTEGER, v STRING, PRIMARY KEY(id))");
        region.ddl("CREATE TABLE IF NOT EXISTS Base.Sub(sid INTEGER, PRIMARY KEY(sid))");
        assertThatThrownBy(() -> region.ddl(ddl)).as(ddl)
            .isInstanceOf(IllegalArgumentException.class).message().containsIgnoringCase(named);
        assertThat(List.of(region.handle().listTables(new ListTablesRequest()).getTables()))
            .contains("Base", "Base.Sub");
    }

    @Test
    void aColumnTwiceIsResourceExistsAndAMissingOneResourceNotFound(RegionUnderTest region) {
        // the real engine's exception types and words
        assertThatThrownBy(() -> region.ddl("CREATE TABLE Bad(id INTEGER, id STRING, PRIMARY KEY(id))"))
            .isInstanceOf(ResourceExistsException.class).hasMessageContaining("Column already exists: id");
        region.ddl("CREATE TABLE IF NOT EXISTS Base(id INTEGER, v STRING, PRIMARY KEY(id))");
        assertThatThrownBy(() -> region.ddl("CREATE TABLE Bad(id INTEGER, PRIMARY KEY(nope))"))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Field does not exist: nope");
        assertThatThrownBy(() -> region.ddl("ALTER TABLE Base (DROP nosuch)"))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Error: at (1, 23) Field does not exist: nosuch");
    }

    @Test
    void ddlOnAMissingTableIsTableNotFound(RegionUnderTest region) {
        assertThatThrownBy(() -> region.ddl("CREATE INDEX i ON Ghost(x)"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Ghost");
        assertThatThrownBy(() -> region.handle().getIndexes(new GetIndexesRequest().setTableName("Ghost")))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Ghost");
        assertThatThrownBy(() -> region.ddl("ALTER TABLE Ghost USING TTL 1 DAYS"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Ghost");
    }

    @Test
    void aTableRequestTakesOnlyTableAndIndexDdl(RegionUnderTest region) {
        assertThatThrownBy(() -> region.ddl("CREATE NAMESPACE ViaTableRequest"))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("Unsupported query operation CREATE_NAMESPACE");
        assertThatThrownBy(() -> region.ddl("SELECT * FROM AllTypes"))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("Unsupported query operation SELECT");
        assertThat(List.of(region.handle().listNamespaces())).doesNotContain("ViaTableRequest");
        region.system("CREATE TABLE ViaSystem(id INTEGER, PRIMARY KEY(id))");
        assertThat(List.of(region.handle().listTables(new ListTablesRequest()).getTables())).contains("ViaSystem");
    }
}
