package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PeopleSearchIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void findsPeopleByAPartOfTheirEmailOrNameInAnyCase() {
        assertThat(usernames("okafor")).containsExactly("rita");
        assertThat(usernames("RITA@BATON")).containsExactly("rita");
        assertThat(usernames("jansen")).containsExactly("rob");
        assertThat(usernames("100%_")).isEmpty(); // wildcards are searched as text
    }

    private List<Object> usernames(String q) {
        Map page = http.withBasicAuth("rob", "demo").getForObject("/api/people?q={q}", Map.class, q);
        return ((List<Map>) page.get("content"))
                .stream().map(p -> p.get("username")).toList();
    }
}
