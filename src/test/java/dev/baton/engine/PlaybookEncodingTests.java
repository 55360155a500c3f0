package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files saved in any encoding an XML (or JSON) parser reads become the same UTF-8 text. */
class PlaybookEncodingTests {

    static final String XML = "<?xml version=\"1.0\" encoding=\"%s\"?>\n<definitions name=\"Prüfung ✓\"/>";

    @Test
    void utf8WithoutAByteOrderMarkIsKeptByteForByte() {
        byte[] bytes = XML.formatted("utf-8").getBytes(StandardCharsets.UTF_8);

        assertThat(bpmn(bytes)).isSameAs(bytes);
    }

    @Test
    void utf16WithOrWithoutAByteOrderMarkAndUtf8WithOneBecomeUtf8SayingSo() {
        String expected = XML.formatted("UTF-8");

        assertThat(text(bpmn(XML.formatted("UTF-16").getBytes(StandardCharsets.UTF_16)))) // big-endian, with BOM
                .isEqualTo(expected);
        assertThat(text(bpmn(bom(0xFF, 0xFE, XML.formatted("UTF-16"), StandardCharsets.UTF_16LE))))
                .isEqualTo(expected);
        assertThat(text(bpmn(XML.formatted("UTF-16").getBytes(StandardCharsets.UTF_16LE))))
                .isEqualTo(expected);
        assertThat(text(bpmn(bom(0xEF, 0xBB, 0xBF, XML.formatted("UTF-8"), StandardCharsets.UTF_8))))
                .isEqualTo(expected);
    }

    @Test
    void theEncodingTheDeclarationNamesIsReadAndTheDeclarationRewritten() {
        String latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?><definitions name=\"Prüfung\"/>";

        assertThat(text(bpmn(latin1.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?><definitions name=\"Prüfung\"/>");
        assertThat(text(bpmn(
                        XML.formatted("windows-1252").replace(" ✓", "").getBytes(Charset.forName("windows-1252")))))
                .contains("encoding=\"UTF-8\"", "Prüfung");
    }

    @Test
    void bytesThatAreNotTextInTheirEncodingAreRefusedNamingTheFile() {
        byte[] latin1SaidUtf8 = XML.formatted("UTF-8").replace(" ✓", "").getBytes(StandardCharsets.ISO_8859_1);
        byte[] unknown = XML.formatted("no-such-encoding").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> bpmn(latin1SaidUtf8))
                .isInstanceOfSatisfying(
                        PlaybookRefused.class,
                        e -> assertThat(e.getProblems()).singleElement().satisfies(p -> {
                            assertThat(p.elementName()).isEqualTo("p.bpmn");
                            assertThat(p.message()).contains("not UTF-8 text", "save it as UTF-8");
                        }));
        assertThatThrownBy(() -> bpmn(unknown))
                .isInstanceOfSatisfying(
                        PlaybookRefused.class,
                        e -> assertThat(e.getProblems().getFirst().message())
                                .contains("names an encoding Baton cannot read"));
    }

    @Test
    void aFormInUtf16BecomesUtf8AndOneWithNulIsRefused() {
        String form = "{\"id\": \"f\", \"components\": [], \"label\": \"Prüfung\"}";

        PlaybookFiles files = PlaybookEncoding.utf8(new PlaybookFiles(
                "p.bpmn",
                XML.formatted("UTF-8").getBytes(StandardCharsets.UTF_8),
                Map.of(
                        "bom.form", bom(0xFF, 0xFE, form, StandardCharsets.UTF_16LE),
                        "plain.form", form.getBytes(StandardCharsets.UTF_16BE))));

        assertThat(files.forms())
                .allSatisfy((name, bytes) -> assertThat(text(bytes)).isEqualTo(form));
        assertThatThrownBy(() -> PlaybookEncoding.utf8(new PlaybookFiles(
                        "p.bpmn",
                        XML.formatted("UTF-8").getBytes(StandardCharsets.UTF_8),
                        Map.of("nul.form", "{\"id\": \"f\"}\0".getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(PlaybookRefused.class)
                .hasMessageContaining("NUL");
    }

    private static byte[] bpmn(byte[] bytes) {
        return PlaybookEncoding.utf8(new PlaybookFiles("p.bpmn", bytes, Map.of()))
                .bpmn();
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] bom(int a, int b, String text, Charset charset) {
        return bom(new byte[] {(byte) a, (byte) b}, text, charset);
    }

    private static byte[] bom(int a, int b, int c, String text, Charset charset) {
        return bom(new byte[] {(byte) a, (byte) b, (byte) c}, text, charset);
    }

    private static byte[] bom(byte[] mark, String text, Charset charset) {
        byte[] body = text.getBytes(charset);
        byte[] bytes = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, bytes, 0, mark.length);
        System.arraycopy(body, 0, bytes, mark.length, body.length);
        return bytes;
    }
}
