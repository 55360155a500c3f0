package dev.baton.account;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * The contacts of one account, compared pairwise once all are read: likely one person when they
 * share an e-mail address or their normalised names are close (Jaro-Winkler, {@link #CLOSE_NAMES}).
 */
public final class DuplicateContacts {

    /** Normalised names at least this similar (Jaro-Winkler, 0 to 1) are likely one person. */
    public static final double CLOSE_NAMES = 0.93;

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

    final long accountId;
    final String accountName;
    final Long ownerId;
    final String ownerName;
    final List<Named> contacts = new ArrayList<>();

    /** An account's contacts are added in any order, then {@link #pairs} reports its likely duplicates. */
    DuplicateContacts(long accountId, String accountName, Long ownerId, String ownerName) {
        this.accountId = accountId;
        this.accountName = accountName;
        this.ownerId = ownerId;
        this.ownerName = ownerName;
    }

    /** {@code email} in lower case, or null. */
    record Named(long id, String name, String email) {}

    void add(long id, String name, String email) {
        contacts.add(new Named(id, name, email));
    }

    /** False when {@code found} asked to stop. */
    boolean pairs(Predicate<AccountQuality.Finding> found) {
        if (contacts.size() < 2) {
            return true;
        }
        contacts.sort(Comparator.comparingLong(Named::id));
        String[] normalised = contacts.stream().map(c -> normalise(c.name())).toArray(String[]::new);
        for (int b = 0; b < contacts.size(); b++) {
            for (int c = b + 1; c < contacts.size(); c++) {
                Named earlier = contacts.get(b);
                Named later = contacts.get(c);
                boolean sameEmail = earlier.email() != null && earlier.email().equals(later.email());
                if ((sameEmail || SIMILARITY.apply(normalised[b], normalised[c]) >= CLOSE_NAMES)
                        && !found.test(new AccountQuality.Finding(
                                AccountQuality.DUPLICATE_CONTACTS,
                                accountId,
                                accountName,
                                ownerId,
                                ownerName,
                                later.id(),
                                later.name(),
                                earlier.id(),
                                earlier.name(),
                                sameEmail ? "same e-mail address" : "close names"))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * "Müller, Jörg" and "jorg muller" alike: accents, case and punctuation dropped, words in order.
     * A name in plain ASCII (most of them) takes a loop that yields the same without Unicode
     * normalisation or regular expressions: these were a third of the data-quality summary's time at
     * 300,000 contacts. Takes a non-null name; returns its words joined by single spaces ("" for none).
     */
    public static String normalise(String name) {
        List<String> words = new ArrayList<>(4);
        char[] word = new char[name.length()];
        int length = 0;
        for (int i = 0; i <= name.length(); i++) {
            char ch = i < name.length() ? name.charAt(i) : ' ';
            if (ch >= 0x80) {
                return normaliseUnicode(name);
            }
            if (ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
                word[length++] = ch;
            } else if (ch >= 'A' && ch <= 'Z') {
                word[length++] = (char) (ch + ('a' - 'A'));
            } else if (length > 0) {
                words.add(new String(word, 0, length));
                length = 0;
            }
        }
        words.sort(null);
        return String.join(" ", words);
    }

    /** {@link #normalise} for any name: decomposed, marks dropped, lower case, split on what is not a letter or digit. */
    static String normaliseUnicode(String name) {
        String plain = NOT_LETTERS
                .matcher(MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD))
                        .replaceAll("")
                        .toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
        String[] words = plain.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }
}
