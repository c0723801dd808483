// The SQL subset of the reference region: table DDL, system statements, queries and DML.
grammar Sql;

options { caseInsensitive = true; }


statement : (ddl | systemStatement | query) SEMI? EOF ;

// ---------------------------------------------------------------- table DDL

ddl
    : createTable
    | dropTable
    | alterTable
    | createIndex
    | dropIndex
    ;

createTable
    : CREATE TABLE (IF NOT EXISTS)? tableName
      LP columnDef (COMMA columnDef)* COMMA primaryKey (COMMA columnDef)* RP
      ttlClause? regionsClause?
    ;

columnDef : name typeDef columnOption* ;

columnOption
    : NOT NULL                     # notNullOption
    | DEFAULT literal              # defaultOption
    | AS MR_COUNTER                # counterOption
    ;

typeDef
    : INTEGER                                       # integerType
    | LONG                                          # longType
    | FLOAT                                         # floatType
    | DOUBLE                                        # doubleType
    | NUMBER                                        # numberType
    | STRING                                        # stringType
    | BOOLEAN                                       # booleanType
    | BINARY (LP INT RP)?                           # binaryType
    | TIMESTAMP (LP INT RP)?                        # timestampType
    | JSON (LP jsonCounter (COMMA jsonCounter)* RP)? # jsonType
    | ARRAY LP typeDef RP                           # arrayType
    | MAP LP typeDef RP                             # mapType
    | RECORD LP recordField (COMMA recordField)* RP # recordType
    ;

jsonCounter : name (DOT name)* AS (INTEGER | LONG | NUMBER) MR_COUNTER ;

recordField : name typeDef columnOption* ;

primaryKey
    : PRIMARY KEY LP SHARD LP nameList RP (COMMA nameList)? RP
    | PRIMARY KEY LP nameList RP
    ;

ttlClause : USING TTL INT (HOURS | DAYS) ;

regionsClause : IN REGIONS nameList ;

dropTable : DROP TABLE (IF EXISTS)? tableName ;

alterTable
    : ALTER TABLE tableName LP alterField (COMMA alterField)* RP   # alterFields
    | ALTER TABLE tableName ttlClause                              # alterTtl
    | ALTER TABLE tableName ADD REGIONS nameList                   # alterAddRegions
    | ALTER TABLE tableName DROP REGIONS nameList                  # alterDropRegions
    ;

alterField
    : ADD name typeDef columnOption*   # addField
    | DROP name                        # dropField
    ;

createIndex
    : CREATE INDEX (IF NOT EXISTS)? name ON tableName LP indexField (COMMA indexField)* RP ;

indexField : indexPath (AS typeDef)? ;

indexPath : name (DOT name | LB RB)* ;

dropIndex : DROP INDEX (IF EXISTS)? name ON tableName ;

// ---------------------------------------------------------------- system statements

systemStatement
    : SET LOCAL REGION name                                  # setLocalRegion
    | CREATE REGION name                                     # createRegion
    | DROP REGION name                                       # dropRegion
    | CREATE NAMESPACE (IF NOT EXISTS)? name                 # createNamespace
    | DROP NAMESPACE (IF EXISTS)? name CASCADE?              # dropNamespace
    | SHOW (AS JSON)? REGIONS                                # showRegions
    | SHOW (AS JSON)? NAMESPACES                             # showNamespaces
    | SHOW (AS JSON)? TABLES                                 # showTables
    | (SHOW | DESCRIBE | DESC) (AS JSON)? TABLE tableName    # showTable
    ;

// ---------------------------------------------------------------- queries and DML

query : declare? (select | insert | update | delete) ;

declare : DECLARE (VAR typeDef SEMI)+ ;

select
    : SELECT selectList FROM tableName tableAlias?
      (WHERE expr)?
      (GROUP BY expr (COMMA expr)*)?
      (ORDER BY orderItem (COMMA orderItem)*)?
      (LIMIT expr)?
      (OFFSET expr)?
    ;

selectList
    : STAR                                      # selectStar
    | selectItem (COMMA selectItem)*            # selectItems
    ;

selectItem : expr (AS name | ID | BQ_ID)? ;

orderItem : expr (ASC | DESC)? (NULLS (FIRST | LAST))? ;

// A bare alias is a plain identifier so that keywords (SET, WHERE...) end the table name.
tableAlias : AS (VAR | name) | VAR | ID | BQ_ID ;

insert
    : (INSERT | UPSERT) INTO tableName tableAlias?
      (LP name (COMMA name)* RP)?
      VALUES LP insertValue (COMMA insertValue)* RP
      (SET TTL ttlValue)?
      returning?
    ;

insertValue : DEFAULT | expr ;

ttlValue
    : addExpr (HOURS | DAYS)     # ttlAmount
    | USING TABLE DEFAULT        # ttlTableDefault
    ;

update
    : UPDATE tableName tableAlias? updateOp (COMMA? updateOp)* (WHERE expr)? returning? ;

updateOp
    : SET TTL ttlValue                     # setTtlOp
    | SET? pathExpr EQ expr                # setOp
    | ADD pathExpr addExpr addExpr?        # addOp
    | PUT pathExpr addExpr                 # putOp
    | REMOVE pathExpr                      # removeOp
    ;

delete : DELETE FROM tableName tableAlias? (WHERE expr)? returning? ;

returning
    : RETURNING STAR                               # returnStar
    | RETURNING selectItem (COMMA selectItem)*     # returnItems
    ;

// ---------------------------------------------------------------- expressions

expr : orExpr ;

orExpr : andExpr (OR andExpr)* ;

andExpr : notExpr (AND notExpr)* ;

notExpr : NOT notExpr | condExpr ;

condExpr
    : EXISTS addExpr                                     # existsCond
    | addExpr compOp addExpr                             # compareCond
    | addExpr IS NOT? NULL                               # isNullCond
    | addExpr NOT? IN LP expr (COMMA expr)* RP           # inCond
    | addExpr                                            # plainCond
    ;

compOp : EQ | NEQ | LT | LE | GT | GE ;

addExpr : mulExpr ((PLUS | MINUS) mulExpr)* ;

mulExpr : unaryExpr ((STAR | SLASH) unaryExpr)* ;

unaryExpr : (MINUS | PLUS) unaryExpr | pathExpr ;

pathExpr : primary step* ;

step
    : DOT name          # fieldStep
    | DOT STR           # quotedFieldStep
    | LB expr RB        # indexStep
    | LB RB             # unnestStep
    ;

primary
    : literal                                                   # literalPrimary
    | VAR                                                       # varPrimary
    | QMARK                                                     # positionalPrimary
    | name LP STAR RP                                           # countStarPrimary
    | name LP (DISTINCT? expr (COMMA expr)*)? RP                # callPrimary
    | name                                                      # namePrimary
    | LP expr RP                                                # parenPrimary
    | LC (mapEntry (COMMA mapEntry)*)? RC                       # mapPrimary
    | LB (expr (COMMA expr)*)? RB                               # arrayPrimary
    ;

mapEntry : (STR | name) COLON expr ;

literal
    : INT          # intLiteral
    | DEC          # decLiteral
    | STR          # stringLiteral
    | TRUE         # trueLiteral
    | FALSE        # falseLiteral
    | NULL         # nullLiteral
    | MINUS (INT | DEC) # negativeLiteral
    ;

tableName : (name COLON)? name (DOT name)* ;

nameList : name (COMMA name)* ;

// Keywords double as identifiers wherever a name is expected (columns named "type", "key"...).
name
    : ID | BQ_ID
    | ADD | ALTER | ARRAY | AS | ASC | BINARY | BOOLEAN | BY | CASCADE | DAYS
    | DECLARE | DEFAULT | DESC | DESCRIBE | DISTINCT | DOUBLE | DROP | FIRST | FLOAT | GROUP | HOURS
    | INDEX | INTEGER | INTO | JSON | KEY | LAST | LIMIT | LOCAL | LONG | MAP | MR_COUNTER
    | NAMESPACE | NAMESPACES | NULLS | NUMBER | OFFSET | ON | ORDER | PRIMARY | PUT | RECORD
    | REGION | REGIONS | REMOVE | RETURNING | SET | SHARD | SHOW | STRING | TABLE | TABLES
    | TIMESTAMP | TTL | UPSERT | USING | VALUES | IF | CREATE | INSERT | UPDATE | DELETE
    | SELECT | FROM | WHERE
    ;

// ---------------------------------------------------------------- lexer

ADD : 'ADD' ; ALTER : 'ALTER' ; AND : 'AND' ; ARRAY : 'ARRAY' ; AS : 'AS' ; ASC : 'ASC' ;
BINARY : 'BINARY' ; BOOLEAN : 'BOOLEAN' ; BY : 'BY' ; CASCADE : 'CASCADE' ;
CREATE : 'CREATE' ; DAYS : 'DAYS' | 'DAY' ; DECLARE : 'DECLARE' ; DEFAULT : 'DEFAULT' ;
DELETE : 'DELETE' ; DESC : 'DESC' ; DESCRIBE : 'DESCRIBE' ; DISTINCT : 'DISTINCT' ;
DOUBLE : 'DOUBLE' ; DROP : 'DROP' ; EXISTS : 'EXISTS' ; FALSE : 'FALSE' ; FIRST : 'FIRST' ;
FLOAT : 'FLOAT' ; FROM : 'FROM' ; GROUP : 'GROUP' ; HOURS : 'HOURS' | 'HOUR' ; IF : 'IF' ;
IN : 'IN' ; INDEX : 'INDEX' ; INSERT : 'INSERT' ; INTEGER : 'INTEGER' ; INTO : 'INTO' ;
IS : 'IS' ; JSON : 'JSON' ; KEY : 'KEY' ; LAST : 'LAST' ; LIMIT : 'LIMIT' ; LOCAL : 'LOCAL' ;
LONG : 'LONG' ; MAP : 'MAP' ; MR_COUNTER : 'MR_COUNTER' ; NAMESPACE : 'NAMESPACE' ;
NAMESPACES : 'NAMESPACES' ; NOT : 'NOT' ; NULL : 'NULL' ; NULLS : 'NULLS' ; NUMBER : 'NUMBER' ;
OFFSET : 'OFFSET' ; ON : 'ON' ; OR : 'OR' ; ORDER : 'ORDER' ; PRIMARY : 'PRIMARY' ; PUT : 'PUT' ;
RECORD : 'RECORD' ; REGION : 'REGION' ; REGIONS : 'REGIONS' ; REMOVE : 'REMOVE' ;
RETURNING : 'RETURNING' ; SELECT : 'SELECT' ; SET : 'SET' ; SHARD : 'SHARD' ; SHOW : 'SHOW' ;
STRING : 'STRING' ; TABLE : 'TABLE' ; TABLES : 'TABLES' ; TIMESTAMP : 'TIMESTAMP' ;
TRUE : 'TRUE' ; TTL : 'TTL' ; UPDATE : 'UPDATE' ; UPSERT : 'UPSERT' ; USING : 'USING' ;
VALUES : 'VALUES' ; WHERE : 'WHERE' ;

EQ : '=' ; NEQ : '!=' | '<>' ; LE : '<=' ; GE : '>=' ; LT : '<' ; GT : '>' ;
PLUS : '+' ; MINUS : '-' ; STAR : '*' ; SLASH : '/' ;
LP : '(' ; RP : ')' ; LB : '[' ; RB : ']' ; LC : '{' ; RC : '}' ;
COMMA : ',' ; DOT : '.' ; SEMI : ';' ; COLON : ':' ; QMARK : '?' ;

INT : [0-9]+ ;
DEC : [0-9]+ '.' [0-9]* EXP? | '.' [0-9]+ EXP? | [0-9]+ EXP ;
fragment EXP : 'E' [+-]? [0-9]+ ;

STR : '"' ( '\\' . | ~["\\] )* '"' | '\'' ( '\\' . | '\'\'' | ~['\\] )* '\'' ;

VAR : '$' [A-Z_0-9]* ;
ID : [A-Z_] [A-Z_0-9]* ;
BQ_ID : '`' ~'`'+ '`' ;

LINE_COMMENT : ('--' | '//') ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS : [ \t\r\n]+ -> skip ;
