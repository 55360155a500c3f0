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
    private static final Pattern LETTERS = Pattern.compile("[\\p{L}\\p{N}]+");

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
     * A name in the Latin scripts (most of them) takes a loop that yields the same as the Unicode
     * route ({@link #normaliseUnicode}) without its per-name normalisation and regular expressions,
     * which were a third of the data-quality summary's time at 300,000 contacts: each character below
     * U+0250 is looked up in {@link #LATIN}, worked out once by that same route. Any other character
     * sends the whole name the Unicode route. Takes a non-null name; returns its words joined by
     * single spaces ("" for none).
     */
    public static String normalise(String name) {
        List<String> words = new ArrayList<>(4);
        StringBuilder word = new StringBuilder(name.length());
        for (int i = 0; i <= name.length(); i++) {
            char ch = i < name.length() ? name.charAt(i) : ' ';
            String letters = ch < LATIN.length ? LATIN[ch] : null;
            if (letters == null) {
                return normaliseUnicode(name);
            }
            if (letters.equals(BREAK)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(letters);
            }
        }
        words.sort(null);
        return String.join(" ", words);
    }

    /** In {@link #LATIN}: the character separates words. */
    private static final String BREAK = " ";

    /**
     * What the Unicode route makes of each character below U+0250 on its own: its letters and digits
     * (lower case, marks dropped; "" for a mark), {@link #BREAK} for a separator, null where the
     * result mixes both and the whole name must take the Unicode route.
     */
    private static final String[] LATIN = latin();

    private static String[] latin() {
        String[] table = new String[0x250];
        for (char ch = 0; ch < table.length; ch++) {
            String plain = MARKS.matcher(Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD))
                    .replaceAll("")
                    .toLowerCase(Locale.ROOT);
            if (plain.isEmpty() || LETTERS.matcher(plain).matches()) {
                table[ch] = plain;
            } else if (NOT_LETTERS.matcher(plain).matches()) {
                table[ch] = BREAK;
            }
        }
        return table;
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
