package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;

import io.mrtck.client.CanonicalJson;
import io.mrtck.client.RegionClients;
import io.mrtck.client.RowImage;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.DeleteRequest;
import oracle.nosql.driver.ops.MultiDeleteRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.ops.WriteMultipleRequest;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write reaches the other region with the same value, modification time and expiration
 * time (MR-SEMANTICS.md, "Setting up regions" step 5, "TTL", and "Seen on a real two-region
 * deployment": same modification and expiration time in both regions). Checked as equal table
 * fingerprints, for each direction × operation × row shape.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Propagation between regions")
class PropagationIT {
    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 24 * HOUR_MS;
    private final MrFixture mr;

    PropagationIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    /** A row shape: its columns, key columns (shard key sk first) and its JSON column. */
    enum Shape {
        WORKSHOP_USERS("sk INTEGER, uid INTEGER, person JSON, PRIMARY KEY(SHARD(sk), uid)", "uid", "person") {
            @Override
            MapValue row(int id, String marker) {
                return new MapValue().put("sk", 1).put("uid", id).put("person", json("{\"firstName\":\"" + marker
                    + "\",\"lastName\":\"ma\",\"location\":" + (id % 2 == 0 ? "null" : "\"FR\"")
                    + ",\"list\":[1],\"gone\":1,\"status\":\"seeded\"}"));
            }
        },
        EVERY_SCALAR("sk INTEGER, id INTEGER, i INTEGER, l LONG, f FLOAT, d DOUBLE, n NUMBER, s STRING, b BOOLEAN, "
            + "bin BINARY, ts TIMESTAMP(3), doc JSON, PRIMARY KEY(SHARD(sk), id)", "id", "doc") {
            @Override
            MapValue row(int id, String marker) {
                return new MapValue().put("sk", 1).put("id", id).put("i", -id).put("l", 1L << 40 | id).put("f", 1.5)
                    .put("d", 2.0 / 3).put("n", new java.math.BigDecimal("12345678901234567890.5"))
                    .put("s", marker + " é ✓").put("b", id % 2 == 0).put("bin", new byte[] {0, 1, (byte) id})
                    .put("ts", new Timestamp(1_700_000_000_123L + id))
                    .put("doc", json("{\"list\":[1],\"gone\":1,\"status\":\"seeded\",\"m\":\"" + marker + "\"}"));
            }
        },
        NESTED_JSON("sk INTEGER, id INTEGER, doc JSON, PRIMARY KEY(SHARD(sk), id)", "id", "doc") {
            @Override
            MapValue row(int id, String marker) {
                return new MapValue().put("sk", 1).put("id", id).put("doc", json("{\"list\":[1],\"gone\":1,"
                    + "\"status\":\"seeded\","
                    + "\"a\":{\"b\":{\"c\":[{\"d\":\"" + marker + "\"},{\"e\":null,\"f\":[1.25,true,\"x\"]}]}},"
                    + "\"n\":" + id + "}"));
            }
        },
        ARRAYS_AND_MAPS("sk INTEGER, id INTEGER, arr ARRAY(STRING), m MAP(INTEGER), rec RECORD(a INTEGER, b STRING), "
            + "doc JSON, PRIMARY KEY(SHARD(sk), id)", "id", "doc") {
            @Override
            MapValue row(int id, String marker) {
                return new MapValue().put("sk", 1).put("id", id)
                    .put("arr", new ArrayValue().add(marker).add("b").add(""))
                    .put("m", new MapValue().put("x", id).put("y", -1))
                    .put("rec", new MapValue().put("a", id).put("b", marker))
                    .put("doc", json("{\"list\":[1],\"gone\":1,\"status\":\"seeded\",\"arr\":[[1,2],{\"k\":\"v\"}]}"));
            }
        };

        final String columns;
        final String idColumn;
        final String jsonColumn;

        Shape(String columns, String idColumn, String jsonColumn) {
            this.columns = columns;
            this.idColumn = idColumn;
            this.jsonColumn = jsonColumn;
        }

        abstract MapValue row(int id, String marker);

        /** Column names in declaration order: the first word of each top-level item before PRIMARY KEY. */
        List<String> columnNames() {
            List<String> names = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= columns.length(); i++) {
                char ch = i < columns.length() ? columns.charAt(i) : ',';
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                } else if (ch == ',' && depth == 0) {
                    String item = columns.substring(start, i).trim();
                    if (!item.startsWith("PRIMARY")) {
                        names.add(item.split("\\s+")[0]);
                    }
                    start = i + 1;
                }
            }
            return names;
        }

        String[] keys() {
            return new String[] {"sk", idColumn};
        }

        MapValue key(int id) {
            return new MapValue().put("sk", 1).put(idColumn, id);
        }

        String where(int id) {
            return " WHERE sk = 1 AND " + idColumn + " = " + id;
        }

        static FieldValue json(String text) {
            return FieldValue.createFromJson(text, null);
        }
    }

    /** One kind of write, made in the {@code from} region; returns what the other region must then show. */
    enum Operation {
        SQL_INSERT {
            @Override
            void write(Ctx c) {
                for (int id = 1; id <= 3; id++) {
                    c.mr.sql(c.from, "INSERT INTO " + c.table + " VALUES(" + sqlValues(c.shape, c.shape.row(id, "ins")) + ")");
                }
                c.expectRows = 3;
            }
        },
        SQL_UPSERT {
            @Override
            void write(Ctx c) {
                c.mr.sql(c.from, "UPSERT INTO " + c.table + " VALUES(" + sqlValues(c.shape, c.shape.row(1, "first")) + ")");
                // replicated first: two writes in one millisecond meet a known reference gap
                // (ConflictIT#twoWritesOfOneRegionInOneMillisecond)
                c.mr.converge(c.table, c.shape.keys());
                c.mr.sql(c.from, "UPSERT INTO " + c.table + " VALUES(" + sqlValues(c.shape, c.shape.row(1, "second")) + ")");
                c.expectRows = 1;
                c.expectText = "second";
            }
        },
        SDK_PUT_IF_ABSENT {
            @Override
            void write(Ctx c) {
                c.putIfAbsent(c.shape.row(1, "kept"));
                c.putIfAbsent(c.shape.row(1, "ignored"));
                c.expectRows = 1;
                c.expectText = "kept";
            }
        },
        JSON_PATH_UPDATE {
            @Override
            void write(Ctx c) {
                c.seed(2);
                // twice, replicated in between: the second update is made once the table's initial
                // copy is surely over, so it can only reach the other region through the stream.
                // SET changes a field the document has: a path to a missing field updates nothing.
                for (String status : List.of("json-updated-1", "json-updated-2")) {
                    c.mr.sql(c.from, "UPDATE " + c.table + " u SET u." + c.shape.jsonColumn + ".status = \"" + status
                        + "\"" + c.shape.where(1));
                    if (status.endsWith("1")) {
                        c.mr.converge(c.table, c.shape.keys());
                    }
                }
                c.expectRows = 2;
                c.expectText = "json-updated-2";
            }
        },
        ADD_PUT_REMOVE {
            @Override
            void write(Ctx c) {
                c.seed(1);
                String j = "u." + c.shape.jsonColumn;
                // a first patch, replicated, so the one under test comes after the initial copy (as above)
                c.mr.sql(c.from, "UPDATE " + c.table + " u PUT " + j + " {\"first\": 1}" + c.shape.where(1));
                c.mr.converge(c.table, c.shape.keys());
                c.mr.sql(c.from, "UPDATE " + c.table + " u ADD " + j + ".list 99, PUT " + j
                    + " {\"patched\": \"put-merged\"}, REMOVE " + j + ".gone" + c.shape.where(1));
                c.expectRows = 1;
                c.expectText = "put-merged";
                c.expectAbsentText = "\"gone\"";
            }
        },
        SDK_DELETE {
            @Override
            void write(Ctx c) {
                c.seed(3);
                c.mr.in(c.from).delete(new DeleteRequest().setTableName(c.table).setKey(c.shape.key(2)));
                c.mr.sql(c.from, "DELETE FROM " + c.table + c.shape.where(3));
                c.expectRows = 1;
            }
        },
        MULTI_DELETE {
            @Override
            void write(Ctx c) {
                c.seed(4);
                c.mr.put(c.from, c.table, c.shape.row(1, "other shard").put("sk", 2), null);
                c.mr.in(c.from).multiDelete(new MultiDeleteRequest().setTableName(c.table)
                    .setKey(new MapValue().put("sk", 1)));
                c.expectRows = 1;
            }
        },
        WRITE_MULTIPLE {
            @Override
            void write(Ctx c) {
                c.seed(1);
                WriteMultipleRequest w = new WriteMultipleRequest();
                for (int id = 2; id <= 11; id++) {
                    w.add(new PutRequest().setTableName(c.table).setValue(c.shape.row(id, "batched")), true);
                }
                w.add(new DeleteRequest().setTableName(c.table).setKey(c.shape.key(1)), true);
                assertThat(c.mr.in(c.from).writeMultiple(w).getSuccess()).as("write-multiple succeeded").isTrue();
                c.expectRows = 10;
                c.expectText = "batched";
            }
        },
        SET_TTL {
            @Override
            void write(Ctx c) {
                c.seed(2);
                c.mr.sql(c.from, "UPDATE " + c.table + " u SET TTL 3 DAYS" + c.shape.where(1));
                c.expectRows = 2;
                c.expectExpiring = 1;
            }
        },
        PUT_WITH_TTL {
            @Override
            void write(Ctx c) {
                c.mr.put(c.from, c.table, c.shape.row(1, "ttl"), TimeToLive.ofHours(5));
                c.mr.put(c.from, c.table, c.shape.row(2, "ttl"), TimeToLive.ofDays(2));
                c.expectRows = 2;
                c.expectExpiring = 2;
                // seen on a real deployment: HOURS round up to an hour boundary, DAYS to a day boundary
                c.expectExpirationUnits = List.of(HOUR_MS, DAY_MS);
            }
        },
        LARGE_ROW {
            @Override
            void write(Ctx c) {
                MapValue row = c.shape.row(1, "large");
                row.get(c.shape.jsonColumn).asMap().put("big", "x".repeat(100_000) + "large-end");
                c.mr.put(c.from, c.table, row, null);
                c.expectRows = 1;
                c.expectText = "large-end";
            }
        },
        MANY_ROWS {
            @Override
            void write(Ctx c) {
                for (int id = 1; id <= 500; id++) {
                    c.mr.put(c.from, c.table, c.shape.row(id, "many"), null);
                }
                c.expectRows = 500;
            }
        };

        abstract void write(Ctx c);
    }

    /** One case's state: where it writes and what the other region must show afterwards. */
    static final class Ctx {
        final MrFixture mr;
        final String from;
        final String table;
        final Shape shape;
        int expectRows = -1;
        String expectText;
        String expectAbsentText;
        int expectExpiring;
        /** Per row, in key order: the unit its expiration time is a whole multiple of. */
        List<Long> expectExpirationUnits = List.of();

        Ctx(MrFixture mr, String from, String table, Shape shape) {
            this.mr = mr;
            this.from = from;
            this.table = table;
            this.shape = shape;
        }

        /** Rows 1..n written and replicated before the operation under test. */
        void seed(int n) {
            for (int id = 1; id <= n; id++) {
                mr.put(from, table, shape.row(id, "seed"), null);
            }
            mr.converge(table, shape.keys());
        }

        void putIfAbsent(MapValue row) {
            mr.in(from).put(new PutRequest().setTableName(table).setValue(row).setOption(PutRequest.Option.IfAbsent));
        }
    }

    /** The row's values as SQL literals, in the table's column order (JSON literals are SQL literals here). */
    static String sqlValues(Shape shape, MapValue row) {
        StringJoiner j = new StringJoiner(", ");
        for (String column : shape.columnNames()) {
            j.add(row.get(column).toJson());
        }
        return j.toString();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String[] dir : new String[][] {{"FR", "CO"}, {"CO", "FR"}}) {
            for (Operation op : Operation.values()) {
                for (Shape shape : Shape.values()) {
                    out.add(Arguments.of(dir[0], dir[1], op, shape));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2} of {3} rows")
    @MethodSource("cases")
    void aWriteReachesTheOtherRegionWithTheSameValueAndMetadata(String from, String to, Operation op, Shape shape) {
        // MR-SEMANTICS.md "Seen on a real deployment": same modification and expiration time in both regions.
        String t = MrFixture.table("P" + op.ordinal() + "s" + shape.ordinal());
        mr.createMrTable(t, shape.columns);
        Ctx c = new Ctx(mr, from, t, shape);
        op.write(c);
        TableFingerprint agreed = mr.converge(t, shape.keys());
        String seenIn = to + " holds " + agreed.rows().values();
        assertThat(agreed.rows()).as("rows in %s", to).hasSize(c.expectRows);
        String all = agreed.rows().values().stream().map(RowImage::valueJson).reduce("", String::concat);
        if (c.expectText != null) {
            assertThat(all).as(seenIn).contains(c.expectText);
        }
        if (c.expectAbsentText != null) {
            assertThat(all).as(seenIn).doesNotContain(c.expectAbsentText);
        }
        long expiring = agreed.rows().values().stream().filter(r -> r.expirationTime() > 0).count();
        assertThat(expiring).as("rows with an expiration time in both regions: %s", seenIn).isEqualTo(c.expectExpiring);
        List<RowImage> rows = List.copyOf(agreed.rows().values());
        for (int i = 0; i < c.expectExpirationUnits.size(); i++) {
            long unit = c.expectExpirationUnits.get(i);
            assertThat(rows.get(i).expirationTime() % unit).as("row %s expires on a %s ms boundary", rows.get(i), unit)
                .isZero();
        }
    }

    /** A document whose members are not in name order, at every depth, with arrays of objects. */
    private static final String UNSORTED_DOCUMENT = "{\"firstName\":\"jack\",\"lastName\":\"ma\",\"location\":\"FR\","
        + "\"list\":[{\"z\":1,\"a\":[3,2,1]},\"x\"],\"gone\":1,\"address\":{\"street\":\"rue\",\"city\":\"Paris\","
        + "\"geo\":{\"lon\":2.35,\"lat\":48.85}}}";

    @ParameterizedTest(name = "{0} -> {1}, {2}: a document with unsorted members reads back as the JSON value written")
    @CsvSource({"FR, CO, sdk", "CO, FR, sdk", "FR, CO, sql", "CO, FR, sql"})
    void aJsonDocumentReadsBackAsTheValueWrittenInEveryRegion(String from, String to, String how) {
        // MR-SEMANTICS.md "second look": a replicated document's members read back in another order
        // (alphabetical) in the receiving region; JSON objects are unordered, the value is the same.
        String t = MrFixture.table("Doc");
        mr.createMrTable(t, "uid INTEGER, person JSON, PRIMARY KEY(uid)");
        FieldValue written = Shape.json(UNSORTED_DOCUMENT);
        if (how.equals("sdk")) {
            mr.put(from, t, new MapValue().put("uid", 1).put("person", written), null);
        } else {
            mr.sql(from, "INSERT INTO " + t + " VALUES(1, " + UNSORTED_DOCUMENT + ")");
        }
        TableFingerprint agreed = mr.converge(t, "uid");
        assertThat(agreed.rows()).as("rows in %s and %s", from, to).hasSize(1);
        for (String r : mr.regionNames()) {
            FieldValue read = mr.get(r, t, new MapValue().put("uid", 1)).getValue().get("person");
            assertThat(CanonicalJson.sameJson(read, written)).as("document in %s: %s; written: %s", r, read, written)
                .isTrue();
        }
    }

    @ParameterizedTest(name = "row written in {0}: IfAbsent and IfVersion in {1} keep their meaning")
    @CsvSource({"FR, CO", "CO, FR"})
    void conditionalPutsKeepTheirMeaningOnReplicatedRows(String writer, String other) {
        // docs/suite-behaviours.md "conditional puts": a replicated row is a row like any other in its region.
        String t = MrFixture.table("Cond");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        MapValue key = new MapValue().put("id", 1);
        mr.put(writer, t, new MapValue().put("id", 1).put("v", writer), null);
        mr.converge(t, "id");
        PutResult absent = mr.in(other).put(new PutRequest().setTableName(t)
            .setOption(PutRequest.Option.IfAbsent).setValue(new MapValue().put("id", 1).put("v", other)));
        assertThat(absent.getVersion()).as("IfAbsent on a row replicated to %s", other).isNull();
        PutResult ifVersion = mr.in(other).put(new PutRequest().setTableName(t)
            .setOption(PutRequest.Option.IfVersion).setMatchVersion(mr.get(other, t, key).getVersion())
            .setValue(new MapValue().put("id", 1).put("v", other)));
        assertThat(ifVersion.getVersion()).as("IfVersion with %s's own version of the row", other).isNotNull();
        mr.converge(t, "id");
        assertThat(mr.get(writer, t, key).getValue().getString("v")).isEqualTo(other);
    }

    static Stream<Arguments> ttlCases() {
        List<Arguments> out = new ArrayList<>();
        for (String from : List.of("FR", "CO")) {
            for (Shape shape : Shape.values()) {
                out.add(Arguments.of(from, shape));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "row of {1} with TTL written in {0} expires in both regions")
    @MethodSource("ttlCases")
    void aReplicatedRowExpiresInEveryRegion(String from, Shape shape) {
        // MR-SEMANTICS.md "TTL": the absolute expiration time is replicated; the row expires everywhere.
        mr.require(Capability.CLOCK_SKEW, "move clocks past an expiration time");
        String t = MrFixture.table("Exp" + shape.ordinal());
        mr.createMrTable(t, shape.columns);
        mr.put(from, t, shape.row(1, "expiring"), TimeToLive.ofHours(1));
        mr.put(from, t, shape.row(2, "forever"), null);
        mr.converge(t, shape.keys());
        mr.topology().regions().forEach(r -> r.skewClock(Duration.ofHours(3)));
        try {
            await("row 1 expired in every region").atMost(MrFixture.convergeTimeout()).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    for (String r : mr.regionNames()) {
                        assertThat((Object) mr.get(r, t, shape.key(1)).getValue()).as("expired row 1 in %s", r).isNull();
                        assertThat((Object) mr.get(r, t, shape.key(2)).getValue()).as("row 2 without TTL in %s", r).isNotNull();
                    }
                });
            assertThat(mr.converge(t, shape.keys()).rows()).as("rows a query shows after expiry").hasSize(1);
        } finally {
            mr.topology().regions().forEach(r -> r.skewClock(Duration.ZERO));
        }
    }
}
