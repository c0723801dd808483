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
 */
public record FieldDef(String name, FieldType type, boolean nullable, FieldValue defaultValue,
                       boolean mrCounter) {

    public boolean nameIs(String other) {
        return name.equalsIgnoreCase(other);
    }
}
