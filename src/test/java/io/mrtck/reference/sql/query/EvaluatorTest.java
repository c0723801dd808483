package io.mrtck.reference.sql.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.sql.SqlParser;
import io.mrtck.reference.sql.StatementParser;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonOptions;
import oracle.nosql.driver.values.MapValue;

/** Expressions on their own: sequences, paths, NULL/JSON null/empty, operators, functions, bindings. */
class EvaluatorTest {
    static final TableSchema USERS = new TableSchema("Users", null, List.of(
        new FieldDef("uid", FieldType.of(TypeCode.INTEGER), false, null, false),
        new FieldDef("person", FieldType.json(null), true, null, false),
        new FieldDef("n", FieldType.of(TypeCode.LONG), true, null, false),
        new FieldDef("a", FieldType.arrayOf(FieldType.of(TypeCode.INTEGER)), true, null, false),
        new FieldDef("m", FieldType.mapOf(FieldType.of(TypeCode.INTEGER)), true, null, false),
        new FieldDef("e", FieldType.enumOf(List.of("red", "green", "blue")), true, null, false)),
        List.of("uid"), 1, null, List.of(), List.of(), 1, "");

    static final MapValue ROW = FieldValue.createFromJson(
        "{\"uid\":1,\"person\":{\"location\":null,\"name\":\"jack\",\"tags\":[\"a\",\"b\"],\"m\":{\"k\":3},"
            + "\"kids\":[{\"age\":3},{\"age\":7}]},\"n\":null,\"a\":[1,2,3],\"m\":{\"x\":1,\"y\":5},\"e\":\"red\"}",
        new JsonOptions()).asMap();

    static {
        // A typed column holds SQL NULL, not the JSON null the parser produced.
        ROW.put("n", oracle.nosql.driver.values.NullValue.getInstance());
    }

    static List<FieldValue> eval(String expression) {
        return eval(expression, Map.of());
    }

    static List<FieldValue> eval(String expression, Map<String, FieldValue> bindings) {
        SqlParser.StatementContext s = StatementParser.parse("SELECT " + expression + " FROM Users u");
        SqlParser.ExprContext item = s.query().sfw_expr().select_clause().select_list().expr(0);
        Expr e = new ExprBuilder(Scope.of(USERS, "u", null)).build(item);
        StoredRow meta = new StoredRow(ROW, 1000, 0, new byte[] {1}, 1, false);
        return Evaluator.eval(e, EvalContext.of(bindings, 5000).withRow(ROW, meta));
    }

    /** The sequence as text: EMPTY, one item's JSON, or several items' JSON in parentheses. */
    static String json(String expression) {
        List<FieldValue> v = eval(expression);
        if (v.isEmpty()) {
            return "EMPTY";
        }
        return v.size() == 1 ? v.get(0).toJson() : v.stream().map(FieldValue::toJson)
            .collect(Collectors.joining(",", "(", ")"));
    }

    @Test
    void pathsReturnSequences() {
        assertThat(json("u.person.name")).isEqualTo("\"jack\"");
        assertThat(json("u.person.tags[1]")).isEqualTo("\"b\"");
        assertThat(json("u.person.tags[]")).isEqualTo("(\"a\",\"b\")");
        assertThat(json("u.person.kids.age")).isEqualTo("(3,7)");
        assertThat(json("u.person.kids[$element.age > 5].age")).isEqualTo("7");
        assertThat(json("u.a[$pos > 0]")).isEqualTo("(2,3)");
        assertThat(json("u.a[1:5]")).isEqualTo("(2,3)");
        assertThat(json("u.m.keys($value > 1)")).isEqualTo("\"y\"");
        assertThat(json("u.person.nothing")).isEqualTo("EMPTY");
        assertThat(json("u.person.tags[7]")).isEqualTo("EMPTY");
        assertThat(json("u.person.location")).isEqualTo("null");
        assertThat(eval("u.person.location").get(0).isJsonNull()).isTrue();
        assertThat(json("[u.a[$element > 1]]")).isEqualTo("[2,3]");
    }

    @Test
    void nullHandling() {
        assertThat(json("n IS NULL")).isEqualTo("true");
        assertThat(json("u.person.location IS NULL")).isEqualTo("false");
        assertThat(json("u.person.nothing IS NULL")).isEqualTo("false");
        assertThat(json("u.person.nothing IS NOT NULL")).isEqualTo("true");
        assertThat(eval("n + 1").get(0).isNull()).isTrue();
        assertThat(eval("n = 1").get(0).isNull()).isTrue();
        assertThat(json("n = 1 OR uid = 1")).isEqualTo("true");
        assertThat(json("u.person.nothing = 1")).isEqualTo("false");
        assertThat(json("u.person.nothing != 1")).isEqualTo("true");
        assertThat(json("exists u.person.location")).isEqualTo("true");
        assertThat(json("exists u.person.nothing")).isEqualTo("false");
        assertThat(json("{\"a\": null, \"b\": u.person.nothing}")).isEqualTo("{\"a\":null}");
        assertThat(json("concat(u.person.name, null)")).isEqualTo("\"jacknull\"");
        assertThat(json("concat(n, u.person.name)")).isEqualTo("\"jack\"");
    }

    @Test
    void arithmeticAndComparisons() {
        assertThat(eval("1 + 2 * 3").get(0)).isEqualTo(new IntegerValue(7));
        assertThat(json("7 / 2")).isEqualTo("3");
        assertThat(json("7 div 2")).isEqualTo("3.5");
        assertThat(json("-uid")).isEqualTo("-1");
        assertThat(json("2147483647 + 1")).isEqualTo("-2147483648");
        // a FLOAT literal is a DOUBLE only when a double holds it exactly
        assertThat(eval("0.1").get(0)).isEqualTo(new DoubleValue(0.1));
        assertThat(eval("-0.0").get(0)).isEqualTo(new DoubleValue(0.0));
        assertThat(eval("3.14159265358979323846").get(0).getType()).isEqualTo(FieldValue.Type.NUMBER);
        assertThat(json("uid = 'one'")).isEqualTo("false");
        assertThat(json("uid != 2 AND 'a' < 'b' AND 1 <= 1.0")).isEqualTo("true");
        assertThat(json("uid IN (3, 1)")).isEqualTo("true");
        assertThat(json("uid IN (1)")).isEqualTo("true");
        assertThat(json("2 IN u.a[]")).isEqualTo("true");
        assertThat(json("NOT uid IN (3, 1)")).isEqualTo("false");
        assertThat(json("u.a[] >any 2")).isEqualTo("true");
        assertThat(json("uid BETWEEN 0 AND 1")).isEqualTo("true");
        assertThatThrownBy(() -> eval("u.a[] = 2")).isInstanceOf(RequestException.class)
            .hasMessageContaining("is a sequence with more than one items");
        assertThatThrownBy(() -> eval("u.person.name + 1")).isInstanceOf(RequestException.class)
            .hasMessage("Error: at (1, 16) Operand in arithmetic operation has illegal type\nOperand : 0 type :\nString");
        assertThatThrownBy(() -> eval("uid + null"))
            .hasMessage("Error: at (1, 13) Operand in arithmetic operation has illegal type\nOperand : 1 type :\n"
                + "AnyJsonAtomic");
    }

    @Test
    void enumsCompareInDeclarationOrder() {
        assertThat(json("e < 'green'")).isEqualTo("true");
        assertThat(json("e > 'blue'")).isEqualTo("false");
        assertThat(json("e = 'red'")).isEqualTo("true");
        assertThat(json("e = 'purple' OR e != 'purple'")).isEqualTo("false");
        assertThat(json("lower(e)")).isEqualTo("\"red\"");
    }

    @Test
    void typesCasesAndCasts() {
        assertThat(json("u.a IS OF TYPE (ARRAY(INTEGER))")).isEqualTo("true");
        assertThat(json("u.person IS OF TYPE (MAP(ANY))")).isEqualTo("true");
        assertThat(json("u.person.tags[] IS OF TYPE (STRING+)")).isEqualTo("true");
        assertThat(json("CASE WHEN uid = 1 THEN 'one' ELSE 2 END")).isEqualTo("\"one\"");
        assertThat(json("cast('12' AS INTEGER)")).isEqualTo("12");
        assertThat(json("cast(3000000000 AS INTEGER)")).isEqualTo("-1294967296");
        assertThat(json("[uid, 10000000000]")).isEqualTo("[1,10000000000]");
        // JSON objects keep their keys sorted in the real engine, so their text lists them sorted
        assertThat(json("cast({\"b\": 1, \"a\": [2.5]} AS STRING)")).isEqualTo("\"{\\\"a\\\":[2.5],\\\"b\\\":1}\"");
        assertThatThrownBy(() -> eval("cast('x' AS INTEGER)")).hasMessageContaining(
            "Cannot cast value \nx\nof type \nString\nto type \nInteger\nFor input string: \"x\"");
    }

    @Test
    void functions() {
        assertThat(json("expiration_time($u)")).isEqualTo("\"1970-01-01T00:00:00Z\"");
        assertThat(json("remaining_hours($u)")).isEqualTo("-1");
        assertThat(json("size(u.person.tags)")).isEqualTo("2");
        assertThat(json("upper(u.person.name)")).isEqualTo("\"JACK\"");
        assertThat(json("substring(u.person.name, 1, 2)")).isEqualTo("\"ac\"");
        assertThat(json("length(uid)")).isEqualTo("1");
        assertThat(json("seq_sum(u.a[])")).isEqualTo("6");
        assertThat(json("[seq_transform(u.a[], $ * 10)]")).isEqualTo("[10,20,30]");
        assertThat(json("round(2.5)")).isEqualTo("3.0");
        assertThat(json("abs(-uid)")).isEqualTo("1");
        assertThatThrownBy(() -> eval("regex_like(u.person.name, '[a]')"))
            .hasMessage("The pattern parameter [[a]] contains an unsupported regular expression.");
    }

    @Test
    void bindVariables() {
        assertThat(eval("?", Map.of("#1", new IntegerValue(9))).get(0)).isEqualTo(new IntegerValue(9));
        assertThatThrownBy(() -> eval("$missing")).isInstanceOf(RequestException.class)
            .hasMessage("Error: at (1, 7)  Unknown variable $missing");
    }

    @Test
    void unknownNamesAreNamed() {
        assertThatThrownBy(() -> eval("agee"))
            .hasMessage("Error: at (1, 7) No table in the FROM clause has a column named agee");
        assertThatThrownBy(() -> eval("u.agee")).hasMessage("Error: at (1, 7) Table Users has no column named agee");
        assertThatThrownBy(() -> eval("x.uid"))
            .hasMessage("Error: at (1, 7) No table in the FROM clause has an alias named x");
        assertThatThrownBy(() -> eval("NoSuchFn(1)")).hasMessage("Error: Could not find function with name NoSuchFn");
        assertThatThrownBy(() -> eval("Substring()"))
            .hasMessage("Error: at (1, 7) Could not find function with name Substring and arity 0");
        assertThatThrownBy(() -> eval("sum(1, 2)"))
            .hasMessage("Error: at (1, 7) Aggregate functions can appear in SELECT or ORDER BY clauses only");
    }
}
