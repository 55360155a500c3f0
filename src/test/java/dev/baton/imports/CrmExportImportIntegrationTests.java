package dev.baton.imports;

import static dev.baton.imports.ImportsApi.finished;
import static dev.baton.imports.ImportsApi.start;
import static dev.baton.imports.ImportsApi.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.SignedIn;
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

/** Files as Salesforce and HubSpot really write them, through {@code POST /api/imports} and the import pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings({"rawtypes", "unchecked"})
class CrmExportImportIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    /** Found by a hostile probe: the accounts pair "Id" was written the wrong way round, so no header had an id. */
    @Test
    void salesforceAccountsImportFromADataExportADataLoaderFileAndBatonsOwnTemplate() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dataExport =
                "\"Id\",\"IsDeleted\",\"Name\",\"Type\",\"BillingCountry\",\"OwnerId\",\"Renewal_Date__c\"\n" + "\"001E"
                        + run + "\",\"false\",\"Export " + run + "\",\"Customer\",\"Germany\",\"rob\",\"2027-05-01\"\n";
        String dataLoader = "ID,NAME,OWNERID\n001L" + run + ",Loader " + run + ",rob@baton.example\n";
        String own = "external_id,name,owner\n001B" + run + ",Own " + run + ",rob\n";

        for (String csv : List.of(dataExport, dataLoader, own)) {
            assertThat(finished(admin(), start(admin(), "ACCOUNTS", "SALESFORCE", false, csv)))
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("created", 1)
                    .containsEntry("errorCount", 0);
        }
        assertThat(jdbc.queryForList(
                        "select a.external_id || ' ' || a.name || ' ' || p.username from account a"
                                + " join person p on p.id = a.owner_id"
                                + " where a.external_source = 'SALESFORCE' and a.name like ? order by a.name",
                        String.class,
                        "% " + run))
                .containsExactly(
                        "001E" + run + " Export " + run + " rob",
                        "001L" + run + " Loader " + run + " rob",
                        "001B" + run + " Own " + run + " rob");
    }

    /** Found by a hostile probe: Salesforce's Username (an e-mail-shaped login) became the username and was refused. */
    @Test
    void aSalesforceUserExportTakesTheAliasAsTheUsernameOfNewPeopleAndSaysSo() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String users = "\"Id\",\"Username\",\"LastName\",\"FirstName\",\"Name\",\"Alias\",\"Email\",\"IsActive\","
                + "\"TimeZoneSidKey\"\n"
                + "\"005R" + run + "\",\"rob@baton.example.prod\",\"Jansen\",\"Rob\",\"Rob Jansen\",\"rjans\","
                + "\"rob@baton.example\",\"true\",\"Europe/Berlin\"\n"
                + "\"005Z" + run + "\",\"zoe." + run + "@baton.example.prod\",\"New\",\"Zoe\",\"Zoe New\",\"ZNew\","
                + "\"zoe." + run + "@baton.example\",\"true\",\"Europe/Berlin\"\n";
        String dataLoader = "ID,USERNAME,EMAIL,NAME\n005D" + run + ",dee." + run + "@baton.example.prod,dee." + run
                + "@baton.example,Dee Loader\n";

        Map export = finished(admin(), start(admin(), "PEOPLE", "SALESFORCE", true, users));
        Map loaded = finished(admin(), start(admin(), "PEOPLE", "SALESFORCE", true, dataLoader));

        assertThat(export)
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("created", 1)
                .containsEntry("updated", 1);
        assertThat(notices(export))
                .containsExactly(
                        "2 Alias: differs from Rob Jansen's username, which stays rob: a username is set for new people"
                                + " only",
                        "2 Email: already in Baton: updates Rob Jansen (rob), matched by e-mail",
                        "3 Alias: new person: username znew, from Alias");
        assertThat(loaded).containsEntry("status", "SUCCEEDED").containsEntry("created", 1);
        assertThat(notices(loaded))
                .containsExactly("2 EMAIL: new person: username dee." + run
                        + ", from the e-mail address (the row has no username)");
    }

    /** Found by a re-probe: an e-mail unfit as a username was an error at "username", a column the file lacks. */
    @Test
    void aSalesforceUserWithoutAliasWhoseEmailMakesNoUsernameIsAnErrorAtTheEmail() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String users = "\"Id\",\"LastName\",\"FirstName\",\"Name\",\"Email\",\"IsActive\"\n" + "\"005P" + run
                + "\",\"Plus\",\"Bert\",\"Bert Plus\",\"Bert.Plus+" + run + "@baton.example\",\"true\"\n";

        Map result = finished(admin(), start(admin(), "PEOPLE", "SALESFORCE", true, users));

        assertThat(result).containsEntry("status", "FAILED");
        assertThat(rowErrors(result))
                .containsExactly("2 Email: gives no username: the row has no Alias, so the username would be the"
                        + " e-mail address's local part ('bert.plus+" + run + "'), which must be lower-case letters,"
                        + " digits, '.', '_' or '-' (at most 60); fill in Alias");
    }

    /**
     * Found by a probe: a Salesforce user whose Alias is blank gets the e-mail's local part as username; when that
     * is taken the error is at the Email it was made from, not at "username", which the file does not have.
     */
    @Test
    void aSalesforceUsernameTakenIsAnErrorAtAliasOrAtTheEmailItWasMadeFrom() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String users = "\"Id\",\"Name\",\"Email\",\"Alias\"\n" + "\"005A" + run + "\",\"Rob Other\",\"Rob@" + run
                + ".example\",\"\"\n" + "\"005B" + run + "\",\"Robin Other\",\"robin@" + run + ".example\",\"rob\"\n";

        Map result = finished(admin(), start(admin(), "PEOPLE", "SALESFORCE", true, users));

        assertThat(result).containsEntry("status", "FAILED");
        assertThat(rowErrors(result))
                .containsExactly(
                        "2 Email: the username 'rob' made from the e-mail Rob@" + run + ".example is taken by Rob"
                                + " Jansen (rob@baton.example): fill in Alias",
                        "3 Alias: is taken by Rob Jansen (rob@baton.example): give another username");
    }

    /** Found by a hostile probe: HubSpot's "Associated Company IDs (Primary)" alone was a missing column account. */
    @Test
    void aHubspotContactGoesToItsPrimaryCompanyFromEitherAssociationColumn() {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        hubspotCompanies(run, "71", "Primary", "72", "Other");
        String primaryOnly = "Record ID,First Name,Last Name,Email,Associated Company IDs (Primary)\n" + "81" + run
                + ",Pia,Only,pia." + run + "@primary.test,71" + run + "\n";
        String both = "Record ID,First Name,Last Name,Email,Associated Company IDs,Associated Company IDs (Primary)\n"
                + "82" + run + ",Bo,Both,bo." + run + "@primary.test,72" + run + ";71" + run + ",71" + run + "\n";

        for (String csv : List.of(primaryOnly, both)) {
            assertThat(finished(admin(), start(admin(), "CONTACTS", "HUBSPOT", false, csv)))
                    .containsEntry("status", "SUCCEEDED")
                    .containsEntry("created", 1);
        }
        assertThat(hubspotContactsAtTheirAccounts("81" + run, "82" + run))
                .containsExactly("Bo Both @ Primary " + run, "Pia Only @ Primary " + run);
    }

    /** Found by a re-probe: a blank primary cell was "is required" though the other column named the company. */
    @Test
    void aBlankPrimaryCompanyCellGivesWayToTheOtherAssociationColumn() {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        hubspotCompanies(run, "73", "Plain", "74", "Chosen");
        String contacts =
                "Record ID,First Name,Last Name,Email,Associated Company IDs (Primary),Associated Company IDs\n"
                        + "83" + run + ",Bea,Blank,bea." + run + "@primary.test,,73" + run + ";74" + run + "\n"
                        + "84" + run + ",Fay,Filled,fay." + run + "@primary.test,74" + run + ",73" + run + "\n";

        assertThat(finished(admin(), start(admin(), "CONTACTS", "HUBSPOT", false, contacts)))
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("created", 2)
                .containsEntry("errorCount", 0);
        assertThat(hubspotContactsAtTheirAccounts("83" + run, "84" + run))
                .containsExactly("Bea Blank @ Plain " + run, "Fay Filled @ Chosen " + run);
    }

    /** Found by a re-probe: of two primary company columns the later one won, silently. */
    @Test
    void twoPrimaryCompanyColumnsAreRefusedAsAColumnNamedTwiceIs() {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String contacts =
                "Record ID,First Name,Last Name,Associated Company IDs (Primary),Primary Associated Company ID\n" + "85"
                        + run + ",Tom,Two,8000001,8000002\n";

        ResponseEntity<Map> refused = upload(admin(), "CONTACTS", "HUBSPOT", false, contacts);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((Map) refused.getBody().get("errors")).get("file"))
                .isEqualTo("the header has two primary columns for account, 'Associated Company IDs (Primary)' and"
                        + " 'Primary Associated Company ID' (columns 4 and 5): keep one of them");
        assertThat(jdbc.queryForObject(
                        "select count(*) from contact where external_source = 'HUBSPOT' and external_id = ?",
                        Integer.class,
                        "85" + run))
                .isZero();
    }

    /** Found by a hostile probe: Excel's empty trailing fields were an error, and the pages spoke in enum names. */
    @Test
    void excelsEmptyTrailingFieldsAreReadAndThePagesSayWhatWasImportedInWords() {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String trailing = "Record ID;Company name;Company owner\n" + "61" + run + ";Alpha " + run + ";Rob Jansen;;\n"
                + "62" + run + ";\"Beta; " + run + "\";Rita Okafor\n";
        String overflowing = trailing.replace("Rob Jansen;;", "Rob Jansen;; x ");

        Map read = finished(admin(), start(admin(), "ACCOUNTS", "HUBSPOT", true, trailing));
        long refused = start(admin(), "ACCOUNTS", "HUBSPOT", true, overflowing);

        assertThat(read).containsEntry("status", "SUCCEEDED").containsEntry("created", 2);
        assertThat(rowErrors(finished(admin(), refused)))
                .containsExactly("2 column 5: has 5 fields where the header has 3: column 5 is past the last"
                        + " column, Company owner, and where the row went wrong cannot be told from the file: if its"
                        + " values stand in their columns, column 5 holds one too many (delete it); else a separator"
                        + " cut the first value out of place in two (put that value in quotes)");
        String page = SignedIn.as(http, "ada").getForObject("/imports/" + refused, String.class);
        String list = SignedIn.as(http, "ada").getForObject("/imports", String.class);
        assertThat(page)
                .contains("accounts from HubSpot", "1 problem in 2 rows:", "<td>column 5</td><td>x</td>")
                .doesNotContain("ACCOUNTS from", "HUBSPOT", "1 problems");
        assertThat(list)
                .contains("<td>HubSpot</td>", "<td>Accounts</td>")
                .doesNotContain("Hubspot", "<td>ACCOUNTS</td>");
    }

    /** Two HubSpot companies owned by Rob Jansen: ids {@code id + run}, names {@code name + " " + run}. */
    private void hubspotCompanies(String run, String id1, String name1, String id2, String name2) {
        String companies = "Record ID,Company name,Company owner\n" + id1 + run + "," + name1 + " " + run
                + ",Rob Jansen\n" + id2 + run + "," + name2 + " " + run + ",Rob Jansen\n";
        assertThat(finished(admin(), start(admin(), "ACCOUNTS", "HUBSPOT", false, companies)))
                .containsEntry("errorCount", 0);
    }

    /** "full name @ account name" of the HubSpot contacts with these ids, by full name. */
    private List<String> hubspotContactsAtTheirAccounts(String... externalIds) {
        return jdbc.queryForList(
                "select c.full_name || ' @ ' || a.name from contact c join account a on a.id = c.account_id"
                        + " where c.external_source = 'HUBSPOT' and c.external_id = any (?) order by c.full_name",
                String.class,
                (Object) externalIds);
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("ada", "demo");
    }

    private static List<String> notices(Map result) {
        return lines((List<Map>) result.get("notices"));
    }

    private static List<String> rowErrors(Map result) {
        return lines((List<Map>) result.get("errors"));
    }

    private static List<String> lines(List<Map> errors) {
        return errors.stream()
                .map(e -> e.get("row") + " " + e.get("column") + ": " + e.get("problem"))
                .toList();
    }
}
