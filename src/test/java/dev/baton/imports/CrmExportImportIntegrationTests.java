package dev.baton.imports;

import static dev.baton.imports.ImportsApi.finished;
import static dev.baton.imports.ImportsApi.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Files as Salesforce and HubSpot really write them, through {@code POST /api/imports} and the import pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    private TestRestTemplate admin() {
        return http.withBasicAuth("ada", "demo");
    }
}
