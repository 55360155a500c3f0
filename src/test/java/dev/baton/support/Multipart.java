package dev.baton.support;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A multipart request body as a browser sends files: each under {@code field} with its file name. */
public final class Multipart {

    private Multipart() {}

    /** @param files file name to content (UTF-8) */
    public static HttpEntity<MultiValueMap<String, Object>> files(String field, Map<String, String> files) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        files.forEach(
                (name, content) -> body.add(field, new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return name;
                    }
                }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }
}
