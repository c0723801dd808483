package io.mrtck.model;

/**
 * A region that shows a row otherwise than the model predicts: which region, table and key,
 * which field (presence, value, a counter, modification time, expiration time), what the model
 * expected and what the region showed.
 */
public record Disagreement(String region, String table, String key, String field, String expected, String shown) {
    @Override
    public String toString() {
        return region + " " + table + " " + key + ": " + field + " expected " + expected + " but the region shows " + shown;
    }
}
