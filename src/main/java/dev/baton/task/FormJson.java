package dev.baton.task;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Camunda Forms files read as JSON with a nesting limit of their own ({@value #MAX_NESTING} levels),
 * whatever the application's shared ObjectMapper allows request bodies: an uploaded form, an embedded
 * one, and a task's form when it is shown all read the same. Deeper is refused in words: a probe's form
 * nested 900 groups deep was "not JSON" (Jackson's own limit, 1,000 levels, read as a syntax error).
 * Baton walks a form's groups recursively, and a 200-group form (about 400 levels) uploads and runs.
 */
public final class FormJson {

    /** How deep a form's objects and lists may nest: the form itself is level 1, a group takes two. */
    public static final int MAX_NESTING = 500;

    // one more than the limit: the depth pass below stops at it before Jackson would refuse
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING + 1)
                            .build())
                    .build())
            .build();

    private FormJson() {}

    /** A form's JSON nested deeper than {@link #MAX_NESTING}: its message says so in words. */
    public static final class TooDeep extends IOException {
        TooDeep() {
            super("it is nested more than " + MAX_NESTING
                    + " levels deep (each object and list is a level; a group takes two)");
        }
    }

    /**
     * The form's JSON as a tree.
     *
     * @param json a form file's bytes (UTF-8, or any encoding JSON allows)
     * @return the tree, or null for an empty file
     * @throws TooDeep when objects and lists nest deeper than {@link #MAX_NESTING}
     * @throws IOException when it is not JSON
     */
    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser depth = JSON.createParser(json)) {
            check(depth);
        }
        return JSON.readTree(json);
    }

    /** {@link #read(byte[])} for a form's text (an embedded form, a task's stored schema). */
    public static JsonNode read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads every token (no tree is built, nothing recurses), refusing at the first level too deep. */
    private static void check(JsonParser parser) throws IOException {
        int level = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token.isStructStart() && ++level > MAX_NESTING) {
                throw new TooDeep();
            }
            if (token.isStructEnd()) {
                level--;
            }
        }
    }
}
