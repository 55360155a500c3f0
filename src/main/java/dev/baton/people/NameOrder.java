package dev.baton.people;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The one order of people by name, for every list and picker of people: a language's order, where
 * accented letters sort with their base letter ("Élodie" before "Zoe") and case matters last, not
 * the order of code points. In SQL it is the collation {@value #COLLATION} (migration V54: ICU's root
 * collation), in Java {@link #NAMES} (the JDK's root collator, which orders names the same way).
 */
public final class NameOrder {

    /** The database's collation for names: {@code order by p.full_name collate name_order}. */
    public static final String COLLATION = "name_order";

    // the JDK's collators compare under a lock: one may serve every thread
    private static final Collator ROOT = Collator.getInstance(Locale.ROOT);

    /** Names in that order. */
    public static final Comparator<String> NAMES = (a, b) -> ROOT.compare(a, b);

    /** People by full name in that order. */
    public static final Comparator<Person> PEOPLE = Comparator.comparing(Person::getFullName, NAMES);

    private NameOrder() {}
}
