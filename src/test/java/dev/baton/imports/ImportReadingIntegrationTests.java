package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Found by session 35's probe of the imports: how a file's cells are read. European dates were stored
 * as US month/day, a row of empty fields (Excel's {@code ,,,,}) failed the whole file, and an owner
 * named by user name in capitals was nobody. Through the API, on the real database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportReadingIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFileWithADayOver12ReadsItsSlashDatesDayFirstAndOneWithAMonthDayOver12MonthFirst() {
        String eu = "EU-" + UUID.randomUUID().toString().substring(0, 8);
        String us = "US-" + UUID.randomUUID().toString().substring(0, 8);

        Map european = finished(start(
                "ACCOUNTS",
                false,
                "external_id,name,owner,renewal_date\n"
                        + eu + "-1,Huber GmbH,rob,01/03/2027\n"
                        + eu + "-2,Dijkstra BV,rob,25/03/2027\n"
                        + eu + "-3,Same Day BV,rob,05/05/2027\n"));
        Map american = finished(start(
                "ACCOUNTS",
                false,
                "external_id,name,owner,renewal_date\n"
                        + us + "-1,Acme Inc,rob,01/03/2027\n"
                        + us + "-2,Globex Inc,rob,12/25/2027\n"));

        assertThat(european).containsEntry("status", "SUCCEEDED");
        assertThat(american).containsEntry("status", "SUCCEEDED");
        assertThat(renewals(eu))
                .as("25/03/2027 says the file writes the day first")
                .containsExactly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 25), LocalDate.of(2027, 5, 5));
        assertThat(renewals(us))
                .as("12/25/2027 says the file writes the month first")
                .containsExactly(LocalDate.of(2027, 1, 3), LocalDate.of(2027, 12, 25));
    }

    @Test
    void aSlashDateThatCouldBeReadEitherWayIsRefusedWhenTheFileDoesNotTellWhichWayRoundItWritesThem() {
        String id = "AD-" + UUID.randomUUID().toString().substring(0, 8);

        Map accounts = finished(start(
                "ACCOUNTS",
                true,
                "external_id,name,owner,renewal_date\n"
                        + id + "-1,Huber GmbH,rob,01/03/2027\n"
                        + id + "-2,Same Day BV,rob,05/05/2027\n"
                        + id + "-3,Iso Ltd,rob,2027-03-01\n"));
        Map contacts = finished(start(
                "CONTACTS",
                true,
                "external_id,account,full_name,last_verified_at\n" + id + "-C,ACC-NONE,Anne de Vries,01/12/2026\n"));
        Map both = finished(start(
                "ACCOUNTS",
                true,
                "external_id,name,owner,renewal_date\n"
                        + id + "-1,Huber GmbH,rob,25/03/2027\n"
                        + id + "-2,Acme Inc,rob,12/25/2027\n"
                        + id + "-3,Either Ltd,rob,04/06/2027\n"));

        assertThat(rowErrors(accounts))
                .containsExactly("2 renewal_date: 01/03/2027 could be 3 January or 1 March 2027, and no other date in"
                        + " the file has a part over 12 to tell which way round the file writes them: write it as"
                        + " 2027-01-03 or 2027-03-01");
        assertThat(rowErrors(contacts))
                .contains("2 last_verified_at: 01/12/2026 could be 12 January or 1 December 2026, and no other date"
                        + " in the file has a part over 12 to tell which way round the file writes them: write it as"
                        + " 2026-01-12 or 2026-12-01");
        assertThat(rowErrors(both))
                .containsExactly("4 renewal_date: 04/06/2027 could be 6 April or 4 June 2027, and the file has dates"
                        + " both ways round (25/03/2027 in row 2, 12/25/2027 in row 3): write it as 2027-04-06 or"
                        + " 2027-06-04");
    }

    @Test
    void aRowOfEmptyFieldsIsSkippedAsABlankLineIs() {
        String id = "ER-" + UUID.randomUUID().toString().substring(0, 8);

        Map result = finished(start(
                "ACCOUNTS",
                true,
                "external_id,name,owner\n" + id + "-1,Fine Ltd,rob\n,,\n\n , ,\n" + id + "-2,Fine Too Ltd,rob\n,,\n"));
        ResponseEntity<Map> onlyEmpty = upload("ACCOUNTS", true, "external_id,name,owner\n,,\n,,\n");

        assertThat(result)
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("errorCount", 0)
                .containsEntry("created", 2)
                .as("counted as blank lines are: not at all")
                .containsEntry("rowsTotal", 2)
                .containsEntry("rowsDone", 2);
        assertThat(onlyEmpty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) onlyEmpty.getBody().get("errors"))
                .containsEntry("file", "the file has a header but no rows: add a row per record under the header");
    }

    /**
     * A row's number is its row in a spreadsheet (header = 1) after a blank line too: blank lines were not
     * counted, so every row under one was reported one row too high up (row 4 here was "row 3").
     */
    @Test
    void aRowUnderABlankLineIsNumberedAsTheSpreadsheetShowsIt() {
        String id = "BL-" + UUID.randomUUID().toString().substring(0, 8);

        Map result = finished(start(
                "ACCOUNTS",
                true,
                "\r\nexternal_id,name,owner\r\n" + id + "-1,Fine Ltd,rob\r\n\r\n" + id + "-2,,rob\r\n" + id
                        + "-3,\"Two\nLines Ltd\",rob\r\n\r\n\r\n" + id + "-4,,rob\r\n"));

        assertThat(rowErrors(result))
                .as("a blank line above the header is a row too; a quoted value over two lines is one row")
                .containsExactly(
                        "5 name: is required",
                        "6 name: must be one line without control or invisible formatting characters",
                        "9 name: is required");
        assertThat(result).containsEntry("rowsTotal", 4);
    }

    /**
     * Excel's {@code sep=;} first line names the separator: it was read as the header ("missing required
     * columns ...; the header has: sep="). The header is the next line, row 1 as Excel shows the file (it hides
     * the sep line); a separator Baton does not read is refused saying so.
     */
    @Test
    void anExcelSepLineSetsTheSeparatorAndTheHeaderIsTheNextLine() {
        String id = "SP-" + UUID.randomUUID().toString().substring(0, 8);

        Map dry = finished(start(
                "ACCOUNTS",
                true,
                "\uFEFFsep=;\r\nexternal_id;name;owner\r\n" + id + "-1;Sep, Comma Ltd;rob\r\n" + id + "-2;;rob\r\n"));
        Map real =
                finished(start("ACCOUNTS", false, "SEP=,\n" + "external_id,name,owner\n" + id + "-3,Sep Co;Ltd,rob\n"));
        ResponseEntity<Map> pipe =
                upload("ACCOUNTS", true, "sep=|\nexternal_id|name|owner\n" + id + "-4|Pipe Co|rob\n");
        ResponseEntity<Map> open =
                upload("ACCOUNTS", true, "sep=;\nexternal_id;name;owner\n" + id + "-5;\"Open Co;rob\n");
        ResponseEntity<Map> cut =
                upload("ACCOUNTS", true, "sep=;\nexternal_id;name;owner\n" + id + "-6;=IF(A1;\"a\";\"b\");rob\n");

        assertThat(rowErrors(dry)).containsExactly("3 name: is required");
        assertThat(real).containsEntry("status", "SUCCEEDED").containsEntry("created", 1);
        assertThat(jdbc.queryForObject(
                        "select name from account where external_source = 'BATON' and external_id = ?",
                        String.class,
                        id + "-3"))
                .isEqualTo("Sep Co;Ltd");
        assertThat(pipe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) pipe.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "the first line, sep=|, names '|' as the separator: Baton reads ',' or ';' (or tab) as"
                                + " separators");
        assertThat((Map) open.getBody().get("errors"))
                .as("a problem's row is as Excel shows it, which hides the sep line (it said line 3 until session 37)")
                .containsEntry(
                        "file",
                        "row 2: a quoted value is not closed (a '\"' with no closing '\"' before the end of the file)");
        assertThat((Map) cut.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "row 2: the value =IF(A1;\"a\";\"b\") holds quotes and the separator ';', so it reads as 3"
                                + " values, the last a quoted one with text after its closing quote: put the whole"
                                + " value in quotes, writing each '\"' in it as '\"\"' (a spreadsheet saving the file"
                                + " does)");
    }

    /**
     * A {@code sep=} first line naming nothing, or more than one character, is a sep line too, refused saying what
     * is wrong with it: session 36's probe got "the header has one column only ...; the header has: sep=", as if
     * the line were the header.
     */
    @Test
    void aSepLineNamingNoSeparatorOrMoreThanOneCharacterIsRefusedSayingSo() {
        String id = "SN-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map> none = upload("ACCOUNTS", true, "sep=\nexternal_id,name,owner\n" + id + "-1,x,rob\n");
        ResponseEntity<Map> two =
                upload("ACCOUNTS", true, "sep=;;\r\nexternal_id;name;owner\r\n" + id + "-2;x;rob\r\n");
        ResponseEntity<Map> spaced = upload("ACCOUNTS", true, "SEP= ;\nexternal_id;name;owner\n" + id + "-3;x;rob\n");

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) none.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "the first line, sep=, names no separator: write the file's separator after it (sep=, or"
                                + " sep=;), or delete the line; Baton reads ',' or ';' (or tab) as separators");
        assertThat(two.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) two.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "the first line, sep=;;, must name one character, the separator, not ';;': write the file's"
                                + " separator alone after sep= (sep=, or sep=;); Baton reads ',' or ';' (or tab) as"
                                + " separators");
        assertThat((Map) spaced.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "the first line, SEP= ;, must name one character, the separator, not ' ;': write the file's"
                                + " separator alone after sep= (sep=, or sep=;); Baton reads ',' or ';' (or tab) as"
                                + " separators");
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where external_id like ?", Integer.class, id + "-%"))
                .isZero();
    }

    /**
     * A {@code sep=,} line above a file separated by {@code ;} is refused saying what the line names and what the
     * header uses: session 37's probe got "missing required columns name, owner ... (the header has one column only:
     * are the columns separated by ',' or ';'?)", which did not say the sep= line had named ','.
     */
    @Test
    void aSepLineNamingASeparatorTheHeaderDoesNotUseIsRefusedSayingBoth() {
        String id = "SW-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map> wrong =
                upload("ACCOUNTS", true, "sep=,\r\nexternal_id;name;owner\r\n" + id + "-1;Wrong Sep;rob\r\n");

        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) wrong.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "row 1: the first line, sep=,, says the separator is ',', but the header row holds no ','"
                                + " and looks separated by ';': write sep=; as the first line, or delete that line"
                                + " (Baton then reads the separator the header row uses)");
    }

    /**
     * Excel where {@code ;} separates a formula's arguments writes a {@code ;} file: a formula cut by that
     * separator is told as one cut by {@code ,} is, where session 36's probe got "a quoted value has text after its
     * closing quote" of a value nobody had quoted. Its first piece holds no quote, only the parenthesis it opens.
     */
    @Test
    void aFormulaCutBySemicolonsIsToldSo() {
        String id = "QS-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map> cut = upload(
                "ACCOUNTS",
                true,
                "external_id;name;owner\n" + id + "-1;\"Quoted; Ltd\";rob\n" + id + "-2;=IF(A1;\"a\";\"b\");rob\n");
        ResponseEntity<Map> quoted =
                upload("ACCOUNTS", true, "external_id;name;owner\n" + id + "-3;\"Acme\" Ltd;rob\n");

        assertThat(cut.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) cut.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "row 3: the value =IF(A1;\"a\";\"b\") holds quotes and the separator ';', so it reads as 3"
                                + " values, the last a quoted one with text after its closing quote: put the whole"
                                + " value in quotes, writing each '\"' in it as '\"\"' (a spreadsheet saving the file"
                                + " does)");
        assertThat((Map) quoted.getBody().get("errors"))
                .as("a value the file quoted really has text after its closing quote")
                .containsEntry(
                        "file",
                        "row 2: a quoted value has text after its closing quote (write a '\"' inside a quoted value"
                                + " as '\"\"')");
    }

    /**
     * A formula whose unquoted arguments the separator cuts reads as CSV, so the file's check let it through:
     * session 37's probe imported {@code F6;=ROUND(A1;2);;} as the account {@code =ROUND(A1} in the territory
     * {@code 2)} (Excel's trailing empty field made the row as long as the header), and a row it made too long was
     * told only by its length, at no column, and by the owner {@code 2)} being nobody. It is a row error at the
     * formula's column, in a dry run and a real import, for every kind; the fields after it are read in their
     * columns.
     */
    @Test
    void aFormulaCutByTheSeparatorWithoutQuotesIsARowErrorAtItsColumn() {
        String id = "FC-" + UUID.randomUUID().toString().substring(0, 8);
        String fits = "external_id;name;territory;segment\n" + id + "-1;=ROUND(A1;2);;\n";

        Map dry = finished(start("ACCOUNTS", true, fits));
        Map real = finished(start("ACCOUNTS", false, fits));
        Map tooLong = finished(start(
                "ACCOUNTS",
                true,
                "external_id;name;owner;notes\n" + id + "-2;=ROUND(A1;2);rob;fine\n" + id
                        + "-3;Notes Ltd;rob;=IF(A1>0;1;ROUND(A1;0))\n" + id + "-4;\"=ROUND(A1;2)\";rob;=SUM(1)\n"));
        Map commas = finished(start("ACCOUNTS", true, "external_id,name,owner\n" + id + "-5,=SUM(1,2),rob\n"));
        Map teams = finished(start("TEAMS", true, "key;name\nfc-team;  =CONCAT(A1;B1)\nfc-two;=LEFT(A1\n"));

        String problem = "the value =ROUND(A1;2) holds the separator ';' between a formula's arguments, so it reads"
                + " as two values, the second in the next column: put the whole value in quotes, writing each '\"'"
                + " in it as '\"\"' (a spreadsheet saving the file does)";
        assertThat(rowErrors(dry)).containsExactly("2 name: " + problem);
        assertThat(((List<Map>) dry.get("errors")).getFirst()).containsEntry("value", "=ROUND(A1;2)");
        assertThat(real).containsEntry("status", "FAILED");
        assertThat(rowErrors(real)).containsExactly("2 name: " + problem);
        assertThat(jdbc.queryForObject(
                        "select count(*) from account where external_source = 'BATON' and external_id like ?",
                        Integer.class,
                        id + "-%"))
                .isZero();
        assertThat(rowErrors(tooLong))
                .as("the fields after the formula in their columns: no length error, no owner '2)'; a column Baton"
                        + " does not read is told too; a quoted formula is one value")
                .containsExactly(
                        "2 name: " + problem,
                        "3 notes: the value =IF(A1>0;1;ROUND(A1;0)) holds the separator ';' between a formula's"
                                + " arguments, so it reads as 4 values, the others in the next columns: put the whole"
                                + " value in quotes, writing each '\"' in it as '\"\"' (a spreadsheet saving the file"
                                + " does)");
        assertThat(rowErrors(commas))
                .containsExactly("2 name: the value =SUM(1,2) holds the separator ',' between a formula's arguments,"
                        + " so it reads as two values, the second in the next column: put the whole value in quotes,"
                        + " writing each '\"' in it as '\"\"' (a spreadsheet saving the file does)");
        assertThat(rowErrors(teams))
                .containsExactly(
                        "2 name: the value =CONCAT(A1;B1) holds the separator ';' between a formula's arguments, so"
                                + " it reads as two values, the second in the next column: put the whole value in"
                                + " quotes, writing each '\"' in it as '\"\"' (a spreadsheet saving the file does)",
                        "3 name: the value =LEFT(A1 is a formula that opens a '(' it does not close:"
                                + " correct it (if the separator cut it, put the whole value in quotes, writing each '\"' in"
                                + " it as '\"\"' (a spreadsheet saving the file does))");
    }

    /**
     * A value that does not start with a quote is plain text, quotes and all, as RFC 4180's reading by
     * commons-csv and Excel take it. A formula whose arguments hold the separator is cut by it into two values,
     * the second starting with a quote: the file is refused saying that, where it said only "a quoted value has
     * text after its closing quote" of a value the user had not quoted.
     */
    @Test
    void anUnquotedValueWithQuotesIsPlainTextAndOneCutByTheSeparatorIsToldSo() {
        String id = "QU-" + UUID.randomUUID().toString().substring(0, 8);

        Map plain = finished(start(
                "ACCOUNTS",
                false,
                "external_id,name,owner\n" + id + "-1,=HYPERLINK(\"https://x.example\"),rob\n" + id
                        + "-2,12\" Pipes Ltd,rob\n"));
        Map semicolons = finished(start(
                "ACCOUNTS",
                false,
                "external_id;name;owner\n" + id + "-3;=HYPERLINK(\"https://x.example\",\"y\");rob\n"));
        ResponseEntity<Map> cut = upload(
                "ACCOUNTS", true, "external_id,name,owner\n" + id + "-4,=HYPERLINK(\"https://x.example\",\"y\"),rob\n");

        assertThat(plain).containsEntry("status", "SUCCEEDED");
        assertThat(semicolons).containsEntry("status", "SUCCEEDED");
        assertThat(jdbc.queryForList(
                        "select name from account where external_source = 'BATON' and external_id like ?"
                                + " order by external_id",
                        String.class,
                        id + "-%"))
                .containsExactly(
                        "=HYPERLINK(\"https://x.example\")",
                        "12\" Pipes Ltd",
                        "=HYPERLINK(\"https://x.example\",\"y\")");
        assertThat(cut.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) cut.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "row 2: the value =HYPERLINK(\"https://x.example\",\"y\") holds quotes and the separator ',',"
                                + " so it reads as two values, the second a quoted one with text after its closing"
                                + " quote: put the whole value in quotes, writing each '\"' in it as '\"\"' (a"
                                + " spreadsheet saving the file does)");
    }

    @Test
    void anOwnerNamedByUserNameIsFoundInAnyCase() {
        String id = "UC-" + UUID.randomUUID().toString().substring(0, 8);

        Map result = finished(start(
                "ACCOUNTS", true, "external_id,name,owner\n" + id + "-1,Upper Ltd,ROB\n" + id + "-2,Mixed Ltd,Rob\n"));

        assertThat(rowErrors(result)).isEmpty();
        assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("created", 2);
    }

    private List<LocalDate> renewals(String idPrefix) {
        return jdbc.queryForList(
                "select renewal_date from account where external_source = 'BATON' and external_id like ?"
                        + " order by external_id",
                LocalDate.class,
                idPrefix + "-%");
    }

    private ResponseEntity<Map> upload(String kind, boolean dryRun, String csv) {
        return ImportsApi.upload(http.withBasicAuth("ada", "demo"), kind, "BATON", dryRun, csv);
    }

    private long start(String kind, boolean dryRun, String csv) {
        return ImportsApi.start(http.withBasicAuth("ada", "demo"), kind, dryRun, csv);
    }

    private Map finished(long id) {
        return ImportsApi.finished(http.withBasicAuth("ada", "demo"), id);
    }

    private static List<String> rowErrors(Map result) {
        return ((List<Map>) result.get("errors"))
                .stream()
                        .map(e -> e.get("row") + " " + e.get("column") + ": " + e.get("problem"))
                        .toList();
    }
}
