package dev.baton.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate detection compares names as {@link AccountQuality#normalise} leaves them. */
class ContactNameNormalisationTests {

    @Test
    void accentsCasePunctuationAndWordOrderAreSetAside() {
        assertThat(AccountQuality.normalise("Müller, Jörg")).isEqualTo("jorg muller");
        assertThat(AccountQuality.normalise("jorg  MULLER.")).isEqualTo("jorg muller");
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
            assertThat(AccountQuality.normalise(name)).as(name).isEqualTo(AccountQuality.normaliseUnicode(name));
        }
    }
}
