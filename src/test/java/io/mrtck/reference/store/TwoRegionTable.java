package io.mrtck.reference.store;

import java.util.List;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;

/** Test catalog: FR (local) and CO (remote), and MR table {@code T(id INTEGER, v STRING)} in both. */
public final class TwoRegionTable {
    private TwoRegionTable() {
    }

    public static void create(RegionStore store) {
        store.changeCatalog(txn -> {
            txn.putRegion(new RegionInfo(1, "FR", true));
            txn.putRegion(new RegionInfo(2, "CO", false));
            txn.putTable(new TableSchema("T", null, List.of(
                new FieldDef("id", FieldType.of(TypeCode.INTEGER), false, null, false),
                new FieldDef("v", FieldType.of(TypeCode.STRING), true, null, false)),
                List.of("id"), 1, null, List.of(1, 2), List.of(), 1, "CREATE TABLE T(...)"));
            return null;
        });
    }
}
