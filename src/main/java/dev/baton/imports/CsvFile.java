package dev.baton.imports;

import dev.baton.shared.BadRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded file checked as a whole before any row is read: not empty, within the size limit, a
 * text file (not a spreadsheet saved under a .csv name) in UTF-8, with or without a byte-order mark;
 * fields separated by {@code ,} or {@code ;} (or a tab), whichever the header row uses, or as an Excel
 * {@code sep=;} first line says (that line is then no row: Excel does not show it); every record readable as
 * CSV (each quoted value closed, nothing after a closing quote). A value that does not start with a quote is
 * plain text, quotes and all ({@code =HYPERLINK("https://x")}, {@code 12" pipe}), as RFC 4180's reading by
 * commons-csv and Excel take it. Each problem is a {@link BadRequestException} on the {@code file} field
 * saying what to do about it.
 */
final class CsvFile {

    /** Where commons-csv says a problem is: "(startline 3)", "at line: 3". */
    private static final Pattern PARSER_LINE = Pattern.compile("(?:startline |line: )(\\d+)");

    /**
     * Excel's first line naming the separator ({@code sep=;}), which Excel reads and does not show: group 1 is what
     * it names (one character, else the file is refused), then its line end; read from at most {@link
     * #SEP_LINE_READ} characters.
     */
    private static final Pattern SEP_LINE = Pattern.compile("(?i)sep=([^\\r\\n]*)(?:\\r\\n?|\\n|$)");

    /** How much of the file's start is read for its {@code sep=} line: longer, it names no one separator. */
    private static final int SEP_LINE_READ = 40;

    /** What to do about a value the separator cut. */
    private static final String PUT_IN_QUOTES = "put the whole value in quotes, writing each '\"' in it as '\"\"'"
            + " (a spreadsheet saving the file does)";

    private final Path path;
    private final char delimiter;
    /** The length of the file's {@code sep=} line, line end included, 0 for a file without one. */
    private final int sepLine;
    /** The {@code sep=} of the file's {@code sep=} line as written ({@code SEP=}); null for a file without one. */
    private final String sepWritten;

    private CsvFile(Path path, char delimiter, int sepLine, String sepWritten) {
        this.path = path;
        this.delimiter = delimiter;
        this.sepLine = sepLine;
        this.sepWritten = sepWritten;
    }

    static CsvFile check(Path path, long maxBytes) {
        try {
            long size = Files.size(path);
            if (size == 0) {
                throw problem("the file is empty");
            }
            if (size > maxBytes) {
                throw problem("the file is %,d bytes, over the limit of %,d bytes: split it into smaller files"
                        .formatted(size, maxBytes));
            }
            notAnotherKindOfFile(path);
            utf8(path);
            Matcher sep = sepLine(path, false);
            CsvFile file;
            if (sep == null) {
                file = new CsvFile(path, delimiter(headerLine(path, 0, false).text()), 0, null);
            } else {
                file = new CsvFile(path, separator(sep), sep.end(), sep.group().substring(0, sep.start(1)));
                file.headerSeparatedAsTheSepLineSays();
            }
            file.readsToTheEnd();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    char delimiter() {
        return delimiter;
    }

    /**
     * A parser from the first record on, the byte-order mark and a {@code sep=} line skipped; the caller
     * closes it. Blank lines are records (of one empty field, {@link #empty}), so that a record's number is
     * its row as a spreadsheet shows the file (a multi-line quoted value is one row): callers skip them, and
     * take the first record that is not {@link #empty} as the header (row 1 unless blank lines stand above
     * it). They used not to be records, and every row under one was numbered one too low (session 35's probe).
     */
    CSVParser open() throws IOException {
        return format(delimiter).parse(reader(path, sepLine, false));
    }

    /** How a file is read as CSV with {@code delimiter}: blank lines are records ({@link #open}). */
    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
    }

    /**
     * A file whose {@code sep=} line names a separator its header row does not hold, where the header holds
     * another that Baton reads ({@code sep=,} above {@code external_id;name;owner}: a file headed by hand, or by
     * another tool than the one that wrote it), is refused at the header's row saying both and what to do. Read
     * by the {@code sep=} line, the header was one column, and the file was refused for missing columns "(the header
     * has one column only: are the columns separated by ',' or ';'?)", which did not say that the {@code sep=} line
     * named the separator (session 37's probe). A header holding the named separator is read by it, as Excel does.
     * The {@code sep=} line is quoted as written ({@code SEP=,}: until session 38, {@code sep=,}).
     */
    private void headerSeparatedAsTheSepLineSays() throws IOException {
        HeaderLine header = headerLine(path, sepLine, false);
        if (count(header.text(), delimiter) > 0) {
            return;
        }
        char used = 0;
        long most = 0;
        for (char other : new char[] {',', ';', '\t'}) {
            long n = count(header.text(), other);
            if (other != delimiter && n > most) {
                most = n;
                used = other;
            }
        }
        if (used != 0) {
            throw problem("row " + header.row() + ": the first line, " + sepLineOf(sepWritten, delimiter)
                    + ", says the separator is '" + printable(delimiter) + "', but the header row holds no '"
                    + printable(delimiter) + "' and looks separated by '" + printable(used) + "': write "
                    + sepLineOf("sep=", used)
                    + " as the first line, or delete that line (Baton then reads the separator"
                    + " the header row uses)");
        }
    }

    /** The {@code sep=} line naming {@code separator}, {@code sep} written as given, as a message shows it. */
    private static String sepLineOf(String sep, char separator) {
        return separator == '\t' ? sep + " and a tab" : sep + separator;
    }

    /**
     * Whether {@code record} holds nothing but empty fields: a blank line, or {@code ,,,,} (Excel writes one
     * for a row it kept but emptied). It is read as the blank line it stands for: skipped, and counted nowhere,
     * where before it failed the whole file for its missing values (session 35's probe).
     */
    static boolean empty(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /**
     * Parses every record once, so that a file the import could not read to its end (a quote left
     * open, text after a closing quote) is refused before the import starts, naming the line.
     */
    private void readsToTheEnd() throws IOException {
        try (CSVParser parser = open()) {
            long line = 1; // where the next record starts, should the parser not say
            long row = 1; // the next record's row as a spreadsheet shows it
            try {
                for (CSVRecord record : parser) {
                    line = parser.getCurrentLineNumber() + 1;
                    row = record.getRecordNumber() + 1;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw problem(notCsv(e, line, row, sepLine > 0 ? 1 : 0));
            }
        }
    }

    /**
     * What commons-csv found wrong, in the user's words, at {@code row}, the record's row as a spreadsheet shows
     * the file (blank lines count, a quoted multi-line value is one row, a {@code sep=} line none: Excel hides it;
     * until session 37 this was the file's text line, so a problem under a {@code sep=} line was told a row too
     * low). The line the parser says (else {@code line}), counted in the file ({@code skipped} lines, a {@code
     * sep=} line, before what the parser read), is where the cut value is looked for. Its messages name Java's
     * view of the file ("EOF reached before encapsulated token finished").
     */
    private String notCsv(RuntimeException e, long line, long row, int skipped) throws IOException {
        String message = e.getCause() == null
                ? String.valueOf(e.getMessage())
                : String.valueOf(e.getCause().getMessage());
        Matcher at = PARSER_LINE.matcher(message);
        long number = (at.find() ? Long.parseLong(at.group(1)) : line) + skipped;
        String where = "row " + row + ": ";
        if (message.contains("EOF reached before encapsulated token finished")) {
            return where + "a quoted value is not closed (a '\"' with no closing '\"' before the end of the file)";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            String cut = cutBySeparator(line(number));
            if (cut != null) {
                long pieces = pieces(cut);
                return where + "the value " + ImportRun.cut(cut) + " holds quotes and the separator '"
                        + printable(delimiter) + "', so it reads as "
                        + (pieces == 2 ? "two values, the second" : pieces + " values, the last")
                        + " a quoted one with text after its closing quote: " + PUT_IN_QUOTES;
            }
            return where + "a quoted value has text after its closing quote (write a '\"' inside a quoted value as"
                    + " '\"\"')";
        }
        return where + "cannot be read as CSV: save the file as 'CSV UTF-8' and import that";
    }

    /**
     * In a line the parser refused for text after a closing quote: an unquoted value that the separator cut where
     * a quoted piece follows, from its start to the next separator after the piece with text after its closing
     * quote; null when the line has no such value (then a quoted value really has text after its closing quote).
     * The value holds a quote before the cut ({@code X,=HYPERLINK("https://x","y")}), or opens a parenthesis it
     * does not close there, a formula's arguments ({@code X;=IF(A1;"a";"b")}, as Excel writes it where {@code ;}
     * separates both arguments and fields: session 36's probe got the generic message for it). The fields before
     * it are skipped as CSV reads them, quoted ones whole. The reading stays the library's: this only says why it
     * stopped.
     */
    private String cutBySeparator(String line) {
        if (line == null) {
            return null;
        }
        String d = delimiter == '\t' ? "\\t" : String.valueOf(delimiter); // ',' ';' or tab: plain in a class
        String field = "[ ]*(?:\"(?:[^\"]|\"\")*\"[ ]*|(?:[^\"\\s" + d + "][^" + d + "]*)?)";
        String cutValue = "[^\"\\s" + d + "](?:[^" + d + "]*?\"[^" + d + "]*|[^" + d + "]*?\\([^)" + d + "]*)";
        String pieces = "(?:" + d + "[^" + d + "]*)*?";
        String quotedWithText = d + "[ ]*\"(?:[^\"]|\"\")*\"[ ]*[^" + d + "\\s][^" + d + "]*";
        Matcher cut = Pattern.compile("^(?:" + field + d + ")*?[ ]*(" + cutValue + pieces + quotedWithText + ")")
                .matcher(line);
        return cut.find() ? cut.group(1).strip() : null;
    }

    /**
     * How many values the separator cuts {@code value} into: a piece starting with a quote runs to its closing
     * quote ({@code ""} inside it a quote), any other to the next separator.
     */
    private long pieces(String value) {
        long pieces = 1;
        boolean quoted = false;
        boolean start = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < value.length() && value.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == delimiter) {
                pieces++;
                start = true;
            } else if (start && c == '"') {
                quoted = true;
                start = false;
            } else if (c != ' ') {
                start = false;
            }
        }
        return pieces;
    }

    /**
     * A formula in a row's fields that the separator cut, as CSV reads the row: {@code column} the field it starts
     * in (0 the first), {@code pieces} how many fields it was cut into, {@code value} its pieces joined again by
     * the separator (each as CSV read it, surrounding spaces gone).
     */
    record CutFormula(int column, int pieces, String value) {

        /** {@code fields} with the formula's pieces one field again, so the fields after it stand in their columns. */
        List<String> rejoined(List<String> fields) {
            List<String> rejoined = new ArrayList<>(fields.subList(0, column));
            rejoined.add(value);
            rejoined.addAll(fields.subList(column + pieces, fields.size()));
            return rejoined;
        }
    }

    /**
     * The first of a row's {@code fields} within the header's {@code columns} that starts with {@code =} (after
     * spaces) and opens more parentheses than it closes (those within a formula's {@code "text"} not counted): an
     * Excel formula cut by the separator between its arguments ({@code =ROUND(A1;2)} in a {@code ;} file, whose
     * arguments Excel where {@code ;} separates them writes so), with the fields after it up to the one that closes
     * its parentheses (else to the row's end); null when the row has none. A cut with quotes in it often stops the
     * file's reading ({@link #notCsv}); one without quotes does not, and its pieces were imported into the next
     * columns (session 37's probe: the account {@code =ROUND(A1} in territory {@code 2)}).
     */
    CutFormula cutFormula(List<String> fields, int columns) {
        for (int i = 0; i < Math.min(fields.size(), columns); i++) {
            if (!fields.get(i).strip().startsWith("=")) {
                continue;
            }
            int open = parentheses(fields.get(i));
            if (open <= 0) {
                continue;
            }
            int end = i + 1;
            for (; end < fields.size() && open > 0; end++) {
                open += parentheses(fields.get(end));
            }
            String value = String.join(String.valueOf(delimiter), fields.subList(i, end))
                    .strip();
            return new CutFormula(i, end - i, value);
        }
        return null;
    }

    /** How many more {@code (} than {@code )} a piece of a formula has outside its quoted text. */
    private static int parentheses(String piece) {
        int open = 0;
        boolean quoted = false;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                open++;
            } else if (!quoted && c == ')') {
                open--;
            }
        }
        return open;
    }

    /**
     * What a row error says of a {@link #cutFormula}, in the words the file's check uses for a cut that stops the
     * reading: the value, the separator, how many values it reads as, and what to do.
     */
    String cutFormulaProblem(CutFormula cut) {
        String value = ImportRun.cut(cut.value());
        if (cut.pieces() == 1) {
            return "the value " + value + " is a formula that opens a '(' it does not close: correct it (if the"
                    + " separator cut it, " + PUT_IN_QUOTES + ")";
        }
        return "the value " + value + " holds the separator '" + printable(delimiter) + "' between a formula's"
                + " arguments, so it reads as "
                + (cut.pieces() == 2 ? "two values, the second" : cut.pieces() + " values, the others")
                + " in the next column" + (cut.pieces() == 2 ? "" : "s") + ": " + PUT_IN_QUOTES;
    }

    /** The file's line {@code number} (1 the first), or null past its end. */
    private String line(long number) throws IOException {
        try (BufferedReader in = new BufferedReader(reader(path, 0, false))) {
            String text = null;
            for (long i = 0; i < number && (text = in.readLine()) != null; i++) {
                // to the line
            }
            return text;
        }
    }

    private static String printable(char separator) {
        return separator == '\t' ? "tab" : String.valueOf(separator);
    }

    /**
     * Refuses a file that starts as another kind of file does, saying which: a spreadsheet saved under a .csv name
     * (zip/.xlsx, old .xls), UTF-16 text, or a PDF or an image (session 38's probe: a PNG or a PDF was told "the file
     * is not UTF-8 ...: save it as 'CSV UTF-8'", as if it were a Latin-1 text file).
     */
    private static void notAnotherKindOfFile(Path path) throws IOException {
        byte[] head = new byte[5];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String kind = n >= 5 && new String(head, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")
                ? "a PDF document"
                : n >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                        ? "a PNG image"
                        : n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF
                                ? "a JPEG image"
                                : n >= 4 && new String(head, 0, 4, StandardCharsets.ISO_8859_1).equals("GIF8")
                                        ? "a GIF image"
                                        : null;
        if (kind != null) {
            throw problem("this is not a CSV file but " + kind + ": import a CSV file");
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw problem("this is not a CSV file but a zip archive (an Excel .xlsx file?): in the spreadsheet, "
                    + "save it as 'CSV UTF-8' and import that");
        }
        if (n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            throw problem(
                    "this is not a CSV file but an old Excel (.xls) file: save it as 'CSV UTF-8' and import that");
        }
        if (n >= 2
                && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                        || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF)) {
            throw problem("the file is UTF-16 (Excel's 'Unicode text'): save it as 'CSV UTF-8' and import that");
        }
    }

    /**
     * Reads the whole file once, line by line: every byte must be UTF-8 and none a NUL (a binary file, as is one whose
     * bytes that are no UTF-8 come with control characters no text holds: {@link #decode}). Either
     * problem names the row as a spreadsheet shows the file, as every other problem does ({@link #at}): until
     * session 38 it named the line of the file's text, which a quoted multi-line value or a {@code sep=} line
     * above it made another number. Lines end as CSV reads them: at a CR, an LF or a CRLF (a Mac's 'CSV' file,
     * not UTF-8 either, ends its lines with CRs: it was all "line 1").
     */
    private static void utf8(Path path) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        long number = 1;
        long offset = 0; // of the byte read
        long lineStart = 0;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 65536)) {
            int previous = -1;
            for (int b; (b = in.read()) != -1; previous = b, offset++) {
                if (b == 0) {
                    throw binary(path, number);
                }
                if (b == '\n' && previous == '\r') {
                    lineStart = offset + 1;
                    continue; // a CRLF's LF: its line ended at the CR
                }
                line.write(b);
                if (b == '\n' || b == '\r') {
                    decode(path, decoder, line, number++, lineStart);
                    lineStart = offset + 1;
                }
            }
            decode(path, decoder, line, number, lineStart);
        }
    }

    private static BadRequestException binary(Path path, long line) {
        return problem("this is not a text file (" + at(path, line) + " holds binary data): import a CSV file");
    }

    /**
     * Checks the file's line {@code number}, which starts at byte {@code start}. One that is no UTF-8 is binary data
     * when it or the {@link #BINARY_LOOK_AHEAD} bytes from its start hold a control character no text file holds
     * ({@link #binaryControl}): a NUL further on answered "binary" only when no byte that is no UTF-8 came before it,
     * so an image or random bytes were told "not UTF-8 ...: save it as 'CSV UTF-8'" (session 38's probe). Else it is
     * text in another encoding, as a Windows-1252 or Latin-1 file is.
     */
    private static void decode(
            Path path,
            java.nio.charset.CharsetDecoder decoder,
            java.io.ByteArrayOutputStream line,
            long number,
            long start)
            throws IOException {
        try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
        } catch (CharacterCodingException e) {
            if (binaryFrom(path, start)) {
                throw binary(path, number);
            }
            throw problem("the file is not UTF-8 (" + at(path, number) + "; Windows-1252 or Latin-1 perhaps): "
                    + "save it as 'CSV UTF-8' and import that");
        }
        line.reset();
    }

    /** How far from the start of a line that is no UTF-8 the file is looked at for binary data. */
    private static final int BINARY_LOOK_AHEAD = 8192;

    /** Whether the {@link #BINARY_LOOK_AHEAD} bytes of the file from byte {@code start} hold a {@link #binaryControl}. */
    private static boolean binaryFrom(Path path, long start) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(start);
            for (byte b : in.readNBytes(BINARY_LOOK_AHEAD)) {
                if (binaryControl(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code b} is a control character that text holds nowhere: a C0 control other than tab, line feed,
     * vertical tab (FileMaker's line break within a field), form feed, carriage return, and SUB (the end-of-file
     * mark of old DOS files, which are Windows-1252 or another code page: "not UTF-8" is what they are).
     */
    private static boolean binaryControl(byte b) {
        return b >= 0 && b < 0x20 && (b < '\t' || b > '\r') && b != 0x1A;
    }

    /**
     * Where the file's line {@code line} (1 the first, as {@link #utf8} counts them) is, in a problem's words: "row
     * 5", the row a spreadsheet shows it in, counted as {@link #readsToTheEnd} counts (blank lines count, a quoted
     * multi-line value is one row, a {@code sep=} line none). When that cannot be told (the {@code sep=} line itself,
     * or a file that cannot be read as CSV as far as that line), the line, saying so.
     */
    private static String at(Path path, long line) {
        Long row = rowOf(path, line);
        return row != null
                ? "row " + row
                : "line " + line + " of the file's text; the row a spreadsheet shows it in cannot be told";
    }

    /**
     * The row of the file's line {@code line} ({@link #at}), the file read as far as that line with each byte that
     * is no UTF-8 as one unknown character; null when it cannot be told.
     */
    private static Long rowOf(Path path, long line) {
        try {
            Matcher sep = sepLine(path, true);
            long target = sep == null ? line : line - 1; // CSV's lines are counted from under the sep= line
            if (target < 1) {
                return null; // the sep= line: no row (Excel hides it)
            }
            char delimiter = sep == null
                    ? delimiter(headerLine(path, 0, true).text())
                    : sep.group(1).length() == 1 ? sep.group(1).charAt(0) : ',';
            try (CSVParser parser = format(delimiter).parse(reader(path, sep == null ? 0 : sep.end(), true))) {
                long row = 0;
                long lastLine = 0;
                try {
                    for (CSVRecord record : parser) {
                        row = record.getRecordNumber();
                        lastLine = parser.getCurrentLineNumber();
                        if (lastLine >= target) {
                            return row;
                        }
                    }
                    return row == 0 ? null : row; // in the last record, whose last line has no line end
                } catch (UncheckedIOException | IllegalStateException e) {
                    // the record CSV could not read starts on the line after the last one read, and a quoted value
                    // left open runs to the file's end: beyond that, where the record ends cannot be told
                    String message = String.valueOf(
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                    return target == lastLine + 1 || message.contains("EOF reached before encapsulated token finished")
                            ? Long.valueOf(row + 1)
                            : null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // a header Baton cannot read: the file's problem is still its bytes, at the line
        }
    }

    /**
     * The file's {@code sep=X} first line (Excel writes it, and reads the file by it), or null when the first
     * line is none: group 1 is what it names as the separator, {@link Matcher#end} the line's length with its
     * line end. A first line starting {@code sep=} is one, whatever follows, so that {@link #separator} says
     * what is wrong with it (session 36's probe: {@code sep=} alone and {@code sep=;;} were read as the header).
     */
    private static Matcher sepLine(Path path, boolean lenient) throws IOException {
        char[] head = new char[SEP_LINE_READ];
        int n = 0;
        try (Reader in = reader(path, 0, lenient)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) != -1; ) {
                n += r;
            }
        }
        Matcher sep = SEP_LINE.matcher(new String(head, 0, n));
        return sep.lookingAt() ? sep : null;
    }

    /**
     * The separator a {@code sep=} line names: one character Baton reads, else the file is refused saying what is
     * wrong with the line (nothing named, more than one character, or a separator Baton does not read) and which
     * separators Baton reads. The line is quoted as written ({@code SEP=;;}: until session 38 it read {@code sep=;;}).
     */
    private static char separator(Matcher sep) {
        String named = sep.group(1);
        String written = sep.group().substring(0, sep.start(1)); // "sep=", as the file writes it
        if (named.isEmpty()) {
            throw problem(
                    "the first line, " + written + ", names no separator: write the file's separator after it (sep=, or"
                            + " sep=;), or delete the line; Baton reads ',' or ';' (or tab) as separators");
        }
        if (named.length() > 1) {
            String shown = ImportRun.cut(named);
            throw problem(
                    "the first line, " + written + shown + ", must name one character, the separator, not '" + shown
                            + "': write the file's separator alone after sep= (sep=, or sep=;); Baton reads ',' or ';' (or"
                            + " tab) as separators");
        }
        char separator = named.charAt(0);
        if (separator != ',' && separator != ';' && separator != '\t') {
            throw problem("the first line, " + written + named + ", names '" + named
                    + "' as the separator: Baton reads ',' or ';' (or tab) as separators");
        }
        return separator;
    }

    /** The header row's text and its row (1, unless blank lines stand above it). */
    private record HeaderLine(long row, String text) {}

    /** The first line that is not blank after the file's first {@code skip} characters ({@link #reader}). */
    private static HeaderLine headerLine(Path path, int skip, boolean lenient) throws IOException {
        try (BufferedReader in = new BufferedReader(reader(path, skip, lenient))) {
            long row = 1;
            for (String line; (line = in.readLine()) != null; row++) {
                if (!line.isBlank()) {
                    return new HeaderLine(row, line);
                }
            }
        }
        throw problem("the file has no header row (it holds only blank lines)");
    }

    private static char delimiter(String header) {
        long commas = count(header, ','), semicolons = count(header, ';'), tabs = count(header, '\t');
        if (commas == 0 && semicolons == 0 && tabs == 0) {
            for (char other : new char[] {'|', ':'}) {
                if (count(header, other) > 0) {
                    throw problem("the header row is separated by '" + other
                            + "': Baton reads ',' or ';' (or tab) as separators");
                }
            }
        }
        long most = Arrays.stream(new long[] {commas, semicolons, tabs}).max().orElse(0);
        return most == commas ? ',' : most == semicolons ? ';' : '\t';
    }

    private static long count(String line, char c) {
        return line.chars().filter(x -> x == c).count();
    }

    /**
     * The file's text after its byte-order mark (if any) and the first {@code skip} characters; {@code lenient}: a
     * byte that is no UTF-8 reads as one unknown character (U+FFFD) where it stands, else reading it fails.
     */
    private static Reader reader(Path path, int skip, boolean lenient) throws IOException {
        BufferedReader reader = lenient
                ? new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))
                : Files.newBufferedReader(path, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        for (long left = skip; left > 0; ) {
            long skipped = reader.skip(left);
            if (skipped <= 0) {
                break;
            }
            left -= skipped;
        }
        return reader;
    }

    private static BadRequestException problem(String message) {
        return new BadRequestException("file", message);
    }
}
