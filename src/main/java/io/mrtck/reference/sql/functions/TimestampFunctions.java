package io.mrtck.reference.sql.functions;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.expr.Casting;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * The timestamp functions, in UTC: the extraction functions (year ... nanosecond, week, isoweek,
 * quarter, day_of_week, day_of_month, day_of_year, also reached through EXTRACT), current_time,
 * timestamp arithmetic (timestamp_add, timestamp_diff, get_duration), rounding
 * (timestamp_trunc/floor/ceil/round), formatting and parsing. A timestamp argument may be a
 * timestamp or a string in ISO-8601; nothing gives nothing, SQL NULL gives NULL.
 */
final class TimestampFunctions {
    private static final SeqType INTEGER_Q = SeqType.optional(SqlType.INTEGER);
    private static final Set<String> EXTRACTIONS = Set.of("year", "month", "day", "hour", "minute", "second",
        "millisecond", "microsecond", "nanosecond", "week", "isoweek", "quarter", "day_of_week", "day_of_month",
        "day_of_year");
    private static final Pattern DURATION_PART = Pattern.compile("\\s*([+-]?\\d+)\\s*([a-zA-Z]+)");

    private TimestampFunctions() {
    }

    static boolean isExtraction(String unit) {
        return EXTRACTIONS.contains(unit);
    }

    static void register() {
        extraction("year", LocalDateTime::getYear);
        extraction("month", LocalDateTime::getMonthValue);
        extraction("day", LocalDateTime::getDayOfMonth);
        extraction("day_of_month", LocalDateTime::getDayOfMonth);
        extraction("hour", LocalDateTime::getHour);
        extraction("minute", LocalDateTime::getMinute);
        extraction("second", LocalDateTime::getSecond);
        extraction("millisecond", t -> t.getNano() / 1_000_000);
        extraction("microsecond", t -> t.getNano() / 1_000);
        extraction("nanosecond", LocalDateTime::getNano);
        extraction("quarter", t -> (t.getMonthValue() - 1) / 3 + 1);
        extraction("day_of_week", t -> t.getDayOfWeek().getValue());
        extraction("day_of_year", LocalDateTime::getDayOfYear);
        extraction("isoweek", t -> t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        // Weeks start on Sunday; week 1 is the one that holds January 1.
        extraction("week", t -> {
            int jan1 = LocalDate.of(t.getYear(), 1, 1).getDayOfWeek().getValue() % 7;
            return (t.getDayOfYear() - 1 + jan1) / 7 + 1;
        });
        BuiltIn.register("current_time", 0, 0, SeqType.one(SqlType.TIMESTAMP3),
            (args, call) -> BuiltIn.one(new TimestampValue(call.ctx().now())));
        BuiltIn.register("current_time_millis", 0, 0, SeqType.one(SqlType.LONG),
            (args, call) -> BuiltIn.one(new LongValue(call.ctx().now())));
        BuiltIn.register("timestamp_add", 2, 2, SeqType.optional(SqlType.TIMESTAMP9), TimestampFunctions::add);
        BuiltIn.register("timestamp_diff", 2, 2, SeqType.optional(SqlType.LONG), (args, call) -> {
            Timestamp a = timestamp(args.get(0), call, 0);
            Timestamp b = timestamp(args.get(1), call, 1);
            if (a == null || b == null) {
                return nothingOrNull(args);
            }
            return BuiltIn.one(new LongValue(a.getTime() - b.getTime()));
        });
        BuiltIn.register("get_duration", 1, 1, SeqType.optional(SqlType.STRING), (args, call) -> {
            if (args.get(0).isEmpty()) {
                return List.of();
            }
            FieldValue v = args.get(0).get(0);
            if (!v.isInteger() && !v.isLong()) {
                return BuiltIn.sqlNull();
            }
            return BuiltIn.one(new StringValue(duration(v.getLong())));
        });
        for (String mode : List.of("trunc", "floor", "ceil", "round")) {
            BuiltIn.register("timestamp_" + mode, 1, 2, SeqType.optional(SqlType.TIMESTAMP9),
                (args, call) -> round(args, call, mode));
        }
        BuiltIn.register("to_last_day_of_month", 1, 1, SeqType.optional(SqlType.TIMESTAMP9), (args, call) -> {
            Timestamp t = timestamp(args.get(0), call, 0);
            if (t == null) {
                return nothingOrNull(args);
            }
            LocalDate last = utc(t).toLocalDate().with(TemporalAdjusters.lastDayOfMonth());
            return BuiltIn.one(new TimestampValue(Timestamp.from(last.atStartOfDay(ZoneOffset.UTC).toInstant())));
        });
        BuiltIn.register("format_timestamp", 1, 3, SeqType.optional(SqlType.STRING), TimestampFunctions::format);
        BuiltIn.register("parse_to_timestamp", 1, 2, SeqType.optional(SqlType.TIMESTAMP9), TimestampFunctions::parse);
    }

    private static void extraction(String name, ToIntFunction<LocalDateTime> f) {
        BuiltIn.register(name, 1, 1, INTEGER_Q, (args, call) -> {
            Timestamp t = timestamp(args.get(0), call, 0);
            if (t == null) {
                return nothingOrNull(args);
            }
            return BuiltIn.one(new IntegerValue(f.applyAsInt(utc(t))));
        });
    }

    private static List<FieldValue> nothingOrNull(List<List<FieldValue>> args) {
        for (List<FieldValue> a : args) {
            if (a.isEmpty()) {
                return List.of();
            }
        }
        return BuiltIn.sqlNull();
    }

    /** The timestamp an argument returns, or null when it returns nothing or NULL. */
    private static Timestamp timestamp(List<FieldValue> v, BuiltIn.Call call, int i) {
        if (v.isEmpty() || v.get(0).isNull() || v.get(0).isJsonNull()) {
            return null;
        }
        FieldValue t = v.get(0);
        if (!t.isTimestamp()) {
            t = Casting.cast(t, call.argType(i), SqlType.TIMESTAMP9, call.args().get(i).at());
        }
        return t.getTimestamp();
    }

    static LocalDateTime utc(Timestamp t) {
        return LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    }

    private static Timestamp fromUtc(LocalDateTime t) {
        return Timestamp.from(t.toInstant(ZoneOffset.UTC));
    }

    /** timestamp_add(ts, '1 day'): calendar arithmetic for years and months, exact for the smaller units. */
    private static List<FieldValue> add(List<List<FieldValue>> args, BuiltIn.Call call) {
        Timestamp t = timestamp(args.get(0), call, 0);
        if (t == null || args.get(1).isEmpty() || args.get(1).get(0).isNull()) {
            return nothingOrNull(args);
        }
        String text = Casting.asString(args.get(1).get(0), call.argType(1));
        LocalDateTime r = utc(t);
        Matcher m = DURATION_PART.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            r = r.plus(n, unit(m.group(2), text));
            end = m.end();
        }
        if (end == 0 || !text.substring(end).isBlank()) {
            throw RequestException.illegalArgument("Invalid duration string: " + text);
        }
        return BuiltIn.one(new TimestampValue(fromUtc(r)));
    }

    private static ChronoUnit unit(String word, String text) {
        String u = word.toLowerCase(Locale.ROOT);
        if (u.endsWith("s")) {
            u = u.substring(0, u.length() - 1);
        }
        return switch (u) {
            case "year" -> ChronoUnit.YEARS;
            case "month" -> ChronoUnit.MONTHS;
            case "week" -> ChronoUnit.WEEKS;
            case "day" -> ChronoUnit.DAYS;
            case "hour" -> ChronoUnit.HOURS;
            case "minute" -> ChronoUnit.MINUTES;
            case "second" -> ChronoUnit.SECONDS;
            case "millisecond" -> ChronoUnit.MILLIS;
            case "microsecond" -> ChronoUnit.MICROS;
            case "nanosecond" -> ChronoUnit.NANOS;
            default -> throw RequestException.illegalArgument("Invalid duration string: " + text);
        };
    }

    /** A duration in milliseconds as "2 days 3 hours 10 minutes 5 seconds 120 milliseconds". */
    private static String duration(long millis) {
        if (millis == 0) {
            return "0 milliseconds";
        }
        StringBuilder sb = new StringBuilder();
        if (millis < 0) {
            sb.append('-');
            millis = -millis;
        }
        Duration d = Duration.ofMillis(millis);
        long[] parts = {d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart(), d.toMillisPart()};
        String[] names = {"day", "hour", "minute", "second", "millisecond"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                if (sb.length() > 1 || sb.length() == 1 && sb.charAt(0) != '-') {
                    sb.append(' ');
                }
                sb.append(parts[i]).append(' ').append(names[i]).append(parts[i] == 1 ? "" : "s");
            }
        }
        return sb.toString();
    }

    private static List<FieldValue> round(List<List<FieldValue>> args, BuiltIn.Call call, String mode) {
        Timestamp t = timestamp(args.get(0), call, 0);
        if (t == null) {
            return nothingOrNull(args);
        }
        String unit = "day";
        if (args.size() > 1) {
            if (args.get(1).isEmpty() || args.get(1).get(0).isNull()) {
                return nothingOrNull(args);
            }
            unit = Casting.asString(args.get(1).get(0), call.argType(1)).toLowerCase(Locale.ROOT);
        }
        LocalDateTime x = utc(t);
        LocalDateTime floor = truncate(x, unit);
        LocalDateTime result = switch (mode) {
            case "trunc", "floor" -> floor;
            case "ceil" -> floor.equals(x) ? floor : next(floor, unit);
            default -> {
                LocalDateTime up = next(floor, unit);
                yield Duration.between(floor, x).compareTo(Duration.between(x, up)) < 0 ? floor : up;
            }
        };
        return BuiltIn.one(new TimestampValue(fromUtc(result)));
    }

    private static LocalDateTime truncate(LocalDateTime x, String unit) {
        return switch (unit) {
            case "year" -> x.toLocalDate().withDayOfYear(1).atStartOfDay();
            case "iyear" -> x.toLocalDate().with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, 1).with(DayOfWeek.MONDAY)
                .atStartOfDay();
            case "quarter" -> x.toLocalDate().withDayOfMonth(1).withMonth((x.getMonthValue() - 1) / 3 * 3 + 1)
                .atStartOfDay();
            case "month" -> x.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "week" -> x.toLocalDate().minusDays((x.getDayOfYear() - 1) % 7).atStartOfDay();
            case "iweek" -> x.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay();
            case "day" -> x.truncatedTo(ChronoUnit.DAYS);
            case "hour" -> x.truncatedTo(ChronoUnit.HOURS);
            case "minute" -> x.truncatedTo(ChronoUnit.MINUTES);
            case "second" -> x.truncatedTo(ChronoUnit.SECONDS);
            default -> throw RequestException.illegalArgument("Invalid unit: " + unit);
        };
    }

    private static LocalDateTime next(LocalDateTime floor, String unit) {
        return switch (unit) {
            case "year", "iyear" -> floor.plusYears(1);
            case "quarter" -> floor.plusMonths(3);
            case "month" -> floor.plusMonths(1);
            case "week", "iweek" -> floor.plusWeeks(1);
            case "day" -> floor.plusDays(1);
            case "hour" -> floor.plusHours(1);
            case "minute" -> floor.plusMinutes(1);
            default -> floor.plusSeconds(1);
        };
    }

    private static List<FieldValue> format(List<List<FieldValue>> args, BuiltIn.Call call) {
        Timestamp t = timestamp(args.get(0), call, 0);
        if (t == null) {
            return nothingOrNull(args);
        }
        if (args.size() == 1) {
            int precision = call.argType(0).kind() == SqlType.Kind.TIMESTAMP ? call.argType(0).precision() : 9;
            return BuiltIn.one(new StringValue(Casting.timestampText(t, precision)));
        }
        if (args.get(1).isEmpty() || args.get(1).get(0).isNull()) {
            return nothingOrNull(args);
        }
        String pattern = Casting.asString(args.get(1).get(0), call.argType(1));
        ZoneId zone = ZoneOffset.UTC;
        if (args.size() > 2 && !args.get(2).isEmpty() && args.get(2).get(0).isString()) {
            zone = ZoneId.of(args.get(2).get(0).getString());
        }
        ZonedDateTime z = ZonedDateTime.ofInstant(t.toInstant(), zone);
        return BuiltIn.one(new StringValue(DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(z)));
    }

    private static List<FieldValue> parse(List<List<FieldValue>> args, BuiltIn.Call call) {
        if (args.get(0).isEmpty() || args.get(0).get(0).isNull()) {
            return nothingOrNull(args);
        }
        String text = Casting.asString(args.get(0).get(0), call.argType(0));
        if (args.size() == 1) {
            return BuiltIn.one(Casting.cast(new StringValue(text), SqlType.STRING, SqlType.TIMESTAMP9, call.at()));
        }
        if (args.get(1).isEmpty() || args.get(1).get(0).isNull()) {
            return nothingOrNull(args);
        }
        String pattern = Casting.asString(args.get(1).get(0), call.argType(1));
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC);
        var parsed = f.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        Instant instant = parsed instanceof ZonedDateTime z ? z.toInstant()
            : parsed instanceof LocalDateTime l ? l.toInstant(ZoneOffset.UTC)
            : ((LocalDate) parsed).atStartOfDay(ZoneOffset.UTC).toInstant();
        return BuiltIn.one(new TimestampValue(Timestamp.from(instant)));
    }
}
