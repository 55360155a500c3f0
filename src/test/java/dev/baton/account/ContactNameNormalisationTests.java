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
    void plainAsciiNamesComeOutAsTheUnicodePathLeavesThem() {
        for (String name : List.of(
                "",
                "   ",
                "--",
                "Ann",
                "O'Brien, Mary-Kate",
                "  Dr. J. R. R.  Tolkien  ",
                "Contact 2 of 12345",
                "x_y\tz\u007f9",
                "ZOË? no: Zoe")) {
            assertThat(DuplicateContacts.normalise(name)).as(name).isEqualTo(DuplicateContacts.normaliseUnicode(name));
        }
    }
}
