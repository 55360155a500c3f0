package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.shared.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file checked as a whole ({@link CsvFile#check}): where its problems are, in the words of its other problems (the
 * row as a spreadsheet shows it), and a {@code sep=} line that names a separator the header does not use (found by
 * session 37's probe). The API and the page show the message as it is here (ImportIntegrationTests,
 * ImportReadingIntegrationTests).
 */
class CsvFileTests {

    @TempDir
    Path dir;

    @Test
    void aByteThatIsNoUtf8IsToldAtItsRowAsASpreadsheetShowsIt() throws IOException {
        // a quoted value over two lines is one row; a blank line is a row; a sep= line is none
        assertThat(refusal(latin1("external_id,name\nA-1,\"Two\nlines\"\nA-2,J\u00f6rg\n")))
                .isEqualTo("the file is not UTF-8 (row 3; Windows-1252 or Latin-1 perhaps): save it as 'CSV UTF-8'"
                        + " and import that");
        assertThat(refusal(latin1("sep=;\r\nexternal_id;name\r\n\r\nA-1;J\u00f6rg\r\n")))
                .startsWith("the file is not UTF-8 (row 3;");
        assertThat(refusal(latin1("external_id,name\nA-1,\"Two\n\u00f6 lines\"\nA-2,x\n")))
                .as("the second line of a quoted value is in the row it starts")
                .startsWith("the file is not UTF-8 (row 2;");
        assertThat(refusal(latin1("external_id,name\rA-1,x\rA-2,J\u00f6rg")))
                .as("a Mac's CSV ends its lines with CRs and no line end after the last: it was all line 1")
                .startsWith("the file is not UTF-8 (row 3;");
    }

    @Test
    void aNulIsToldAtItsRowAsASpreadsheetShowsIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("sep=,\nexternal_id,name\nA-1,\"x\ny\"\nA-2,".getBytes(StandardCharsets.UTF_8));
        bytes.write(0);
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(bytes.toByteArray()))
                .isEqualTo("this is not a text file (row 3 holds binary data): import a CSV file");
    }

    @Test
    void aBinaryFileIsToldSoEvenWhenABadByteComesBeforeItsFirstNul() throws IOException {
        // session 38's probe: random bytes, a PNG or a PDF were told "not UTF-8 ...: save it as 'CSV UTF-8'"
        assertThat(refusal(bytes(0x9A, 'A', 0x03, 0x7F, '\n', 'B', 0x00)))
                .isEqualTo("this is not a text file (row 1 holds binary data): import a CSV file");
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        appended.writeBytes(utf8("sep=,\n\nexternal_id,name\n\nA-1,x\n"));
        appended.writeBytes(bytes(0xE9, 0x05, 0xFF, 0x10, 0x00));
        assertThat(refusal(appended.toByteArray()))
                .isEqualTo("this is not a text file (row 5 holds binary data): import a CSV file");
        assertThat(refusal(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R')))
                .isEqualTo("this is not a CSV file but a PNG image: import a CSV file");
        assertThat(refusal(latin1("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n")))
                .isEqualTo("this is not a CSV file but a PDF document: import a CSV file");
        assertThat(refusal(latin1("external_id,name\r\nA-1,\"two\u000blines\"\r\nA-2,J\u00f6rg\r\n\u001a")))
                .as("a FileMaker line break (VT) and a DOS end of file (SUB) are text: it is a Latin-1 file")
                .startsWith("the file is not UTF-8 (row 3;");
    }

    @Test
    void aBadByteWhoseRowCannotBeToldIsToldAtItsLineSayingSo() throws IOException {
        // text after a closing quote on row 2: where that record ends, and so which row line 4 is in, is unknown
        byte[] file = latin1("external_id,name\nA-1,\"x\"y\nA-2,z\nA-3,J\u00f6rg\n");

        assertThat(refusal(file))
                .isEqualTo("the file is not UTF-8 (line 4 of the file's text; the row a spreadsheet shows it in cannot"
                        + " be told; Windows-1252 or Latin-1 perhaps): save it as 'CSV UTF-8' and import that");
    }

    @Test
    void aSepLineNamingASeparatorTheHeaderDoesNotHoldIsRefusedSayingBoth() throws IOException {
        assertThat(refusal(utf8("sep=,\nexternal_id;name;owner\nA-1;x;rob\n")))
                .isEqualTo("row 1: the first line, sep=,, says the separator is ',', but the header row holds no ','"
                        + " and looks separated by ';': write sep=; as the first line, or delete that line (Baton"
                        + " then reads the separator the header row uses)");
        assertThat(refusal(utf8("\uFEFFSEP=;\r\n\r\nexternal_id,name,owner\r\nA-1,x,rob\r\n")))
                .as("blank lines above the header are rows; the sep= line quoted as written (it read sep=;)")
                .startsWith("row 2: the first line, SEP=;, says the separator is ';', but the header row holds no ';'"
                        + " and looks separated by ','");
        assertThat(CsvFile.check(file(utf8("sep=;\nexternal_id;\"name, or title\"\nA-1;x\n")), 1000)
                        .delimiter())
                .as("a header holding the separator named is read by it, whatever else it holds")
                .isEqualTo(';');
    }

    @Test
    void aSepLineIsQuotedAsWritten() throws IOException {
        // session 38's probe: SEP=, was quoted as sep=,
        assertThat(refusal(utf8("Sep=;;\nexternal_id;name\n"))).startsWith("the first line, Sep=;;, must name");
        assertThat(refusal(utf8("SEP=\nexternal_id;name\n"))).startsWith("the first line, SEP=, names no separator");
        assertThat(refusal(utf8("SEP=|\nexternal_id|name\n"))).startsWith("the first line, SEP=|, names '|'");
        assertThat(refusal(utf8("SEP=\t\nexternal_id;name\n")))
                .startsWith("row 1: the first line, SEP= and a tab, says the separator is 'tab'");
    }

    private String refusal(byte[] content) throws IOException {
        BadRequestException refused =
                catchThrowableOfType(BadRequestException.class, () -> CsvFile.check(file(content), 100_000));
        assertThat(refused).as("refused").isNotNull();
        return refused.getFieldErrors().get("file");
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "import", ".csv"), content);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
