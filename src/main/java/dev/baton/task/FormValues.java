package dev.baton.task;

import dev.baton.shared.Text;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One submitted value converted to what the process gets, by its field's type: values arrive typed
 * (JSON) from the API and form-js, and as text from HTML forms; both are accepted.
 */
final class FormValues {

    /** Numbers a long holds (whole) or a double holds exactly enough. */
    static final BigDecimal MAX_NUMBER = BigDecimal.valueOf(Long.MAX_VALUE);

    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** form-js's own checks for {@code validationType} (its EMAIL_PATTERN, and an international number). */
    static final Pattern EMAIL = Pattern.compile("^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$");

    /** form-js's PHONE_PATTERN, verbatim: a country code, then the number. */
    static final Pattern PHONE =
            Pattern.compile("(\\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359"
                    + "|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|6"
                    + "82|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212"
                    + "|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|5"
                    + "02|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77"
                    + "|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|3"
                    + "77|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|"
                    + "227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|"
                    + "970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|4"
                    + "21|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256"
                    + "|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\\d|8[98"
                    + "7530]\\d|6[987]\\d|5[90]\\d|42\\d|3[875]\\d|2[98654321]\\d|9[8543210]|8[6421]|6[6543210]|5"
                    + "[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\\d{4,20}$");

    private FormValues() {}

    static boolean blank(Object raw) {
        return raw == null || (raw instanceof String s && s.isBlank()) || (raw instanceof List<?> l && l.isEmpty());
    }

    /**
     * The value for the field; throws {@link IllegalArgumentException} or {@link DateTimeException} when
     * it is not of the field's type, {@link OutOfRange} when it is but the process could not hold it.
     */
    static Object convert(FormField field, Object raw) {
        if (field.multiple()) {
            List<Object> picked = new ArrayList<>();
            for (Object one : raw instanceof List<?> list ? list : List.of(raw)) {
                picked.add(option(field, one));
            }
            return picked;
        }
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            throw new IllegalArgumentException();
        }
        String text = raw.toString().trim();
        return switch (field.type()) {
            case NUMBER -> number(raw, text);
            case CHECKBOX -> {
                Boolean checked = toBoolean(raw);
                if (checked == null) {
                    throw new IllegalArgumentException();
                }
                yield checked;
            }
            case SELECT -> option(field, raw);
            case DATE -> within(LocalDate.parse(text)).toString();
            case TIME ->
                text.matches(".*(Z|[+-]\\d\\d:\\d\\d)$")
                        ? OffsetTime.parse(text).toString()
                        : LocalTime.parse(text).toString();
            case DATETIME -> {
                if (text.matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)$")) {
                    OffsetDateTime t = OffsetDateTime.parse(text);
                    within(t.toLocalDate());
                    yield t.toString();
                }
                LocalDateTime t = LocalDateTime.parse(text); // form-js's "no timezone": as the person wrote it
                within(t.toLocalDate());
                yield t.toString();
            }
            default -> {
                // text is text: a number sent for it is refused, as every request body's text field refuses
                // one (found by probe 47: a note's field took 123 as "123" here, and "must be text" in a draft)
                if (!(raw instanceof String)) {
                    throw new IllegalArgumentException();
                }
                yield text;
            }
        };
    }

    /** The option's own value (a number stays a number) for a submitted value or its text. */
    private static Object option(FormField field, Object raw) {
        String text = String.valueOf(raw).trim();
        return field.options().stream()
                .filter(o -> o.text().equals(text))
                .findFirst()
                .orElseThrow(IllegalArgumentException::new)
                .value();
    }

    private static Object number(Object raw, String text) {
        if (raw instanceof Boolean) {
            throw new IllegalArgumentException();
        }
        // beyond a long (or a double's range: JSON's 1e400 arrives as Infinity) is a typing mistake, and the
        // process could not hold it; said as such, not as "'Infinity' is not a number" (found by a probe)
        if (raw instanceof Double d && d.isInfinite()) {
            throw new OutOfRange("-" + MAX_NUMBER.toPlainString(), MAX_NUMBER.toPlainString(), d > 0 ? 1 : -1);
        }
        BigDecimal n = new BigDecimal(text).stripTrailingZeros();
        if (n.abs().compareTo(MAX_NUMBER) > 0) {
            throw new OutOfRange("-" + MAX_NUMBER.toPlainString(), MAX_NUMBER.toPlainString(), n.signum());
        }
        return n.scale() <= 0 ? (Object) n.longValueExact() : (Object) n.doubleValue();
    }

    /** Dates a process can compute with (timers, due dates); further out is a typing mistake. */
    private static LocalDate within(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new OutOfRange(EARLIEST_DATE.toString(), LATEST_DATE.toString());
        }
        return date;
    }

    /** A well-formed value outside what the process can hold; its message is the field's error. */
    static final class OutOfRange extends RuntimeException {
        /** 1 above the range, -1 below it, 0 unknown (a date). */
        final int sign;

        OutOfRange(String from, String to) {
            this(from, to, 0);
        }

        OutOfRange(String from, String to, int sign) {
            super("must be between " + from + " and " + to, null, false, false);
            this.sign = sign;
        }
    }

    static Boolean toBoolean(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        return switch (raw.toString().trim().toLowerCase()) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> null;
        };
    }

    /** What a value of the wrong type is told. */
    static String message(FormField field) {
        return switch (field.type()) {
            case NUMBER -> "must be a number";
            case CHECKBOX -> "must be checked or not (true or false)";
            case SELECT -> "must be one of " + labels(field, "or");
            case CHECKLIST, TAGLIST -> "must be some of " + labels(field, "and");
            case DATE -> "must be a date like 2026-01-31";
            case TIME -> "must be a time like 09:30 (or 09:30+01:00)";
            case DATETIME -> "must be a date and time like 2026-01-31T09:00 (or 2026-01-31T09:00Z)";
            default -> "must be text";
        };
    }

    /**
     * The choices as the person sees them, quoted (a label may hold a comma): "Low", "Medium" or
     * "High", not the codes behind them ([low, medium, high]; found by a probe on the lead forms).
     */
    private static String labels(FormField field, String conjunction) {
        return Text.listed(
                field.options().stream().map(o -> "\"" + o.label() + "\"").toList(), conjunction);
    }
}
