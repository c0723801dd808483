package io.mrtck.reference.schema;

import oracle.nosql.driver.values.FieldValue;

/**
 * A column (or a RECORD field).
 *
 * @param name         as declared (names compare case-insensitively)
 * @param type         its type
 * @param nullable     false for NOT NULL and for primary-key columns
 * @param defaultValue the DEFAULT value, already of the column's type; null if none
 * @param mrCounter    declared {@code AS MR_COUNTER} (INTEGER, LONG or NUMBER only)
 * @param comment      the {@code COMMENT} given in the DDL, or null
 */
public record FieldDef(String name, FieldType type, boolean nullable, FieldValue defaultValue,
                       boolean mrCounter, String comment) {

    public FieldDef(String name, FieldType type, boolean nullable, FieldValue defaultValue, boolean mrCounter) {
        this(name, type, nullable, defaultValue, mrCounter, null);
    }

    /** This field, not nullable (a primary-key or identity column). */
    public FieldDef notNull() {
        return new FieldDef(name, type, false, defaultValue, mrCounter, comment);
    }

    public FieldDef withComment(String text) {
        return new FieldDef(name, type, nullable, defaultValue, mrCounter, text);
    }

    public FieldDef withType(FieldType newType) {
        return new FieldDef(name, newType, nullable, defaultValue, mrCounter, comment);
    }

    public boolean nameIs(String other) {
        return name.equalsIgnoreCase(other);
    }
}
