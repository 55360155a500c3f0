package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

class CsvExportTests {

    @Test
    void startsWithAByteOrderMarkSoSpreadsheetsReadUtf8() {
        assertThat(write(List.of("Jörg Müller"))).isEqualTo("\uFEFFJörg Müller\r\n");
    }

    @Test
    void leavesPlainFieldsAloneAndEndsRowsWithCrLf() {
        assertThat(write(List.of("a", 1, "b c"))).isEqualTo("\uFEFFa,1,b c\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaksSoTheyReadBackAsWritten() throws IOException {
        String csv = write(List.of("x,y", "say \"hi\"", "two\nlines", "cr\rhere"));

        assertThat(csv).contains("\"x,y\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"");
        assertThat(readBack(csv)).containsExactly("x,y", "say \"hi\"", "two\nlines", "cr\rhere");
    }

    @Test
    void writesNullAsAnEmptyField() {
        assertThat(write(Arrays.asList("a", null, "b"))).isEqualTo("\uFEFFa,,b\r\n");
    }

    @Test
    void defusesTextThatASpreadsheetWouldRunAsAFormulaButNotNegativeNumbers() throws IOException {
        String csv = write(List.of("=HYPERLINK(\"x\")", -5, "+1", "@SUM(A1)", "-x"));

        assertThat(readBack(csv)).containsExactly("'=HYPERLINK(\"x\")", "-5", "'+1", "'@SUM(A1)", "'-x");
    }

    private static String write(List<?> row) {
        StringWriter out = new StringWriter();
        CsvExport csv = new CsvExport(out);
        csv.row(row);
        csv.flush();
        return out.toString();
    }

    private static List<String> readBack(String csv) throws IOException {
        return CSVFormat.RFC4180
                .parse(new StringReader(csv.substring(1)))
                .getRecords()
                .getFirst()
                .toList();
    }
}
