package io.mrtck.backup;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A TTL reference date as the Migrator's {@code ttlRelativeDate} and kvtool's {@code ttl-relative-date} give it: {@code yyyy-MM-dd HH:mm:ss}, UTC. */
public final class RelativeDate {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RelativeDate() {
    }

    /** Milliseconds since the epoch; {@code what} names the setting in the error. */
    public static long parse(String text, String what) {
        try {
            return LocalDateTime.parse(text.strip(), FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new BackupException(what + " \"" + text + "\" is not a date as yyyy-MM-dd HH:mm:ss (UTC)");
        }
    }
}
