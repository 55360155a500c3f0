package dev.baton.people.web;

import dev.baton.people.NewAbsence;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The "record an absence" form as sent: a bean, so that a date the page cannot read (2026-02-30,
 * 03.12.2026) is marked at its field with the form kept, where a request parameter of its own was a
 * 400 before the page was reached.
 */
class AbsenceForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endsOn;

    private String delegate = "";
    private String note;

    NewAbsence toNewAbsence() {
        return new NewAbsence(startsOn, endsOn, delegate, note);
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getDelegate() {
        return delegate;
    }

    public void setDelegate(String delegate) {
        this.delegate = delegate == null ? "" : delegate;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
