package dev.baton.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Plain, field-named messages for input Spring or Jackson could not bind, shared by the API's
 * problem details and the pages' error messages: no Java class names, no parser snippets, and
 * never more than a few hundred characters of what was sent.
 */
public final class InputErrors {

    static final int MAX_MESSAGE = 300;

    /** The most errors one answer lists: a client fixing a thousand bad ids needs the first few and the count. */
    static final int MAX_LISTED = 50;

    /** The key of the entry {@link #listed} adds for the errors it left out. */
    static final String MORE = "more";

    private static final Pattern QUOTED = Pattern.compile("'([^']{1,100})'");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern STRING_VALUE = Pattern.compile("^Cannot coerce String value \\(\"([^\"]{1,62})\"\\)");
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");
    private static final Pattern DIGITS_OR_NOT = Pattern.compile("\\d+|\\D+");

    private InputErrors() {}

    /**
     * What the value a conversion refused must look like; for a list ({@code ?status=OPEN,DONE}) what
     * each of its values must be, read from the list's declared element type.
     */
    static String expected(TypeMismatchException mismatch) {
        return expected(mismatch, false);
    }

    /** As {@link #expected(TypeMismatchException)}; {@code onPage}: a {@link Labelled} enum's choices by label alone. */
    private static String expected(TypeMismatchException mismatch, boolean onPage) {
        Class<?> type = mismatch.getRequiredType();
        Class<?> element = type == null || !(type.isArray() || Collection.class.isAssignableFrom(type))
                ? null
                : elementType(mismatch);
        if (element == null) {
            if (type != null && type.isEnum()) {
                return "must be one of " + choices(type, onPage);
            }
            return mismatch.getValue() instanceof String digits
                            && WHOLE.matcher(digits).matches()
                            && range(type) != null
                            && !fits(digits, range(type))
                    ? outOfRange(type, digits.startsWith("-"))
                    : expected(type); // in range but refused all the same (a path's "+1"): not a matter of size
        }
        return element.isEnum()
                ? "must be one or more of " + choices(element, onPage)
                : "each value " + expected(element);
    }

    /**
     * A value a page's form could not convert, said at its field with the value as typed and the API's
     * words for what it must be ({@link #expected(TypeMismatchException)}): "'18.12.2026' is not a date
     * like 2026-01-31", "'abc' is not a whole number"; a {@link Labelled} enum's choices by the labels the
     * form shows ("'CHAT' is not one of Call, Meeting, Email or Note"). Never a Java type or the
     * converter's text.
     *
     * @param mismatch the conversion Spring refused while binding a form
     * @return one sentence without its field's name, at most {@value #MAX_MESSAGE} characters
     */
    public static String refused(TypeMismatchException mismatch) {
        Object value = mismatch.getValue();
        String shown = value instanceof Object[] values
                ? Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", "))
                : String.valueOf(value);
        return refused(shown, expected(mismatch, true));
    }

    /**
     * A value that is not what its field wants, in the same words as {@link #refused(TypeMismatchException)}:
     * {@code refused("abc", "must be a whole number")} is "'abc' is not a whole number".
     *
     * @param shown the value as typed
     * @param expected what it must be, as {@link #expected(Class)} says it ("must be ...")
     * @return one sentence without its field's name, at most {@value #MAX_MESSAGE} characters
     */
    public static String refused(String shown, String expected) {
        String why = expected.startsWith("must be ") ? "is not " + expected.substring("must be ".length()) : expected;
        return Text.clip("'" + Text.clip(shown, 60) + "' " + why, MAX_MESSAGE);
    }

    /**
     * For a whole number the type cannot hold (a 20-digit id): too large or too small, and the range,
     * rather than "must be a whole number", which it is.
     */
    static String outOfRange(Class<?> type, boolean negative) {
        long[] range = range(type);
        if (range == null) {
            return expected(type);
        }
        return negative
                ? "is too small: must be a whole number from " + range[0]
                : "is too large: must be a whole number up to " + range[1];
    }

    /** Whether the whole number written as {@code digits} lies within {@code range} (from, to). */
    private static boolean fits(String digits, long[] range) {
        BigInteger value = new BigInteger(digits);
        return value.compareTo(BigInteger.valueOf(range[0])) >= 0 && value.compareTo(BigInteger.valueOf(range[1])) <= 0;
    }

    /** The bounds of a whole-number type; null for others (and BigInteger, which has none). */
    private static long[] range(Class<?> type) {
        if (type == Long.class || type == long.class) {
            return new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
        }
        if (type == Integer.class || type == int.class) {
            return new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
        }
        if (type == Short.class || type == short.class) {
            return new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
        }
        return null;
    }

    private static Class<?> elementType(TypeMismatchException mismatch) {
        if (mismatch.getCause() instanceof ConversionFailedException failed
                && failed.getTargetType().getElementTypeDescriptor() != null) {
            return failed.getTargetType().getElementTypeDescriptor().getType();
        }
        if (mismatch instanceof MethodArgumentTypeMismatchException argument) {
            ResolvableType declared = ResolvableType.forMethodParameter(argument.getParameter());
            return declared.isArray()
                    ? declared.getComponentType().resolve()
                    : declared.asCollection().resolveGeneric();
        }
        return null;
    }

    /**
     * An enum's choices: a {@link Labelled} one's as the pages name them, "Call, Meeting, Email or Note" on
     * a page and "Call (CALL), Meeting (MEETING), ..." for the API, which takes the values in brackets;
     * another's by its constants ("OPEN, COMPLETED"), the values the API and the page's filters take.
     */
    private static String choices(Class<?> enumType, boolean onPage) {
        Object[] constants = enumType.getEnumConstants();
        if (!Labelled.class.isAssignableFrom(enumType)) {
            return Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        }
        return Text.listed(
                Arrays.stream(constants)
                        .map(c -> ((Labelled) c).label() + (onPage ? "" : " (" + ((Enum<?>) c).name() + ")"))
                        .toList(),
                "or");
    }

    /**
     * What a value of {@code type} must look like, as the API says it: "must be a date like 2026-01-31",
     * "must be a whole number", "must be true or false"; for {@link #refused(String, String)}.
     *
     * @param type the field's Java type (null: "has the wrong type")
     */
    public static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class
                || type == java.math.BigInteger.class) {
            return "must be a whole number"
                    + (type == int.class || type == Integer.class ? " up to " + Integer.MAX_VALUE : "");
        }
        if (Number.class.isAssignableFrom(type)
                || type == double.class
                || type == float.class
                || type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text";
        }
        if (type == LocalDate.class) {
            return "must be a date like 2026-01-31";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time like 2026-01-31T09:00:00Z";
        }
        if (type.isEnum()) {
            return "must be one of " + choices(type, false);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be an object";
    }

    /** The field named by a request body Jackson refused, and why; "body" when no field is to blame. */
    static Map<String, String> ofJson(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return ofParser(parse);
            }
            if (t instanceof StreamConstraintsException limit
                    && String.valueOf(limit.getOriginalMessage()).startsWith("Document nesting depth")) {
                // Jackson's message names its own configuration: "... (101) exceeds the maximum allowed (100,
                // from `StreamReadConstraints.getMaxNestingDepth()`)"
                return Map.of("body", "is nested more than " + StrictJson.MAX_NESTING + " levels deep");
            }
        }
        if (!(cause instanceof JsonMappingException mapping)) {
            return Map.of("body", cause == null ? "is required" : "could not be read");
        }
        String field = path(mapping);
        if (mapping.getCause() instanceof InputCoercionException range) {
            // Jackson's message quotes the number first: "Numeric value (-99999999999999999999) out of range of long
            // (-9223372036854775808 - 9223372036854775807)"
            boolean negative = String.valueOf(range.getOriginalMessage()).contains("value (-");
            return Map.of(field, bounded(mapping).orElse(outOfRange(range.getTargetType(), negative)));
        }
        if (mapping instanceof InvalidFormatException key
                && String.valueOf(key.getOriginalMessage()).startsWith("Cannot deserialize Map key")) {
            return ofKey(field, String.valueOf(key.getValue()), key.getTargetType());
        }
        return ofMapping(mapping, field);
    }

    /**
     * A map's key its type refused ({@code "perAccount": {"abc": 7}} for account ids): named at that key,
     * as given ({@code plan.perAccount[abc]}), where Jackson's path ends at the map and loses it.
     */
    private static Map<String, String> ofKey(String map, String key, Class<?> type) {
        String why = WHOLE.matcher(key).matches() && range(type) != null
                ? outOfRange(type, key.startsWith("-"))
                : expected(type);
        return Map.of(map + "[" + Text.clip(key, 60) + "]", "the key " + why);
    }

    private static Map<String, String> ofParser(JsonParseException parse) {
        String message = String.valueOf(parse.getOriginalMessage());
        Matcher duplicate = QUOTED.matcher(message);
        return message.startsWith("Duplicate field") && duplicate.find()
                ? Map.of(duplicate.group(1), "appears more than once")
                : Map.of("body", "is not valid JSON");
    }

    private static Map<String, String> ofMapping(JsonMappingException mapping, String field) {
        String message = mapping.getOriginalMessage() == null ? "" : mapping.getOriginalMessage();
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return Map.of(field, unknownField(unknown.getKnownPropertyIds()));
        }
        if (mapping instanceof StrictJson.NotText) {
            return Map.of(field, message);
        }
        if (message.startsWith("Missing required creator property")) {
            Matcher property = QUOTED.matcher(message);
            // the path may end with the property already
            String name = !property.find() || field.equals(property.group(1)) || field.endsWith("." + property.group(1))
                    ? field
                    : join(field, property.group(1));
            // a primitive takes no null: "send null" would be refused in turn (found by a probe)
            Class<?> type = mapping instanceof MismatchedInputException m ? m.getTargetType() : null;
            return Map.of(
                    name,
                    type != null && type.isPrimitive()
                            ? "is required: " + expected(type).substring("must be ".length())
                            : "is required (send null to leave it empty)");
        }
        if (message.startsWith("Trailing token")) {
            return Map.of("body", "must be one JSON value with nothing after it");
        }
        if (mapping instanceof InvalidNullException nulled) {
            // a null where a true or false is required ({@link RequiredBoolean}) says so; a null
            // in a list or map that takes none (@JsonSetter(contentNulls = FAIL)): at its index or key
            Class<?> type = nulled.getTargetType();
            return Map.of(field, type != null && type.isPrimitive() ? expected(type) : "must not be null");
        }
        if (mapping instanceof ValueInstantiationException) {
            return Map.of(field, "is not valid");
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return Map.of(
                    field,
                    bounded(mapping).orElse(expected(mismatch.getTargetType()))
                            + numberInQuotes(mapping, mismatch.getTargetType()));
        }
        return Map.of(field, "is not valid");
    }

    /**
     * ", as a number: write 50 without quotes" for a number sent in quotes ({@code "score": "50"}) where a
     * number is expected, else "": the value is one, its JSON type is not (session 38's probe read "must be
     * a whole number from 0 to 100" for "50" as wrong). Text that is no number gets the rule alone.
     */
    private static String numberInQuotes(JsonMappingException mapping, Class<?> type) {
        boolean number = type != null
                && (Number.class.isAssignableFrom(type)
                        || type == int.class
                        || type == long.class
                        || type == short.class
                        || type == double.class
                        || type == float.class);
        // Jackson's refusal quotes the text: Cannot coerce String value ("50") to `java.lang.Integer` value ...
        Matcher text = number ? STRING_VALUE.matcher(String.valueOf(mapping.getOriginalMessage())) : null;
        return text != null
                        && text.find()
                        && NUMBER_IN_TEXT.matcher(text.group(1)).matches()
                ? ", as a number: write " + text.group(1) + " without quotes"
                : "";
    }

    /**
     * "must be a whole number from 0 to 100" when the refused field carries both bounds ({@code @Min},
     * {@code @Max} on the request's field or record component): what the value must be, rather than
     * the Java type's range.
     */
    private static Optional<String> bounded(JsonMappingException mapping) {
        List<JsonMappingException.Reference> path = mapping.getPath();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        JsonMappingException.Reference last = path.get(path.size() - 1);
        Object from = last.getFrom();
        Class<?> owner = from instanceof Class<?> c ? c : from == null ? null : from.getClass();
        if (owner == null || last.getFieldName() == null) {
            return Optional.empty();
        }
        try {
            Field f = owner.getDeclaredField(last.getFieldName());
            Min min = f.getAnnotation(Min.class);
            Max max = f.getAnnotation(Max.class);
            return min == null || max == null
                    ? Optional.empty()
                    : Optional.of("must be a whole number from " + min.value() + " to " + max.value());
        } catch (NoSuchFieldException notAField) {
            return Optional.empty();
        }
    }

    /**
     * What an unknown field of a body is told: the fields its object knows, in alphabetical order
     * (Jackson hands them over in its own order, which was not the same from one call to the next). For a
     * handler that reads its body as a map and knows its fields itself (a note draft's).
     */
    public static String unknownField(Collection<?> known) {
        return "is not a field of this request (known: "
                + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ", "[", "]")) + ")";
    }

    /**
     * Each field's first error; a value that could not be converted says what it must look like. The
     * fields come in the order the target declares them, and a list's elements by index ({@code
     * introOptOut[1]} before {@code introOptOut[3]}): bean validation hands its violations over in a
     * hash set's order, which put {@code [3]} before {@code [1]} for some inputs.
     */
    public static Map<String, String> ofBinding(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<FieldError> fieldErrors = new ArrayList<>(result.getFieldErrors());
        fieldErrors.sort(inDeclarationOrder(result.getTarget()));
        for (FieldError error : fieldErrors) {
            String message = error.isBindingFailure() && error.contains(TypeMismatchException.class)
                    ? expected(error.unwrap(TypeMismatchException.class))
                    : error.isBindingFailure() ? "has the wrong type" : error.getDefaultMessage();
            errors.putIfAbsent(error.getField(), Text.clip(message, MAX_MESSAGE));
        }
        result.getGlobalErrors()
                .forEach(e -> errors.putIfAbsent(e.getObjectName(), Text.clip(e.getDefaultMessage(), MAX_MESSAGE)));
        return errors;
    }

    /**
     * Field errors by the position of their first property among the target's fields (unknown ones
     * last, by name), then by the rest of the path with whole numbers compared as numbers.
     */
    private static Comparator<FieldError> inDeclarationOrder(Object target) {
        List<String> declared = target == null
                ? List.of()
                : Arrays.stream(target.getClass().getDeclaredFields())
                        .map(Field::getName)
                        .toList();
        Function<FieldError, String> root = e -> e.getField().split("[.\\[]", 2)[0];
        return Comparator.<FieldError>comparingInt(e -> {
                    int at = declared.indexOf(root.apply(e));
                    return at < 0 ? Integer.MAX_VALUE : at;
                })
                .thenComparing(root)
                .thenComparing(e -> e.getField(), InputErrors::naturally);
    }

    /** Compares two paths with each run of digits read as a number: {@code [2]} before {@code [10]}. */
    private static int naturally(String a, String b) {
        Matcher x = DIGITS_OR_NOT.matcher(a);
        Matcher y = DIGITS_OR_NOT.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            int order = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0))
                    ? new BigInteger(p).compareTo(new BigInteger(q))
                    : p.compareTo(q);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * The errors an answer lists: the first {@value #MAX_LISTED} in their order and, when there were
     * more, one entry {@code "more": "N more errors are not listed"} (found by a probe: 100,000 ids
     * outside a book answered a 5.9 MB problem). Every problem detail and error page that lists field
     * errors lists them through this.
     *
     * @param errors each field's message, in the order the client should read them
     * @return {@code errors} itself when short enough, else a capped copy
     */
    public static Map<String, String> listed(Map<String, String> errors) {
        if (errors.size() <= MAX_LISTED) {
            return errors;
        }
        Map<String, String> listed = new LinkedHashMap<>();
        errors.entrySet().stream().limit(MAX_LISTED).forEach(e -> listed.put(e.getKey(), e.getValue()));
        listed.put(MORE, (errors.size() - MAX_LISTED) + " more errors are not listed");
        return listed;
    }

    /** "field: message; other: message", or {@code fallback} without errors. */
    public static String describe(Map<String, String> errors, String fallback) {
        if (errors.isEmpty()) {
            return fallback;
        }
        StringBuilder sb = new StringBuilder();
        errors.forEach((field, message) ->
                sb.append(sb.isEmpty() ? "" : "; ").append(field).append(": ").append(message));
        return sb.toString();
    }

    /**
     * The field's path as the rest of Baton names it: {@code plan.successorId}, a list's element at its
     * index ({@code roles[1]}) and a map's entry at its key ({@code plan.perAccount[7]}, as the
     * services and Spring's binding write it), not Jackson's {@code plan.perAccount.7}.
     */
    private static String path(JsonMappingException e) {
        String field = "";
        for (JsonMappingException.Reference ref : e.getPath()) {
            field = ref.getFieldName() == null
                    ? field + "[" + ref.getIndex() + "]"
                    : ref.getFrom() instanceof Map<?, ?> && !field.isEmpty()
                            ? field + "[" + ref.getFieldName() + "]"
                            : join(field, ref.getFieldName());
        }
        return field.isEmpty() ? "body" : field;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() || parent.equals("body") ? name : parent + "." + name;
    }
}
