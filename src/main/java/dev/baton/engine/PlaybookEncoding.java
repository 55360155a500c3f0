package dev.baton.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A playbook's files as UTF-8, the one encoding Baton stores, shows and deploys: a BPMN file saved
 * in another encoding (UTF-16 with or without a byte order mark, or one its XML declaration names,
 * e.g. ISO-8859-1) is decoded as an XML parser decodes it (XML 1.0, appendix F) and its declaration
 * rewritten to say UTF-8; a form (JSON) as JSON parsers detect it (UTF-8, or UTF-16 by its byte
 * order mark or its zero bytes). A file already in UTF-8 without a byte order mark is kept byte for
 * byte. Read only files Baton's checks accepted: those parsed them with their encoding.
 */
final class PlaybookEncoding {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern DECLARATION = Pattern.compile("^(<\\?xml\\s[^>]*?encoding\\s*=\\s*)([\"'])[^\"']*\\2");
    private static final String SAVE_AS_UTF_8 = ": save it as UTF-8 (Camunda Modeler does) and upload it again";

    /** A charset and the byte order mark before the text (0, 2 or 3 bytes). */
    private record Detected(Charset charset, int bom) {}

    private PlaybookEncoding() {}

    /**
     * @throws PlaybookRefused naming each file Baton cannot read as text in its encoding
     */
    static PlaybookFiles utf8(PlaybookFiles files) {
        List<PlaybookProblem> problems = new ArrayList<>();
        byte[] bpmn = xml(files.bpmnName(), files.bpmn(), problems);
        Map<String, byte[]> forms = new LinkedHashMap<>();
        files.forms().forEach((name, bytes) -> forms.put(name, json(name, bytes, problems)));
        if (!problems.isEmpty()) {
            throw new PlaybookRefused(files.bpmnName(), problems);
        }
        return new PlaybookFiles(files.bpmnName(), bpmn, forms);
    }

    private static byte[] xml(String name, byte[] bytes, List<PlaybookProblem> problems) {
        Detected detected = xmlEncoding(bytes);
        if (detected == null) {
            problems.add(PlaybookProblem.ofFile(
                    name, "its XML declaration names an encoding Baton cannot read" + SAVE_AS_UTF_8));
            return bytes;
        }
        String text = decode(name, bytes, detected, problems);
        if (text == null || detected.charset().equals(StandardCharsets.UTF_8) && detected.bom() == 0) {
            return bytes;
        }
        Matcher declaration = DECLARATION.matcher(text);
        String utf8 = declaration.find() ? declaration.replaceFirst("$1$2UTF-8$2") : text;
        return utf8.getBytes(StandardCharsets.UTF_8);
    }

    /** XML 1.0 appendix F: a byte order mark, else the zero bytes of UTF-16, else the declared encoding or UTF-8. */
    private static Detected xmlEncoding(byte[] b) {
        Detected unicode = unicode(b);
        if (unicode != null) {
            return unicode;
        }
        if (starts(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return new Detected(StandardCharsets.UTF_16BE, 0);
        }
        if (starts(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return new Detected(StandardCharsets.UTF_16LE, 0);
        }
        // ASCII up to the declaration's end in every encoding an XML parser reads without these clues
        String head = new String(b, 0, Math.min(b.length, 200), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        if (!declared.find()) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        try {
            Charset charset = Charset.forName(declared.group(1).strip());
            // a declaration saying UTF-16 (or EBCDIC) in ASCII bytes: no parser reads it that way
            return Arrays.equals("<?xml".getBytes(charset), 0, 5, b, 0, Math.min(5, b.length))
                    ? new Detected(charset, 0)
                    : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** RFC 8259 asks for UTF-8; as Jackson, UTF-16 is recognised by its byte order mark or zero bytes. */
    private static byte[] json(String name, byte[] bytes, List<PlaybookProblem> problems) {
        Detected detected = unicode(bytes);
        if (detected == null && bytes.length >= 2) {
            detected = bytes[0] == 0 && bytes[1] != 0
                    ? new Detected(StandardCharsets.UTF_16BE, 0)
                    : bytes[0] != 0 && bytes[1] == 0 ? new Detected(StandardCharsets.UTF_16LE, 0) : null;
        }
        if (detected == null) {
            detected = new Detected(StandardCharsets.UTF_8, 0);
        }
        String text = decode(name, bytes, detected, problems);
        return text == null || detected.charset().equals(StandardCharsets.UTF_8) && detected.bom() == 0
                ? bytes
                : text.getBytes(StandardCharsets.UTF_8);
    }

    private static Detected unicode(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (starts(b, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        if (starts(b, 0xFF, 0xFE) && !starts(b, 0xFF, 0xFE, 0x00, 0x00)) { // that one is UTF-32LE
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        return null;
    }

    /** The text, or null with a problem when the bytes are not text in that encoding (or hold a NUL). */
    private static String decode(String name, byte[] bytes, Detected detected, List<PlaybookProblem> problems) {
        ByteBuffer in = ByteBuffer.wrap(bytes, detected.bom(), bytes.length - detected.bom());
        try {
            String text = detected.charset()
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
            int nul = text.indexOf('\0');
            if (nul < 0) {
                return text;
            }
            problems.add(PlaybookProblem.ofFile(
                    name,
                    "it is not " + detected.charset().name() + " text: character " + nul + " is NUL" + SAVE_AS_UTF_8));
        } catch (CharacterCodingException e) {
            problems.add(PlaybookProblem.ofFile(
                    name,
                    "it is not " + detected.charset().name() + " text: byte " + in.position()
                            + " is not a character in it" + SAVE_AS_UTF_8));
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
