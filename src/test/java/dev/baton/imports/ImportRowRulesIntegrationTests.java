package dev.baton.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.baton.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Found by a probe of the imports: a file of a header alone. Through the API, on the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportRowRulesIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    @Test
    void aFileWithAHeaderButNoRowsIsRefusedAtFileAndNoImportIsRecorded() throws Exception {
        long imports = jdbc.queryForObject("select count(*) from import_job", Long.class);

        ResponseEntity<Map> header = upload("ACCOUNTS", "BATON", "external_id,name,owner\r\n\r\n");
        // a Salesforce report of no rows: its header, then only the report's footer lines
        ResponseEntity<Map> footer = upload(
                "ACCOUNTS",
                "SALESFORCE",
                "\"Account Owner\",\"Account Name\",\"Account ID\"\n\n\"Accounts report\"\n\"Copyright (c) Acme\"\n");

        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) header.getBody().get("errors"))
                .containsEntry("file", "the file has a header but no rows: add a row per record under the header");
        assertThat(footer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map) footer.getBody().get("errors"))
                .containsEntry(
                        "file",
                        "the file has a header but no rows: the 2 lines under it hold one field each, read as a"
                                + " report's footer");
        assertThat(jdbc.queryForObject("select count(*) from import_job", Long.class))
                .as("a refused file is no import")
                .isEqualTo(imports);

        // the page says the same where the form is
        MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build()
                .perform(multipart("/imports")
                        .file(new MockMultipartFile(
                                "file", "people.csv", "text/csv", "email,full_name\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "PEOPLE")
                        .param("source", "BATON")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/imports"))
                .andExpect(flash().attribute("error", startsWith("the file has a header but no rows")));
        assertThat(jdbc.queryForObject("select count(*) from import_job", Long.class))
                .isEqualTo(imports);
    }

    private ResponseEntity<Map> upload(String kind, String source, String csv) {
        return http.withBasicAuth("ada", "demo")
                .postForEntity(
                        "/api/imports?kind=" + kind + "&source=" + source + "&dryRun=true",
                        Multipart.texts("file", Map.of(kind.toLowerCase() + ".csv", csv)),
                        Map.class);
    }

}
