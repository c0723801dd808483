package io.mrtck.reference.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonOptions;
import oracle.nosql.driver.values.MapValue;

/** Expressions on their own: paths, NULL/JSON null/empty, arithmetic, comparisons, bindings. */
class EvaluatorTest {
    static final TableSchema USERS = new TableSchema("Users", null, List.of(
        new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false),
        new FieldDef("person", FieldType.json(null), true, null, false),
        new FieldDef("n", FieldType.of(TypeCode.LONG), true, null, false)),
        List.of("uid"), 1, null, List.of(), List.of(), 1, "");

    static final MapValue ROW = FieldValue.createFromJson(
        "{\"uid\":1,\"person\":{\"location\":null,\"name\":\"jack\",\"tags\":[\"a\",\"b\"],\"m\":{\"k\":3}},\"n\":null}",
        new JsonOptions()).asMap();

    static {
        // A typed column holds SQL NULL, not the JSON null the parser produced.
        ROW.put("n", oracle.nosql.driver.values.NullValue.getInstance());
    }

    static FieldValue eval(String expression) {
        return eval(expression, Map.of());
    }

    static FieldValue eval(String expression, Map<String, FieldValue> bindings) {
        SqlParser.StatementContext s = StatementParser.parse("SELECT " + expression + " FROM Users u");
        SqlParser.ExprContext item = s.query().sfw_expr().select_clause().select_list().expr(0);
        Expr e = new ExprBuilder(new Scope(USERS, "u", null)).build(item);
        StoredRow meta = new StoredRow(ROW, 1000, 0, new byte[] {1}, 1, false);
        return Evaluator.eval(e, new EvalContext(ROW, meta, bindings, 5000, null));
    }

    static String json(String expression) {
        FieldValue v = eval(expression);
        return v == null ? "EMPTY" : v.toJson();
    }

    @Test
    void jsonPaths() {
        assertThat(json("u.person.name")).isEqualTo("\"jack\"");
        assertThat(json("u.person.tags[1]")).isEqualTo("\"b\"");
        assertThat(json("u.person.m.k + 1")).isEqualTo("4");
        assertThat(json("u.person.nothing")).isEqualTo("EMPTY");
        assertThat(json("u.person.tags[7]")).isEqualTo("EMPTY");
        assertThat(json("u.person.location")).isEqualTo("null");
        assertThat(eval("u.person.location").isJsonNull()).isTrue();
    }

    @Test
    void nullHandling() {
        assertThat(json("n IS NULL")).isEqualTo("true");
        assertThat(json("u.person.location IS NULL")).isEqualTo("false");
        assertThat(json("u.person.nothing IS NULL")).isEqualTo("false");
        assertThat(json("u.person.nothing IS NOT NULL")).isEqualTo("true");
        assertThat(eval("n + 1").isNull()).isTrue();
        assertThat(eval("n = 1").isNull()).isTrue();
        assertThat(json("n = 1 OR uid = 1")).isEqualTo("true");
        assertThat(json("u.person.nothing = 1")).isEqualTo("false");
        assertThat(json("exists u.person.location")).isEqualTo("true");
        assertThat(json("exists u.person.nothing")).isEqualTo("false");
        assertThat(json("{\"a\": null, \"b\": u.person.nothing}")).isEqualTo("{\"a\":null}");
    }

    @Test
    void arithmeticAndComparisons() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(new IntegerValue(7));
        assertThat(json("7 / 2")).isEqualTo("3");
        assertThat(json("7.0 / 2")).isEqualTo("3.5");
        assertThat(json("-uid")).isEqualTo("-1");
        assertThat(eval("2147483647 + 1").isLong()).isTrue();
        assertThat(json("uid = 'one'")).isEqualTo("false");
        assertThat(json("uid != 2 AND 'a' < 'b' AND 1 <= 1.0")).isEqualTo("true");
        assertThat(json("uid IN (3, 1)")).isEqualTo("true");
        assertThat(json("uid IN (1)")).isEqualTo("true");
        assertThat(json("NOT uid IN (3, 1)")).isEqualTo("false");
        assertThatThrownBy(() -> eval("u.person.name + 1")).isInstanceOf(RequestException.class)
            .hasMessageContaining("non-numeric");
    }

    @Test
    void functionsOnTheRow() {
        assertThat(json("expiration_time(u)")).isEqualTo("\"1970-01-01T00:00:00Z\"");
        assertThat(json("remaining_hours(u)")).isEqualTo("-1");
        assertThat(json("modification_time_millis(u)")).isEqualTo("1000");
        assertThat(json("size(u.person.tags)")).isEqualTo("2");
        assertThat(json("upper(u.person.name)")).isEqualTo("\"JACK\"");
    }

    @Test
    void bindVariables() {
        assertThat(eval("$i + 1", Map.of("$i", new IntegerValue(4)))).isEqualTo(new IntegerValue(5));
        assertThat(eval("?", Map.of("#1", new IntegerValue(9)))).isEqualTo(new IntegerValue(9));
        assertThatThrownBy(() -> eval("$missing")).isInstanceOf(RequestException.class)
            .hasMessageContaining("$missing");
    }

    @Test
    void unknownColumnsAreNamed() {
        assertThatThrownBy(() -> eval("agee"))
            .hasMessage("Error: at (1, 7) No table in the FROM clause has a column named agee");
        assertThatThrownBy(() -> eval("u.agee"))
            .hasMessage("Error: at (1, 7) No table in the FROM clause has a column named agee");
        assertThatThrownBy(() -> eval("x.uid"))
            .hasMessage("Error: at (1, 7) No table in the FROM clause has an alias named x");
        assertThatThrownBy(() -> eval("nosuchfn(1)")).hasMessageContaining("nosuchfn");
    }
}
