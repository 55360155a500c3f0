package dev.baton.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV Baton writes: UTF-8 with a byte-order mark first, so a spreadsheet opened by
 * double-click reads "Jörg Müller" as written; RFC 4180 (CRLF line ends, a field quoted when it
 * needs to be, its quotes doubled). A text field that a spreadsheet would run as a formula
 * ({@code = + - @}, or a tab or CR that some read as such) gets a leading apostrophe, since
 * customer text ends up here; numbers are left alone (a negative number is not a formula).
 */
public final class CsvExport {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final char BOM = '\uFEFF';

    private final CSVPrinter printer;

    /** Writes the byte-order mark to {@code out} (a UTF-8 writer); rows follow with {@link #row}. */
    public CsvExport(Writer out) {
        try {
            out.write(BOM);
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record; a null field is written empty. */
    public void row(List<?> fields) {
        try {
            for (Object field : fields) {
                printer.print(neutralise(field));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends what is buffered (the caller owns and closes the writer). */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String neutralise(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            return "'" + text;
        }
        return text;
    }
}
