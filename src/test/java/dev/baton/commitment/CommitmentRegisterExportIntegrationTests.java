package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Found by the session 27 probe: the register opens with "open only" ticked (27 rows) but its Export
 * CSV link dropped that default and downloaded all 46 commitments. For each filter the page offers, as
 * a browser follows them on the demo data: the rows of every page of the register (its page links)
 * are the rows of the CSV its export link downloads, in the same order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitmentRegisterExportIntegrationTests {

    private static final Pattern ROW = Pattern.compile("<a href=\"/commitments/(\\d+)\">");
    private static final Pattern EXPORT = Pattern.compile("href=\"(/commitments/export\\.csv[^\"]*)\"");
    private static final Pattern PAGE_LINK = Pattern.compile("class=\"page-link\" href=\"([^\"]*)\"");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstViewExportsOnlyTheOpenCommitmentsItShows() {
        List<Long> shown = rowsOfEveryPage("");
        List<CSVRecord> csv = csv(exportLink(page("")));

        assertThat(exportLink(page(""))).isEqualTo("/commitments/export.csv?open=true");
        assertThat(csv).extracting(r -> Long.valueOf(r.get("id"))).containsExactlyElementsOf(shown);
        assertThat(csv)
                .extracting(r -> r.get("status"))
                .isNotEmpty()
                .allMatch(s ->
                        List.of("PROPOSED", "ACCEPTED", "DELIVERED", "REJECTED").contains(s));
        assertThat(count("select count(*) from commitment"))
                .as("the demo data has settled commitments the first view leaves out")
                .isGreaterThan(shown.size());
    }

    @Test
    void everyFiltersCsvHoldsExactlyThePagesRows() {
        long rob = count("select id from person where username = 'rob'");
        long team = count("select min(delivering_team_id) from commitment");
        LocalDate today = LocalDate.now();
        List<String> filters = List.of(
                "open=true",
                "overdue=true",
                "unowned=true",
                "rejected=true",
                "status=VERIFIED",
                "owner=" + rob,
                "team=" + team,
                "dueFrom=" + today.minusDays(30) + "&dueTo=" + today.plusDays(30),
                "open=true&team=" + team + "&owner=" + rob,
                // the form sent with "open only" unticked and nothing chosen: every commitment
                "status=&owner=&team=&account=&dueFrom=&dueTo=");
        for (String filter : filters) {
            List<Long> shown = rowsOfEveryPage(filter);
            List<Long> exported = csv(exportLink(page(filter))).stream()
                    .map(r -> Long.valueOf(r.get("id")))
                    .toList();
            assertThat(exported).as(filter).containsExactlyElementsOf(shown);
        }
        assertThat(rowsOfEveryPage("status=&owner=&team=&account=&dueFrom=&dueTo="))
                .hasSize((int) count("select count(*) from commitment"));
    }

    /** The ids of every page's rows, the pages reached by the page's own links. */
    private List<Long> rowsOfEveryPage(String query) {
        String first = page(query);
        Set<String> links = new LinkedHashSet<>(all(PAGE_LINK, first));
        List<Long> ids = new ArrayList<>();
        if (links.isEmpty()) {
            all(ROW, first).forEach(id -> ids.add(Long.valueOf(id)));
        }
        for (String link : links) {
            all(ROW, page(link.substring(1))).forEach(id -> ids.add(Long.valueOf(id)));
        }
        return ids;
    }

    private String page(String query) {
        return SignedIn.as(http, "cora")
                .getForObject("/commitments" + (query.isEmpty() ? "" : "?" + query), String.class);
    }

    private static String exportLink(String page) {
        Matcher link = EXPORT.matcher(page);
        assertThat(link.find()).as("the page's export link").isTrue();
        return HtmlUtils.htmlUnescape(link.group(1));
    }

    private List<CSVRecord> csv(String link) {
        String body =
                SignedIn.as(http, "cora").getForObject(java.net.URI.create(http.getRootUri() + link), String.class);
        try {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(body.substring(1))) // the byte-order mark
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(HtmlUtils.htmlUnescape(m.group(1)));
        }
        return found;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
