package io.mrtck.reference.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import oracle.nosql.driver.ResourceExistsException;
import oracle.nosql.driver.ResourceNotFoundException;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.ListTablesRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.SystemResult;
import oracle.nosql.driver.ops.SystemStatusRequest;
import oracle.nosql.driver.values.MapValue;

/** Region and namespace statements, SHOW, and SystemStatus through SystemRequest. */
@ExtendWith(ReferenceRegionExtension.class)
class SystemRequestIT {

    @Test
    void regionsAreSetCreatedShownAndDropped(RegionUnderTest region) {
        SystemResult local = region.system("SET LOCAL REGION FR");
        assertThat(local.getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        region.system("CREATE REGION CO");
        region.system("CREATE REGION TMP");

        assertThat(region.system("SHOW AS JSON REGIONS").getResultString()).isEqualTo(
            "{\"regions\" : [{\"name\" : \"FR\", \"type\" : \"local\", \"state\" : \"active\"},"
                + "{\"name\" : \"CO\", \"type\" : \"remote\", \"state\" : \"active\"},"
                + "{\"name\" : \"TMP\", \"type\" : \"remote\", \"state\" : \"active\"}]}");

        region.system("DROP REGION TMP");
        assertThat(region.system("SHOW AS JSON REGIONS").getResultString()).isEqualTo(
            "{\"regions\" : [{\"name\" : \"FR\", \"type\" : \"local\", \"state\" : \"active\"},"
                + "{\"name\" : \"CO\", \"type\" : \"remote\", \"state\" : \"active\"}]}");
        assertThat(region.system("SHOW REGIONS").getResultString()).as("SHOW REGIONS text")
            .contains("FR").contains("CO").doesNotContain("TMP");

        // as on a real store: creating a known region or dropping an unknown one changes nothing
        assertThat(region.system("CREATE REGION CO").getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        assertThat(region.system("DROP REGION Atlantis").getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        // a failed region plan is reported when the SDK polls for the statement's status
        assertThatThrownBy(() -> region.system("DROP REGION FR")).as("dropping the local region")
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("System Operation failed: \n\tFailure 1: 1/DropRegion FR failed.: Cannot drop local region");
    }

    @Test
    void namespacesAreCreatedListedUsedAndDropped(RegionUnderTest region) {
        region.system("CREATE NAMESPACE Sales");
        assertThat(List.of(region.handle().listNamespaces())).contains("sysdefault", "Sales");

        region.ddl("CREATE TABLE Sales:Orders(id INTEGER, PRIMARY KEY(id))");
        region.handle().put(new PutRequest().setTableName("Sales:Orders").setValue(new MapValue().put("id", 1)));
        assertThat((Object) region.handle().get(new GetRequest().setTableName("Sales:Orders")
            .setKey(new MapValue().put("id", 1))).getValue()).as("row in a namespaced table").isNotNull();
        assertThat(region.query("SELECT id FROM Sales:Orders")).extracting(MapValue::toJson)
            .containsExactly("{\"id\":1}");
        region.system("CREATE NAMESPACE Other");
        assertThatThrownBy(() -> region.handle().get(new GetRequest().setTableName("Other:Orders")
            .setKey(new MapValue().put("id", 1)))).as("the table in another namespace")
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Other:Orders");
        assertThatThrownBy(() -> region.query("SELECT * FROM Other:Orders"))
            .isInstanceOf(TableNotFoundException.class).hasMessageContaining("Other:Orders");
        assertThat(region.system("SHOW AS JSON TABLES").getResultString()).contains("Sales:Orders");
        assertThat(region.system("SHOW TABLES").getResultString()).contains("Sales:Orders");
        assertThat(List.of(region.handle().listTables(new ListTablesRequest().setNamespace("Sales")).getTables()))
            .containsExactly("Sales:Orders");

        assertThatThrownBy(() -> region.system("CREATE NAMESPACE Sales"))
            .isInstanceOf(ResourceExistsException.class).hasMessageContaining("Sales");
        region.system("CREATE NAMESPACE IF NOT EXISTS Sales");
        assertThatThrownBy(() -> region.system("DROP NAMESPACE Sales")).as("a namespace with tables")
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Orders");
        region.system("DROP NAMESPACE Sales CASCADE");
        assertThat(List.of(region.handle().listNamespaces())).doesNotContain("Sales");
        assertThatThrownBy(() -> region.system("DROP NAMESPACE Sales"))
            .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Sales");
        region.system("DROP NAMESPACE IF EXISTS Sales");
    }

    @Test
    void systemStatusReportsACompletedOperation(RegionUnderTest region) {
        SystemResult created = region.handle().systemRequest(
            new oracle.nosql.driver.ops.SystemRequest().setStatement("CREATE NAMESPACE Status".toCharArray()));
        assertThat(created.getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        SystemResult status = region.handle().systemStatus(new SystemStatusRequest()
            .setOperationId(created.getOperationId()).setStatement("CREATE NAMESPACE Status"));
        assertThat(status.getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        assertThat(status.getOperationId()).isEqualTo(created.getOperationId());
        assertThat(List.of(region.handle().listNamespaces())).contains("Status");
    }

    @org.junit.jupiter.api.Disabled("store/ keys a table by its bare name (JeStoreTxn 't/<lower(name)>', StoreTxn.table(name)"
        + " has no namespace), so CREATE TABLE Same after Twin:Same is TableExistsException. Needs the store to key"
        + " tables by namespace + name; store/ is owned by another change")
    @Test
    void twoNamespacesCanEachHaveATableOfTheSameName(RegionUnderTest region) {
        region.system("CREATE NAMESPACE Twin");
        region.ddl("CREATE TABLE Twin:Same(id INTEGER, v STRING, PRIMARY KEY(id))");
        region.ddl("CREATE TABLE Same(id INTEGER, v STRING, PRIMARY KEY(id))");
        region.handle().put(new PutRequest().setTableName("Twin:Same").setValue(new MapValue().put("id", 1).put("v", "twin")));
        region.handle().put(new PutRequest().setTableName("Same").setValue(new MapValue().put("id", 1).put("v", "default")));
        assertThat(region.handle().get(new GetRequest().setTableName("Twin:Same").setKey(new MapValue().put("id", 1)))
            .getValue().getString("v")).isEqualTo("twin");
        assertThat(region.handle().get(new GetRequest().setTableName("Same").setKey(new MapValue().put("id", 1)))
            .getValue().getString("v")).isEqualTo("default");
    }
}
