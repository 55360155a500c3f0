package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate detection compares names as {@link DuplicateContacts#normalise} leaves them. */
class ContactNameNormalisationTests {

    @Test
    void accentsCasePunctuationAndWordOrderAreSetAside() {
        assertThat(DuplicateContacts.normalise("Müller, Jörg")).isEqualTo("jorg muller");
        assertThat(DuplicateContacts.normalise("jorg  MULLER.")).isEqualTo("jorg muller");
    }

    @Test
    void latinNamesComeOutAsTheUnicodePathLeavesThem() {
        for (String name : List.of(
                "",
                "   ",
                "--",
                "Ann",
                "O'Brien, Mary-Kate",
                "  Dr. J. R. R.  Tolkien  ",
                "Contact 2 of 12345",
                "x_y\tz\u007f9",
                "ZOË? no: Zoe",
                "Müller, Jörg",
                "ŁUKASZ Żółć-Ślązak",
                "Ærøskøbing ÆSA straße",
                "İlkay Öztürk",
                "Nguyễn Thị Minh Khai",
                "Søren ½ Kierkegaard²",
                "Ἀθηνᾶ Παλλάς",
                "王小明 Wang")) {
            assertThat(DuplicateContacts.normalise(name)).as(name).isEqualTo(DuplicateContacts.normaliseUnicode(name));
        }
    }

    @Test
    void everyCharacterTheFastPathLooksUpComesOutAsTheUnicodePathLeavesIt() {
        for (char ch = 0; ch < 0x300; ch++) {
            String name = "Ab" + ch + "c d" + ch + ch;
            assertThat(DuplicateContacts.normalise(name))
                    .as("U+%04X", (int) ch)
                    .isEqualTo(DuplicateContacts.normaliseUnicode(name));
        }
    }
}
