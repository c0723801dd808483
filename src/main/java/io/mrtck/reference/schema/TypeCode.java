package io.mrtck.reference.schema;

/** The column types of the DDL subset. */
public enum TypeCode {
    INTEGER, LONG, FLOAT, DOUBLE, NUMBER, STRING, BOOLEAN, BINARY, FIXED_BINARY, ENUM, TIMESTAMP,
    JSON, ARRAY, MAP, RECORD;

    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == FLOAT || this == DOUBLE || this == NUMBER;
    }

    /** Types a primary-key column may have. */
    public boolean isKeyable() {
        return isNumeric() || this == STRING || this == TIMESTAMP || this == BOOLEAN || this == ENUM;
    }
}
