package dev.baton.shared;

import java.time.ZoneId;

/**
 * The time zone of whoever reads the page being rendered (the signed-in person's, else the company's),
 * for {@link Dates}. Implemented by the people module, which knows each person's zone.
 */
public interface ReaderZone {

    /** The reader's zone; the company's when nobody is signed in. Never null. */
    ZoneId current();
}
