package io.mrtck.reference.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;

/** The grammar accepts the statements the kit sends, in any keyword case, and names syntax errors. */
class StatementParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid))",
        "CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid)) IN REGIONS CO , FR",
        "create table if not exists t(a LONG, b STRING NOT NULL DEFAULT 'x', c TIMESTAMP(3), d ARRAY(INTEGER),"
            + " e MAP(JSON), f RECORD(x INTEGER, y STRING), g BINARY, h NUMBER AS MR_COUNTER,"
            + " j JSON(visits AS INTEGER MR_COUNTER, a.b AS LONG MR_COUNTER), k BOOLEAN, l FLOAT, m DOUBLE,"
            + " PRIMARY KEY(SHARD(a, b), c)) USING TTL 5 DAYS",
        "CREATE TABLE Users.Orders(oid INTEGER, amount DOUBLE, PRIMARY KEY(oid))",
        "DROP TABLE IF EXISTS Users",
        "ALTER TABLE Users (ADD age INTEGER DEFAULT 0, DROP person)",
        "ALTER TABLE Users USING TTL 2 HOURS",
        "ALTER TABLE Users ADD REGIONS DE, IT",
        "ALTER TABLE Users DROP REGIONS DE",
        "CREATE INDEX IF NOT EXISTS idx ON Users(uid, person.location AS STRING)",
        "DROP INDEX IF EXISTS idx ON Users",
    })
    void tableDdl(String statement) {
        assertThat(StatementParser.parse(statement).ddl()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SET LOCAL REGION FR", "CREATE REGION CO", "DROP REGION CO", "SHOW REGIONS", "SHOW AS JSON REGIONS",
        "CREATE NAMESPACE IF NOT EXISTS ns1", "DROP NAMESPACE IF EXISTS ns1 CASCADE", "SHOW NAMESPACES",
        "show as json namespaces", "SHOW TABLES", "SHOW AS JSON TABLES", "SHOW AS JSON TABLE Users",
        "DESCRIBE AS JSON TABLE Users.Orders",
    })
    void systemStatements(String statement) {
        assertThat(StatementParser.parse(statement).systemStatement()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into users values(1,{\"firstName\":\"jack\",\"lastName\":\"ma\",\"location\":\"FR\"});",
        "insert into users values(2, {\"firstName\":\"foo\",\"lastName\":\"bar\",\"location\":null});",
        "update users u set u.person.location = \"FR\" where uid = 2;",
        "update users u set u.person.location= \"CO\" where uid =1;",
        "select * from users;",
        "SELECT u.person.location AS loc, count(*) FROM users AS u WHERE u.person.age >= 3 AND NOT uid IN (1, 2)"
            + " GROUP BY u.person.location ORDER BY loc DESC LIMIT 5 OFFSET 1",
        "SELECT expiration_time($x), remaining_hours($x) FROM users $x WHERE $x.uid = 1",
        "DECLARE $i INTEGER; $s STRING; SELECT * FROM users WHERE uid = $i AND name = $s",
        "SELECT t.arr[0], t.m.key, -t.n * 2 + 1 FROM t WHERE exists t.m.key AND t.x IS NOT NULL",
        "UPSERT INTO t (id, v) VALUES(?, ?) SET TTL 3 HOURS RETURNING *",
        "INSERT INTO t VALUES(1, DEFAULT) SET TTL USING TABLE DEFAULT",
        "UPDATE t $x SET TTL 1 HOURS WHERE id = 1 RETURNING remaining_hours($x)",
        "UPDATE t SET a = a + 1, ADD t.arr 0 5, PUT t.m {\"k\": 1}, REMOVE t.j.old WHERE id = 1",
        "DELETE FROM t WHERE v = 'x' OR id > 3",
    })
    void queries(String statement) {
        assertThat(StatementParser.parse(statement).query()).isNotNull();
    }

    @Test
    void syntaxErrorsSayWhereAndNearWhat() {
        assertThatThrownBy(() -> StatementParser.parse("CREATE TABL t(id INTEGER, PRIMARY KEY(id))"))
            .isInstanceOf(RequestException.class)
            .hasMessageStartingWith("Syntax error at line 1:7 near 'TABL'")
            .extracting(e -> ((RequestException) e).code()).isEqualTo(ErrorCode.ILLEGAL_ARGUMENT);
        assertThatThrownBy(() -> StatementParser.parse("SELECT * FROM"))
            .hasMessageContaining("<end of statement>");
        assertThatThrownBy(() -> StatementParser.parse("  "))
            .isInstanceOf(RequestException.class);
    }

    @Test
    void stringLiteralsResolveEscapes() {
        assertThat(StatementParser.unquote("'it''s'")).isEqualTo("it's");
        assertThat(StatementParser.unquote("\"a\\\"b\\n\\u0041\"")).isEqualTo("a\"b\nA");
    }
}
