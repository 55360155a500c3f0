package dev.baton.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Pages as a browser uses them: open one (its CSRF token and session cookie), post a form from it. */
final class HtmlForms {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Page(String html, String csrf, List<String> cookies) {}

    private HtmlForms() {}

    static Page open(TestRestTemplate user, String path) {
        ResponseEntity<String> page = user.getForEntity(path, String.class);
        Matcher token = CSRF.matcher(page.getBody());
        assertThat(token.find()).as("a CSRF token on " + path).isTrue();
        return new Page(
                page.getBody(), token.group(1), page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()));
    }

    static ResponseEntity<String> submit(
            TestRestTemplate user, Page from, String action, MultiValueMap<String, String> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        from.cookies().forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
        fields.add("_csrf", from.csrf());
        return user.postForEntity(action, new HttpEntity<>(fields, headers), String.class);
    }

    static MultiValueMap<String, String> form(String... keyValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            form.add(keyValues[i], keyValues[i + 1]);
        }
        return form;
    }
}
