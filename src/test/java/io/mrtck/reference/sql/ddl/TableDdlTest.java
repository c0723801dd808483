package io.mrtck.reference.sql.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.Limits;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.data.WriteOutcome;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlEngine;
import io.mrtck.reference.store.RegionStore;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.MapValue;

/** Table DDL as a real 25.3 store answered it: what it accepts, and its refusals in its words. */
class TableDdlTest {
    @TempDir
    Path dir;
    RegionStore store;
    Rows rows;
    SqlEngine sql;

    @BeforeEach
    void open() {
        store = RegionStore.open(dir);
        rows = new Rows(store, Clock.systemUTC(), Limits.defaults());
        sql = new SqlEngine(store, rows, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private RequestException refused(String ddl) {
        return catchThrowableOfType(RequestException.class, () -> sql.executeTableDdl(ddl));
    }

    private void assertRefused(String ddl, ErrorCode code, String message) {
        RequestException e = refused(ddl);
        assertThat(e.getMessage()).as(ddl).isEqualTo(message);
        assertThat(e.code()).as(ddl).isEqualTo(code);
    }

    @Test
    void createTableRefusalsInTheRealWords() {
        assertRefused("CREATE TABLE e_x(id INTEGER, v INTEGER, V STRING, PRIMARY KEY(id))",
            ErrorCode.RESOURCE_EXISTS, "Column already exists: V");
        assertRefused("CREATE TABLE e_x(id INTEGER, v INTEGER, PRIMARY KEY(id, id))",
            ErrorCode.RESOURCE_EXISTS, "Error: at (1, 40) The primary key field already exists: id");
        assertRefused("CREATE TABLE e_x(k MAP(INTEGER), v INTEGER, PRIMARY KEY(k))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: Error found when creating the table: Field type cannot be part of a primary key: MAP, field name: k");
        assertRefused("CREATE TABLE e_x(id INTEGER, v ENUM(a,b) DEFAULT c, PRIMARY KEY(id))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: at (1, 41) Invalid enumeration value 'c', must be in values: [a, b]");
        assertRefused("CREATE TABLE e_x(id INTEGER, e ENUM(a, b, a), PRIMARY KEY(id))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: at (1, 31) Invalid ENUM type 'ENUM(a,b,a)': Duplicated enumeration value: a");
        assertRefused("CREATE TABLE e_x(id INTEGER, v JSON DEFAULT 1, PRIMARY KEY(id))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: at (1, 36) Fields of type: JSON cannot have default values");
        assertRefused("CREATE TABLE e_" + "x".repeat(300) + "(id INTEGER, PRIMARY KEY(id))", ErrorCode.ILLEGAL_ARGUMENT,
            "Illegal name: e_" + "x".repeat(300) + ". Table names must be less than or equal to 256 characters.");
        assertRefused("CREATE TABLE e_x(id INTEGER, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id))",
            ErrorCode.ILLEGAL_ARGUMENT, "Error: Error found when creating the table: MR_counters are not allowed in the table");
        assertRefused("CREATE TABLE e_x(id INTEGER, cnt DOUBLE AS MR_COUNTER, PRIMARY KEY(id))",
            ErrorCode.ILLEGAL_ARGUMENT, "Cannot create a def with CRDT for type: DOUBLE");
        assertRefused("CREATE TABLE e_x(id INTEGER DEFAULT 1, PRIMARY KEY(id))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: Error found when creating the table: Primary key fields can not have default values");
        assertRefused("CREATE TABLE e_x(id INTEGER, v INTEGER NOT NULL, PRIMARY KEY(id))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: Error found when creating the table: Not nullable field v must have a default value");
        assertRefused("CREATE TABLE e_x(id INTEGER, PRIMARY KEY(nope))", ErrorCode.RESOURCE_NOT_FOUND,
            "Error: Error found when creating the table: Field does not exist: nope");
    }

    @Test
    void keysTheirSizesAndChildren() {
        TableSchema t = sql.executeTableDdl("CREATE TABLE p(id INTEGER, v STRING, PRIMARY KEY(id(3)))").schema();
        assertThat(t.primaryKeySizes()).containsExactly(3);
        assertThat(sql.executeTableDdl("CREATE TABLE p5(id INTEGER, PRIMARY KEY(id(5)))").schema().primaryKeySizes())
            .as("5 bytes hold any integer: no size kept").isEmpty();
        assertRefused("CREATE TABLE ps(id STRING, PRIMARY KEY(id(3)))", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: Error found when creating the table: primaryKeySize() requires an INTEGER field type: id");
        assertRefused("CREATE TABLE p.c(id INTEGER, PRIMARY KEY(id))", ErrorCode.RESOURCE_EXISTS,
            "Error: at (1, 29) The primary key field already exists: id");
        TableSchema child = sql.executeTableDdl("CREATE TABLE p.c(cid INTEGER, PRIMARY KEY(cid))").schema();
        assertThat(child.primaryKey()).containsExactly("id", "cid");
        assertRefused("DROP TABLE p", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: User error in query: DROP TABLE failed for table p: Cannot remove table p, it is still referenced by child tables");
        assertRefused("DROP TABLE nosuch", ErrorCode.TABLE_NOT_FOUND,
            "Error: User error in query: DROP TABLE failed for table nosuch: Table does not exist: nosuch");
    }

    @Test
    void alterKeepsTheColumnsOfEarlierVersions() {
        sql.executeTableDdl("CREATE TABLE ad(id INTEGER, v STRING, w INTEGER, PRIMARY KEY(id))");
        sql.executeTableDdl("ALTER TABLE ad (DROP w)");
        assertRefused("ALTER TABLE ad (ADD w STRING)", ErrorCode.ILLEGAL_ARGUMENT, "Error: at (1, 20) Cannot add field, w. "
            + "A version of the table contains this name and the types do not match, is: STRING, was: INTEGER");
        assertThat(sql.executeTableDdl("ALTER TABLE ad (ADD w INTEGER)").schema().field("w")).isPresent();
        assertRefused("ALTER TABLE ad (ADD v INTEGER)", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: at (1, 20) Cannot add field, v, it already exists");
        assertRefused("ALTER TABLE ad (DROP id)", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: at (1, 21) Cannot remove a primary key field: id");
        assertRefused("ALTER TABLE ad (DROP nope)", ErrorCode.RESOURCE_NOT_FOUND,
            "Error: at (1, 21) Field does not exist: nope");
        assertRefused("ALTER TABLE nosuch (ADD v INTEGER)", ErrorCode.TABLE_NOT_FOUND,
            "Error: at (1, 0) Table does not exist: nosuch");
        assertThat(sql.executeTableDdl("ALTER TABLE ad USING TTL 0 HOURS").schema().ttl()).hasToString("0 DAYS");
    }

    @Test
    void nestedRecordFieldsAreAddedAndDropped() {
        sql.executeTableDdl("CREATE TABLE an(id INTEGER, r RECORD(a INTEGER), PRIMARY KEY(id))");
        TableSchema t = sql.executeTableDdl("ALTER TABLE an (ADD r.b STRING, DROP r.a)").schema();
        assertThat(t.field("r").orElseThrow().type().fields()).extracting(f -> f.name()).containsExactly("b");
    }

    @Test
    void indexesTheirPathsAndRefusals() {
        sql.executeTableDdl("CREATE TABLE ix(id INTEGER, j JSON, a ARRAY(INTEGER), m MAP(STRING), PRIMARY KEY(id))");
        assertRefused("CREATE INDEX ijx ON ix(j.name)", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: User error in query: CREATE INDEX failed for table ix, index ijx: Invalid index field definition: "
                + "j.name [stepDef.isJson, declaredType is null,  and no annotations specified]\n"
                + "Must specify data type for JSON index field.");
        assertRefused("CREATE INDEX i2 ON ix(a[], m.values())", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: User error in query: CREATE INDEX failed for table ix, index i2: Invalid index path m.values() : "
                + "There is no single path expression the reaches or crosses all the indexed arrays/maps");
        sql.executeTableDdl("CREATE INDEX ikv ON ix(m.keys(), m.values())");
        assertRefused("CREATE INDEX again ON ix(m.keys(), m.values())", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: User error in query: CREATE INDEX failed for table ix, index again: Index is a duplicate of an "
                + "existing index with another name.  Existing index name: ikv, new index name: again");
        sql.executeTableDdl("CREATE INDEX ij ON ix(j.tags[] AS STRING)");
        sql.executeTableDdl("DROP INDEX ij ON ix");
        assertRefused("DROP INDEX ij ON ix", ErrorCode.INDEX_NOT_FOUND,
            "Error: User error in query: DROP INDEX failed for table ix, index ij: Index ij does not exists in table ix");
        assertRefused("DROP INDEX ij ON nosuch", ErrorCode.TABLE_NOT_FOUND,
            "Error: User error in query: DROP INDEX failed for table nosuch, index ij: Table does not exist: nosuch");
    }

    @Test
    void multiRegionTablesTakeTheLocalRegionAndChildrenInherit() {
        sql.executeSystem("SET LOCAL REGION FR");
        sql.executeSystem("CREATE REGION CO");
        TableSchema t = sql.executeTableDdl("CREATE TABLE m(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO").schema();
        assertThat(t.regionIds()).containsExactlyInAnyOrder(1, 2);
        assertRefused("CREATE TABLE m.c(c INTEGER, PRIMARY KEY(c)) IN REGIONS FR", ErrorCode.ILLEGAL_ARGUMENT,
            "Error: Error found when creating the table: Cannot set regions for child tables.");
        assertThat(sql.executeTableDdl("CREATE TABLE m.c(c INTEGER, PRIMARY KEY(c))").schema().regionIds())
            .containsExactlyInAnyOrder(1, 2);
        assertRefused("ALTER TABLE m DROP REGIONS FR", ErrorCode.ILLEGAL_ARGUMENT, "Cannot drop the local region: FR");
        sql.executeTableDdl("CREATE TABLE plain(id INTEGER, PRIMARY KEY(id))");
        assertRefused("ALTER TABLE plain ADD REGIONS CO", ErrorCode.ILLEGAL_ARGUMENT, "Table is not a multi-region table");
        assertRefused("CREATE REGION FR", ErrorCode.ILLEGAL_ARGUMENT, "Unsupported query operation CREATE_REGION");
    }

    @Test
    void identityAndUuidColumnsAreGeneratedOnPut() {
        sql.executeTableDdl("CREATE TABLE ida(id INTEGER GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),"
            + " v STRING, PRIMARY KEY(id))");
        WriteOutcome first = rows.put(PutOp.upsert("ida", new MapValue().put("v", "a")));
        WriteOutcome second = rows.put(PutOp.upsert("ida", new MapValue().put("v", "b")));
        assertThat(List.of(first.generated(), second.generated())).containsExactly(new IntegerValue(10), new IntegerValue(15));
        assertThat(catchThrowableOfType(RequestException.class,
            () -> rows.put(PutOp.upsert("ida", new MapValue().put("id", 1).put("v", "c")))).getMessage())
            .isEqualTo("Value should not be set for a generated always identity column: id");

        sql.executeTableDdl("CREATE TABLE uu(id STRING AS UUID GENERATED BY DEFAULT, v INTEGER, PRIMARY KEY(id))");
        assertThat(rows.put(PutOp.upsert("uu", new MapValue().put("v", 1))).generated().getString())
            .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(catchThrowableOfType(RequestException.class,
            () -> rows.put(PutOp.upsert("uu", new MapValue().put("id", "not-a-uuid")))).getMessage())
            .isEqualTo("Invalid UUID string: not-a-uuid");
    }
}
