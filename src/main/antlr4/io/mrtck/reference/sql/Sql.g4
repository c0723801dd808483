// The statement syntax of the reference region: every statement form a real Oracle NoSQL 25.3
// parser accepts through the SDK (DDL, region/namespace/security statements, queries, DML).
//
// The real parser's syntax errors are observable: they name parser rules ("rule stack: [parse,
// statement, create_table_statement, ...]"), tokens by their names (AS, INTEGER_T, 'count',
// ')') and the tokens expected at the failing point. So rule names, token names, the order in
// which tokens are declared (it orders the expected sets) and where a rule has a sub-block or a
// loop (where ANTLR syncs) follow what the real answers show. What the reference does with a
// statement is decided in the Java code that walks the tree, not here.
grammar Sql;

@parser::members {
    /** An identifier starting with a digit or '_' is reported at the token that follows it. */
    private void reportBadIdentifier(Token bad) {
        notifyErrorListeners("Identifiers must start with a letter: " + bad.getText());
    }

    private void reportMissingParen() {
        notifyErrorListeners("Missing closing ')'");
    }
}

parse : statement EOF ;

// No alternative is followed by ';': the real parser refuses a trailing semicolon.
statement
    : ( query
      | insert_statement
      | update_statement
      | delete_statement
      | create_table_statement
      | create_index_statement
      | create_user_statement
      | create_role_statement
      | create_namespace_statement
      | create_region_statement
      | drop_index_statement
      | drop_namespace_statement
      | drop_region_statement
      | create_text_index_statement
      | drop_role_statement
      | drop_user_statement
      | alter_table_statement
      | alter_user_statement
      | drop_table_statement
      | grant_statement
      | revoke_statement
      | describe_statement
      | set_local_region_statement
      | show_statement
      | index_function_path )
    ;

// ================================================================ queries

query : prolog? sfw_expr ;

prolog : DECLARE var_decl SEMI (var_decl SEMI)* ;

var_decl : VARNAME type_def ;

index_function_path : prolog func_call ;

expr : or_expr ;

sfw_expr
    : select_clause from_clause where_clause? groupby_clause? orderby_clause? limit_clause? offset_clause? ;

from_clause
    : FROM table_spec (COMMA table_spec)* (COMMA (expr AS? VARNAME | unnest_clause))* ;

table_spec : from_table | nested_tables | left_outer_join_tables ;

nested_tables
    : NESTED TABLES LP from_table
      (ANCESTORS LP ancestor_tables RP)?
      (DESCENDANTS LP descendant_tables RP)?
      RP
    ;

ancestor_tables : from_table (COMMA from_table)* ;

descendant_tables : from_table (COMMA from_table)* ;

left_outer_join_tables : from_table left_outer_join_table left_outer_join_table* ;

left_outer_join_table : LEFT_OUTER_JOIN from_table ;

// ON is parsed for any table; the translator accepts it only where a join needs it.
from_table : aliased_table_name (ON or_expr)? ;

aliased_table_name : table_name (AS? tab_alias)? ;

tab_alias : VARNAME | id ;

unnest_clause : UNNEST LP path_expr AS? VARNAME (COMMA path_expr AS? VARNAME)* RP ;

where_clause : WHERE expr ;

select_clause : SELECT select_list ;

select_list : hints? DISTINCT? (STAR | expr col_alias (COMMA expr col_alias)*) ;

hints : HINT_START hint* HINT_END ;

hint
    : ( PREFER_INDEXES LP table_name index_name* RP
      | FORCE_INDEX LP table_name index_name RP
      | PREFER_PRIMARY_INDEX LP table_name RP
      | FORCE_PRIMARY_INDEX LP table_name RP )
      STRING?
    ;

col_alias : (AS id)? ;

orderby_clause : ORDER BY expr sort_spec (COMMA expr sort_spec)* ;

sort_spec : (ASC | DESC)? (NULLS (FIRST | LAST))? ;

groupby_clause : GROUP BY expr (COMMA expr)* ;

limit_clause : LIMIT add_expr ;

offset_clause : OFFSET add_expr ;

// ---------------------------------------------------------------- expressions, loosest first

or_expr : and_expr | or_expr OR and_expr ;

and_expr : not_expr | and_expr AND not_expr ;

not_expr : NOT? is_null_expr ;

is_null_expr : cond_expr (IS NOT? NULL)? ;

cond_expr : between_expr | comp_expr | in_expr | exists_expr | is_of_type_expr ;

between_expr : concatenate_expr BETWEEN concatenate_expr AND concatenate_expr ;

comp_expr : concatenate_expr ((comp_op | any_op) concatenate_expr)? ;

comp_op : EQ | NEQ | GT | GTE | LT | LTE ;

any_op : EQ_ANY | NEQ_ANY | GT_ANY | GTE_ANY | LT_ANY | LTE_ANY ;

// (a, b) IN ((1, 2), (3, 4)) | a IN (1, 2) | a IN <path>; a single parenthesised value is the path form.
in_expr : in1_expr | in2_expr | in3_expr ;

in1_expr : in1_left_op IN LP in1_expr_list (COMMA in1_expr_list)+ RP ;

in1_left_op : LP concatenate_expr (COMMA concatenate_expr)* RP ;

in1_expr_list : LP expr (COMMA expr)* RP ;

in2_expr : concatenate_expr IN LP expr (COMMA expr)+ RP ;

in3_expr : (concatenate_expr | LP concatenate_expr (COMMA concatenate_expr)* RP) IN path_expr ;

exists_expr : EXISTS concatenate_expr ;

is_of_type_expr
    : concatenate_expr IS NOT? OF TYPE? LP ONLY? quantified_type_def (COMMA ONLY? quantified_type_def)* RP ;

concatenate_expr : add_expr (CONCAT add_expr)* ;

add_expr : multiply_expr ((PLUS | MINUS) multiply_expr)* ;

multiply_expr : unary_expr ((STAR | IDIV | RDIV) unary_expr)* ;

unary_expr : path_expr | (PLUS | MINUS) unary_expr ;

path_expr : primary_expr (map_step | array_step)* ;

// .keys(...) / .values(...) must win over a field step that calls a function.
map_step : DOT (map_filter_step | map_field_step) ;

map_field_step : id | string | var_ref | parenthesized_expr | func_call ;

map_filter_step : (KEYS | VALUES) LP expr? RP ;

array_step : array_filter_step | array_slice_step ;

array_slice_step : LBRACK expr? COLON expr? RBRACK ;

array_filter_step : LBRACK expr? RBRACK ;

primary_expr
    : const_expr
    | column_ref
    | var_ref
    | array_constructor
    | map_constructor
    | transform_expr
    | collect
    | func_call
    | count_star
    | count_distinct
    | case_expr
    | cast_expr
    | parenthesized_expr
    | extract_expr
    ;

// a, or alias.a: with two names the first is always a table alias.
column_ref : id (DOT (id | string))? ;

const_expr : number | string | TRUE | FALSE | NULL ;

var_ref : VARNAME | DOLLAR | QUESTION_MARK ;

array_constructor : LBRACK expr? (COMMA expr)* RBRACK ;

map_constructor
    : LBRACE expr COLON expr (COMMA expr COLON expr)* RBRACE
    | LBRACE RBRACE
    ;

transform_expr : SEQ_TRANSFORM LP transform_input_expr COMMA expr RP ;

transform_input_expr : expr ;

collect : ARRAY_COLLECT LP DISTINCT? expr RP ;

func_call : id LP (expr (COMMA expr)*)? RP ;

count_star : COUNT LP STAR RP ;

count_distinct : COUNT LP DISTINCT expr RP ;

case_expr : CASE WHEN expr THEN expr (WHEN expr THEN expr)* (ELSE expr)? END ;

cast_expr : CAST LP expr AS quantified_type_def RP ;

parenthesized_expr : LP expr RP ;

extract_expr : EXTRACT LP id FROM expr RP ;

// ================================================================ INSERT / UPDATE / DELETE

insert_statement
    : prolog?
      (INSERT | UPSERT) INTO table_name (AS? tab_alias)?
      (LP insert_label (COMMA insert_label)* RP)?
      VALUES LP insert_clause (COMMA insert_clause)* RP
      (SET TTL insert_ttl_clause)?
      insert_returning_clause?
    ;

// A quoted label names a top-level field of a JSON collection table.
insert_label : id | string ;

insert_returning_clause : RETURNING select_list ;

insert_clause : DEFAULT | expr ;

insert_ttl_clause : add_expr (HOURS | DAYS) | USING TABLE DEFAULT ;

// Clauses are separated by commas; a clause keyword may be followed by several targets.
update_statement
    : prolog?
      UPDATE table_name (AS? tab_alias)? update_clause (COMMA update_clause)*
      WHERE expr
      update_returning_clause?
    ;

update_returning_clause : RETURNING select_list ;

update_clause
    : SET set_clause (COMMA (update_clause | set_clause))*
    | ADD add_clause (COMMA (update_clause | add_clause))*
    | PUT put_clause (COMMA (update_clause | put_clause))*
    | REMOVE remove_clause (COMMA (update_clause | remove_clause))*
    | JSON MERGE json_merge_patch_clause (COMMA (update_clause | json_merge_patch_clause))*
    | SET TTL ttl_clause (COMMA update_clause)*
    ;

set_clause : target_expr EQ expr ;

add_clause : INTO? target_expr (AT? pos_expr)? ELEMENTS? expr ;

put_clause : INTO? target_expr FIELDS? expr ;

remove_clause : target_expr ;

json_merge_patch_clause : target_expr WITH PATCH json_patch_expr ;

json_patch_expr : map_constructor | array_constructor | const_expr | var_ref ;

ttl_clause : add_expr (HOURS | DAYS) | USING TABLE DEFAULT ;

target_expr : path_expr ;

pos_expr : add_expr ;

delete_statement
    : prolog?
      DELETE FROM table_name (AS? tab_alias)? (WHERE expr)?
      delete_returning_clause?
    ;

delete_returning_clause : RETURNING select_list ;

// ================================================================ types

quantified_type_def : type_def (STAR | PLUS | QUESTION_MARK)? ;

// The ANY types are query types (CAST, IS OF TYPE, DECLARE); DDL refuses them.
type_def
    : binary_def
    | array_def
    | boolean_def
    | enum_def
    | float_def
    | integer_def
    | json_def
    | map_def
    | record_def
    | string_def
    | timestamp_def
    | any_def
    | anyAtomic_def
    | anyJsonAtomic_def
    | anyRecord_def
    ;

record_def : RECORD_T LP field_def (COMMA field_def)* RP ;

field_def : id type_def default_def? comment? ;

default_def : default_value not_null? | not_null default_value? ;

// An id is an ENUM symbol.
default_value : DEFAULT (number | string | TRUE | FALSE | id) ;

not_null : NOT NULL ;

map_def : MAP_T LP type_def RP ;

array_def : ARRAY_T LP type_def RP ;

integer_def : INTEGER_T | LONG_T ;

json_def : JSON ;

float_def : FLOAT_T | DOUBLE_T | NUMBER_T ;

string_def : STRING_T ;

enum_def
    : ENUM_T LP id_list RP
    | ENUM_T LP id_list { reportMissingParen(); }
    ;

boolean_def : BOOLEAN_T ;

binary_def : BINARY_T (LP INT RP)? ;

timestamp_def : TIMESTAMP_T (LP INT RP)? ;

any_def : ANY_T ;

anyAtomic_def : ANYATOMIC_T ;

anyJsonAtomic_def : ANYJSONATOMIC_T ;

anyRecord_def : ANYRECORD_T ;

// ================================================================ names

id_path : id (DOT id)* ;

table_id_path : table_id (DOT table_id)* ;

table_id : SYSDOLAR? id ;

name_path : field_name (DOT field_name)* ;

field_name : id | DSTRING ;

// ================================================================ namespaces and regions

create_namespace_statement : CREATE NAMESPACE (IF NOT EXISTS)? namespace ;

drop_namespace_statement : DROP NAMESPACE (IF EXISTS)? namespace CASCADE? ;

region_name : id ;

create_region_statement : CREATE REGION region_name ;

drop_region_statement : DROP REGION region_name ;

set_local_region_statement : SET LOCAL REGION region_name ;

// ================================================================ CREATE TABLE

create_table_statement
    : CREATE TABLE (IF NOT EXISTS)? table_name comment? LP table_def RP table_options ;

table_name : (namespace COLON)? table_id_path ;

namespace : id_path ;

table_def
    : (column_def | key_def | json_collection_mrcounter_def)
      (COMMA (column_def | key_def | json_collection_mrcounter_def))*
    ;

column_def
    : id type_def (default_def | identity_def | uuid_def | mr_counter_def | json_mrcounter_fields)? comment? ;

// JSON(a.b AS LONG MR_COUNTER, ...): counters inside a JSON column.
json_mrcounter_fields : LP json_mrcounter_def (COMMA json_mrcounter_def)* RP ;

json_mrcounter_def : json_mrcounter_path AS (INTEGER_T | LONG_T | NUMBER_T) MR_COUNTER ;

// A counter at the top level of a JSON collection table.
json_collection_mrcounter_def : json_mrcounter_def ;

json_mrcounter_path : (id | string) (DOT (id | string))* ;

key_def : PRIMARY KEY LP (shard_key_def COMMA?)? id_list_with_size? RP ;

shard_key_def
    : SHARD LP id_list_with_size RP
    | LP id_list_with_size { reportMissingParen(); }
    ;

id_list_with_size : id_with_size (COMMA id_with_size)* ;

id_with_size : id storage_size? ;

storage_size : LP INT RP ;

// Any order; the translator refuses an option given twice. A loop (not a choice among fixed
// orders) is what lets "USING TTL -1 DAYS" fail inside duration, as the real parser does.
table_options : (ttl_def | regions_def | frozen_def | json_collection_def)* ;

ttl_def : USING TTL duration ;

region_names : id_list ;

regions_def : IN REGIONS region_names ;

add_region_def : ADD REGIONS region_names ;

drop_region_def : DROP REGIONS region_names ;

frozen_def : WITH SCHEMA FROZEN FORCE? ;

json_collection_def : AS JSON COLLECTION ;

identity_def
    : GENERATED (ALWAYS | BY DEFAULT (ON NULL)?) AS IDENTITY (LP sequence_options+ RP)? ;

sequence_options
    : START WITH signed_int
    | INCREMENT BY signed_int
    | MAXVALUE signed_int
    | NO MAXVALUE
    | MINVALUE signed_int
    | NO MINVALUE
    | CACHE INT
    | NO CACHE
    | CYCLE
    | NO CYCLE
    ;

mr_counter_def : AS MR_COUNTER ;

uuid_def : AS UUID (GENERATED BY DEFAULT)? ;

// ================================================================ ALTER / DROP TABLE

alter_table_statement : ALTER TABLE table_name alter_def ;

alter_def
    : alter_field_statements
    | ttl_def
    | add_region_def
    | drop_region_def
    | freeze_def
    | unfreeze_def
    ;

freeze_def : FREEZE SCHEMA FORCE? ;

unfreeze_def : UNFREEZE SCHEMA ;

alter_field_statements
    : LP (add_field_statement | drop_field_statement | modify_field_statement)
      (COMMA (add_field_statement | drop_field_statement | modify_field_statement))*
      RP
    ;

add_field_statement
    : ADD schema_path type_def (default_def | identity_def | mr_counter_def | uuid_def | json_mrcounter_fields)?
      comment?
    ;

drop_field_statement : DROP schema_path ;

// Parsed so that the translator can say MODIFY is not supported.
modify_field_statement
    : MODIFY schema_path (type_def default_def? comment? | identity_def | uuid_def | DROP IDENTITY) ;

schema_path : init_schema_path_step (DOT schema_path_step)* ;

init_schema_path_step : id (LBRACK RBRACK)* ;

schema_path_step : id (LBRACK RBRACK)* | VALUES LP RP ;

drop_table_statement : DROP TABLE (IF EXISTS)? table_name ;

// ================================================================ indexes

create_index_statement
    : CREATE INDEX (IF NOT EXISTS)? index_name ON table_name
      ( LP index_field_list RP (WITH NO? NULLS)? (WITH UNIQUE KEYS PER ROW)?
      | LP index_field_list { reportMissingParen(); } )
      comment?
    ;

index_name : id ;

index_field_list : index_field (COMMA index_field)* ;

index_field : index_path path_type? | index_function ;

index_function : id LP index_path? path_type? index_function_args? RP ;

index_function_args : (COMMA const_expr)+ ;

// a.b | a[] / m.keys() / m.values() steps (multi-key) | elementof(a) | keyof(m) | keys(m)
index_path
    : name_path
    | multikey_path_prefix multikey_path_suffix?
    | ELEMENTOF LP name_path RP multikey_path_suffix?
    | KEYOF LP name_path RP
    | KEYS LP name_path RP
    ;

multikey_path_prefix
    : field_name (DOT field_name | DOT VALUES LP RP | LBRACK RBRACK)*
      (LBRACK RBRACK | DOT VALUES LP RP | DOT KEYS LP RP)
    ;

multikey_path_suffix : DOT name_path ;

path_type
    : AS ( INTEGER_T | LONG_T | DOUBLE_T | STRING_T | BOOLEAN_T | NUMBER_T | ANYATOMIC_T
         | GEOMETRY_T jsobject? | POINT_T )
    ;

create_text_index_statement
    : CREATE FULLTEXT INDEX (IF NOT EXISTS)? index_name ON table_name fts_field_list es_properties? OVERRIDE?
      comment?
    ;

fts_field_list
    : LP fts_path_list RP
    | LP fts_path_list { reportMissingParen(); }
    ;

fts_path_list : fts_path (COMMA fts_path)* ;

fts_path : index_path jsobject? ;

es_properties : es_property_assignment es_property_assignment* ;

es_property_assignment : ES_SHARDS EQ INT | ES_REPLICAS EQ INT ;

drop_index_statement : DROP INDEX (IF EXISTS)? index_name ON table_name OVERRIDE? ;

// ================================================================ DESCRIBE / SHOW

describe_statement
    : (DESCRIBE | DESC) (AS JSON)?
      ( TABLE table_name ( LP schema_path_list RP | LP schema_path_list { reportMissingParen(); } )?
      | INDEX index_name ON table_name )
    ;

schema_path_list : schema_path (COMMA schema_path)* ;

show_statement
    : SHOW (AS JSON)?
      ( TABLES
      | USERS
      | ROLES
      | USER identifier_or_string
      | ROLE id
      | INDEXES ON table_name
      | TABLE table_name
      | NAMESPACES
      | REGIONS )
    ;

// ================================================================ users, roles, privileges

create_user_statement : CREATE USER create_user_identified_clause account_lock? ADMIN? ;

create_role_statement : CREATE ROLE id ;

alter_user_statement
    : ALTER USER identifier_or_string reset_password_clause? CLEAR_RETAINED_PASSWORD? PASSWORD_EXPIRE?
      password_lifetime? account_lock?
    ;

drop_user_statement : DROP USER identifier_or_string CASCADE? ;

drop_role_statement : DROP ROLE id ;

grant_statement : GRANT (grant_roles | grant_system_privileges | grant_object_privileges) ;

revoke_statement : REVOKE (revoke_roles | revoke_system_privileges | revoke_object_privileges) ;

identifier_or_string : id | string ;

identified_clause : IDENTIFIED by_password ;

create_user_identified_clause
    : id identified_clause PASSWORD_EXPIRE? password_lifetime?
    | string IDENTIFIED_EXTERNALLY
    ;

by_password : BY string ;

password_lifetime : PASSWORD LIFETIME duration ;

reset_password_clause : identified_clause RETAIN_CURRENT_PASSWORD? ;

account_lock : ACCOUNT (LOCK | UNLOCK) ;

grant_roles : id_list TO principal ;

grant_system_privileges : sys_priv_list TO id ;

grant_object_privileges : obj_priv_list ON (object | NAMESPACE namespace) TO id ;

revoke_roles : id_list FROM principal ;

revoke_system_privileges : sys_priv_list FROM id ;

revoke_object_privileges : obj_priv_list ON (object | NAMESPACE namespace) FROM id ;

principal : USER identifier_or_string | ROLE id ;

sys_priv_list : priv_item (COMMA priv_item)* ;

priv_item : id | ALL_PRIVILEGES ;

obj_priv_list : (priv_item | ALL) (COMMA (priv_item | ALL))* ;

object : table_name ;

// ================================================================ literals

jsobject : LBRACE jspair (COMMA jspair)* RBRACE | LBRACE RBRACE ;

jsarray : LBRACK jsvalue (COMMA jsvalue)* RBRACK | LBRACK RBRACK ;

jspair : DSTRING COLON jsvalue ;

jsvalue : jsobject | jsarray | DSTRING | number | TRUE | FALSE | NULL ;

comment : COMMENT string ;

// SECONDS and MINUTES parse; the translator says which units a TTL takes.
duration : INT time_unit ;

time_unit : SECONDS | MINUTES | HOURS | DAYS ;

// A parser rule, so that "- 5" is a number too.
number : MINUS? (INT | FLOAT | NUMBER) ;

signed_int : (MINUS | PLUS)? INT ;

string : STRING | DSTRING ;

id_list : id (COMMA id)* ;

// The keywords that may be used as names. CASCADE, FORCE, JOIN, LEFT, NAMESPACE, ONLY, OUTER,
// UUID and the MAXVALUE/MINVALUE pair are not among them in the real parser.
id
    : ( ACCOUNT | ADD | ADMIN | ALL | ALTER | ALWAYS | ANCESTORS | AND | ANY_T | ANYATOMIC_T
      | ANYJSONATOMIC_T | ANYRECORD_T | ARRAY_COLLECT | AS | ASC | BEFORE | BETWEEN | BY | CACHE | CASE
      | CAST | COLLECTION | COMMENT | COUNT | CREATE | CYCLE | DAYS | DECLARE | DEFAULT | DELETE | DESC
      | DESCENDANTS | DESCRIBE | DISABLE | DISTINCT | DROP | ELEMENTOF | ELEMENTS | ELSE | ENABLE | END
      | ES_SHARDS | ES_REPLICAS | EXISTS | EXTRACT | FIELDS | FIRST | FREEZE | FROM | FROZEN | FULLTEXT
      | GENERATED | GRANT | GROUP | HOURS | IDENTIFIED | IDENTITY | IF | IMAGE | IN | INCREMENT | INDEX
      | INDEXES | INSERT | INTO | IS | JSON | KEY | KEYOF | KEYS | LIFETIME | LAST | LIMIT | LOCAL | LOCK
      | MERGE | MINUTES | MODIFY | MR_COUNTER | NAMESPACES | NESTED | NO | NOT | NULLS | OF | OFFSET
      | ON | OR | ORDER | OVERRIDE | PER | PASSWORD | PATCH | PRIMARY | PUT | RDIV | REGION | REGIONS
      | REMOVE | RETURNING | ROW | ROLE | ROLES | REVOKE | SCHEMA | SECONDS | SELECT | SEQ_TRANSFORM
      | SET | SHARD | SHOW | START | TABLE | TABLES | THEN | TO | TTL | TYPE | UNFREEZE | UNLOCK
      | UNIQUE | UNNEST | UPDATE | UPSERT | USER | USERS | USING | VALUES | WHEN | WHERE | WITH
      | ARRAY_T | BINARY_T | BOOLEAN_T | DOUBLE_T | ENUM_T | FLOAT_T | GEOMETRY_T | LONG_T
      | INTEGER_T | MAP_T | NUMBER_T | POINT_T | RECORD_T | STRING_T | TIMESTAMP_T | SCALAR_T
      | ID )
    | BAD_ID { reportBadIdentifier($BAD_ID); }
    ;

// ================================================================ lexer
// Declaration order is token order, which is the order of an error's "expecting {...}" set.

HINT_START : '/*+' ;
HINT_END : '*/' ;
AT : '@' ;

VARNAME : '$' ALPHA (ALPHA | DIGIT | '_')* ;

ACCOUNT : A C C O U N T ;
ADD : A D D ;
ADMIN : A D M I N ;
ALL : A L L ;
ALTER : A L T E R ;
ALWAYS : A L W A Y S ;
ANCESTORS : A N C E S T O R S ;
AND : A N D ;
AS : A S ;
ASC : A S C ;
// Lower case only, as in the real parser (so 'count' and 'COUNT' differ).
ARRAY_COLLECT : 'array_collect' ;
BEFORE : B E F O R E ;
BETWEEN : B E T W E E N ;
BY : B Y ;
CACHE : C A C H E ;
CASE : C A S E ;
CASCADE : C A S C A D E ;
CAST : C A S T ;
COLLECTION : C O L L E C T I O N ;
COMMENT : C O M M E N T ;
COUNT : 'count' ;
CREATE : C R E A T E ;
CYCLE : C Y C L E ;
DAYS : D | D A Y S ;
DECLARE : D E C L A R E ;
DEFAULT : D E F A U L T ;
DELETE : D E L E T E ;
DESC : D E S C ;
DESCENDANTS : D E S C E N D A N T S ;
DESCRIBE : D E S C R I B E ;
DISABLE : D I S A B L E ;
DISTINCT : D I S T I N C T ;
DROP : D R O P ;
ELEMENTOF : E L E M E N T O F ;
ELEMENTS : E L E M E N T S ;
ELSE : E L S E ;
ENABLE : E N A B L E ;
END : E N D ;
ES_SHARDS : E S '_' S H A R D S ;
ES_REPLICAS : E S '_' R E P L I C A S ;
EXISTS : E X I S T S ;
EXTRACT : E X T R A C T ;
FIELDS : F I E L D S ;
FIRST : F I R S T ;
FORCE : F O R C E ;
FORCE_INDEX : F O R C E '_' I N D E X ;
FORCE_PRIMARY_INDEX : F O R C E '_' P R I M A R Y '_' I N D E X ;
FREEZE : F R E E Z E ;
FROM : F R O M ;
FROZEN : F R O Z E N ;
FULLTEXT : F U L L T E X T ;
GENERATED : G E N E R A T E D ;
GRANT : G R A N T ;
GROUP : G R O U P ;
HOURS : H | H O U R S ;
IDENTIFIED : I D E N T I F I E D ;
IDENTITY : I D E N T I T Y ;
IF : I F ;
IMAGE : I M A G E ;
IN : I N ;
INCREMENT : I N C R E M E N T ;
INDEX : I N D E X ;
INDEXES : I N D E X E S ;
INSERT : I N S E R T ;
INTO : I N T O ;
IS : I S ;
JSON : J S O N ;
JOIN : J O I N ;
KEY : K E Y ;
KEYOF : K E Y O F ;
KEYS : K E Y S ;
LAST : L A S T ;
LEFT : L E F T ;
LIFETIME : L I F E T I M E ;
LIMIT : L I M I T ;
LOCAL : L O C A L ;
LOCK : L O C K ;
MAXVALUE : M A X V A L U E ;
MERGE : M E R G E ;
MINUTES : M | M I N U T E S ;
MINVALUE : M I N V A L U E ;
MODIFY : M O D I F Y ;
MR_COUNTER : M R '_' C O U N T E R ;
NAMESPACE : N A M E S P A C E ;
NAMESPACES : N A M E S P A C E S ;
NESTED : N E S T E D ;
NO : N O ;
NOT : N O T ;
NULLS : N U L L S ;
OFFSET : O F F S E T ;
OF : O F ;
ON : O N ;
ONLY : O N L Y ;
OR : O R ;
ORDER : O R D E R ;
OUTER : O U T E R ;
OVERRIDE : O V E R R I D E ;
PASSWORD : P A S S W O R D ;
PATCH : P A T C H ;
PER : P E R ;
PREFER_INDEXES : P R E F E R '_' I N D E X E S ;
PREFER_PRIMARY_INDEX : P R E F E R '_' P R I M A R Y '_' I N D E X ;
PRIMARY : P R I M A R Y ;
PUT : P U T ;
REGION : R E G I O N ;
REGIONS : R E G I O N S ;
REMOVE : R E M O V E ;
RETURNING : R E T U R N I N G ;
REVOKE : R E V O K E ;
ROLE : R O L E ;
ROLES : R O L E S ;
ROW : R O W ;
SCHEMA : S C H E M A ;
SECONDS : S | S E C O N D S ;
SELECT : S E L E C T ;
SEQ_TRANSFORM : 'seq_transform' ;
SET : S E T ;
SHARD : S H A R D ;
SHOW : S H O W ;
START : S T A R T ;
TABLE : T A B L E ;
TABLES : T A B L E S ;
THEN : T H E N ;
TO : T O ;
TTL : T T L ;
TYPE : T Y P E ;
UNFREEZE : U N F R E E Z E ;
UNLOCK : U N L O C K ;
UPDATE : U P D A T E ;
UPSERT : U P S E R T ;
USER : U S E R ;
USERS : U S E R S ;
USING : U S I N G ;
VALUES : V A L U E S ;
WHEN : W H E N ;
WHERE : W H E R E ;
WITH : W I T H ;
UNIQUE : U N I Q U E ;
UNNEST : U N N E S T ;
UUID : U U I D ;

// Keywords made of several words, separated by any white space.
ALL_PRIVILEGES : A L L WS_CHAR+ P R I V I L E G E S ;
IDENTIFIED_EXTERNALLY : I D E N T I F I E D WS_CHAR+ E X T E R N A L L Y ;
PASSWORD_EXPIRE : P A S S W O R D WS_CHAR+ E X P I R E ;
RETAIN_CURRENT_PASSWORD : R E T A I N WS_CHAR+ C U R R E N T WS_CHAR+ P A S S W O R D ;
CLEAR_RETAINED_PASSWORD : C L E A R WS_CHAR+ R E T A I N E D WS_CHAR+ P A S S W O R D ;
LEFT_OUTER_JOIN : L E F T WS_CHAR+ O U T E R WS_CHAR+ J O I N ;

ARRAY_T : A R R A Y ;
BINARY_T : B I N A R Y ;
BOOLEAN_T : B O O L E A N ;
DOUBLE_T : D O U B L E ;
ENUM_T : E N U M ;
FLOAT_T : F L O A T ;
GEOMETRY_T : G E O M E T R Y ;
INTEGER_T : I N T E G E R ;
LONG_T : L O N G ;
MAP_T : M A P ;
NUMBER_T : N U M B E R ;
POINT_T : P O I N T ;
RECORD_T : R E C O R D ;
STRING_T : S T R I N G ;
TIMESTAMP_T : T I M E S T A M P ;
ANY_T : A N Y ;
ANYATOMIC_T : A N Y A T O M I C ;
ANYJSONATOMIC_T : A N Y J S O N A T O M I C ;
ANYRECORD_T : A N Y R E C O R D ;
SCALAR_T : S C A L A R ;

SEMI : ';' ;
COMMA : ',' ;
COLON : ':' ;
LP : '(' ;
RP : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
STAR : '*' ;
DOT : '.' ;
DOLLAR : '$' ;
QUESTION_MARK : '?' ;

LT : '<' ;
LTE : '<=' ;
GT : '>' ;
GTE : '>=' ;
EQ : '=' ;
NEQ : '!=' ;

// Quantified comparisons are single tokens: "=any", not "= any".
LT_ANY : '<' A N Y ;
LTE_ANY : '<=' A N Y ;
GT_ANY : '>' A N Y ;
GTE_ANY : '>=' A N Y ;
EQ_ANY : '=' A N Y ;
NEQ_ANY : '!=' A N Y ;

PLUS : '+' ;
MINUS : '-' ;
IDIV : '/' ;
RDIV : D I V ;
CONCAT : '||' ;

NULL : N U L L ;
FALSE : F A L S E ;
TRUE : T R U E ;

INT : DIGIT+ ;
FLOAT : DIGIT* '.' DIGIT+ (E [+-]? DIGIT+)? | DIGIT+ E [+-]? DIGIT+ ;
NUMBER : (INT | FLOAT) N ;

// No '' escape: the first closing quote ends a string.
DSTRING : '"' (DSTRING_ESCAPE | .)*? '"' ;
STRING : '\'' (STRING_ESCAPE | .)*? '\'' ;

SYSDOLAR : 'SYS$' ;

ID : ALPHA (ALPHA | DIGIT | '_')* ;

// Caught so that the parser can say what is wrong with it.
BAD_ID : (DIGIT | '_') (ALPHA | DIGIT | '_')* ;

WS : WS_CHAR+ -> skip ;

C_COMMENT : '/*' ~[+] .*? '*/' -> skip ;
LINE_COMMENT : '//' ~[\r\n]* -> skip ;
LINE_COMMENT1 : '#' ~[\r\n]* -> skip ;

// Anything else reaches the parser, which reports it in its own words.
UnrecognizedToken : . ;

fragment WS_CHAR : [ \t\r\n] ;
fragment ALPHA : [a-zA-Z] ;
fragment DIGIT : [0-9] ;
fragment HEX : [0-9a-fA-F] ;
fragment UNICODE_ESCAPE : 'u' HEX HEX HEX HEX ;
fragment DSTRING_ESCAPE : '\\' ([\\/"bfnrt] | UNICODE_ESCAPE) ;
fragment STRING_ESCAPE : '\\' ([\\/'bfnrt] | UNICODE_ESCAPE) ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ; fragment E : [eE] ;
fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ; fragment I : [iI] ; fragment J : [jJ] ;
fragment K : [kK] ; fragment L : [lL] ; fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ;
fragment P : [pP] ; fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ; fragment Y : [yY] ;
fragment Z : [zZ] ;
