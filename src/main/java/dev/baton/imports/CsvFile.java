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
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded file checked as a whole before any row is read: not empty, within the size limit, a
 * text file (not a spreadsheet saved under a .csv name) in UTF-8, with or without a byte-order mark;
 * fields separated by {@code ,} or {@code ;} (or a tab), whichever the header row uses; every record
 * readable as CSV (each quoted value closed, nothing after a closing quote). Each problem
 * is a {@link BadRequestException} on the {@code file} field saying what to do about it.
 */
final class CsvFile {

    /** Where commons-csv says a problem is: "(startline 3)", "at line: 3". */
    private static final Pattern PARSER_LINE = Pattern.compile("(?:startline |line: )(\\d+)");

    private final Path path;
    private final char delimiter;

    private CsvFile(Path path, char delimiter) {
        this.path = path;
        this.delimiter = delimiter;
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
            notASpreadsheet(path);
            utf8(path);
            CsvFile file = new CsvFile(path, delimiter(headerLine(path)));
            file.readsToTheEnd();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    char delimiter() {
        return delimiter;
    }

    /** A parser from the first record on (the header row), the byte-order mark skipped; the caller closes it. */
    CSVParser open() throws IOException {
        Reader reader = reader(path);
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get()
                .parse(reader);
    }

    /**
     * Whether {@code record} holds nothing but empty fields ({@code ,,,,}: Excel writes one for a row it kept
     * but emptied). It is read as the blank line it stands for: skipped, and counted nowhere, where before it
     * failed the whole file for its missing values (session 35's probe).
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
            try {
                for (CSVRecord ignored : parser) {
                    line = parser.getCurrentLineNumber() + 1;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                throw problem(notCsv(e, line));
            }
        }
    }

    /**
     * What commons-csv found wrong, in the user's words, with the line it says (else {@code line}):
     * its messages name Java's view of the file ("EOF reached before encapsulated token finished").
     */
    private static String notCsv(RuntimeException e, long line) {
        String message = e.getCause() == null
                ? String.valueOf(e.getMessage())
                : String.valueOf(e.getCause().getMessage());
        Matcher at = PARSER_LINE.matcher(message);
        String where = "line " + (at.find() ? at.group(1) : line) + ": ";
        if (message.contains("EOF reached before encapsulated token finished")) {
            return where + "a quoted value is not closed (a '\"' with no closing '\"' before the end of the file)";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return where + "a quoted value has text after its closing quote (write a '\"' inside a quoted value as"
                    + " '\"\"')";
        }
        return where + "cannot be read as CSV: save the file as 'CSV UTF-8' and import that";
    }

    private static void notASpreadsheet(Path path) throws IOException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, 4);
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

    /** Reads the whole file once, line by line: every byte must be UTF-8 and none a NUL (a binary file). */
    private static void utf8(Path path) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
        long number = 1;
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(path), 65536)) {
            for (int b; (b = in.read()) != -1; ) {
                if (b == 0) {
                    throw problem("this is not a text file (line " + number + " holds binary data): import a CSV file");
                }
                line.write(b);
                if (b == '\n') {
                    decode(decoder, line, number++);
                }
            }
            decode(decoder, line, number);
        }
    }

    private static void decode(
            java.nio.charset.CharsetDecoder decoder, java.io.ByteArrayOutputStream line, long number) {
        try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
        } catch (CharacterCodingException e) {
            throw problem("the file is not UTF-8 (line " + number + "; Windows-1252 or Latin-1 perhaps): "
                    + "save it as 'CSV UTF-8' and import that");
        }
        line.reset();
    }

    private static String headerLine(Path path) throws IOException {
        try (BufferedReader in = new BufferedReader(reader(path))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    return line;
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

    private static Reader reader(Path path) throws IOException {
        BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static BadRequestException problem(String message) {
        return new BadRequestException("file", message);
    }
}
