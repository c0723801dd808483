package io.mrtck.backup.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaFileTest {

    @Test
    void theKeyOfACreateTableIsRead() {
        assertThat(SchemaFile.key(List.of("CREATE TABLE IF NOT EXISTS t (a INTEGER, b STRING, PRIMARY KEY(SHARD(a), b))")))
            .contains(new SchemaFile.Key(List.of("a", "b"), List.of("a")));
        assertThat(SchemaFile.key(List.of("CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid))  IN REGIONS CO , FR")))
            .contains(new SchemaFile.Key(List.of("uid"), List.of("uid")));
        assertThat(SchemaFile.key(List.of("CREATE TABLE t (a INTEGER, b INTEGER, PRIMARY KEY(SHARD(a(3), b)))")))
            .contains(new SchemaFile.Key(List.of("a", "b"), List.of("a", "b")));
    }

    @Test
    void aChildTablesDdlTellsNoKey() {
        assertThat(SchemaFile.key(List.of("CREATE TABLE IF NOT EXISTS P.K (k STRING, PRIMARY KEY(k))"))).isEmpty();
    }
}
