package dev.baton.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.baton.people.AbsenceService;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Found by session 41's probe: the wizard's list of whom to hand over counted each listed person's accounts
 * with a query of their own (an admin's list is everyone). The numbers come from one count for the list.
 */
class SuccessorCandidatesTests {

    private final PeopleLookup people = mock(PeopleLookup.class);
    private final ReportingLines lines = mock(ReportingLines.class);
    private final SuccessorRules rules = mock(SuccessorRules.class);
    private final Book book = mock(Book.class);
    private final HandoverItems items = mock(HandoverItems.class);
    private final SuccessorCandidates candidates = new SuccessorCandidates(
            people,
            lines,
            rules,
            book,
            mock(AbsenceService.class),
            mock(HandoverSettings.class),
            mock(Handovers.class),
            mock(HandoverVisibility.class),
            items);

    @Test
    void theWizardsListCountsTheBooksOfEveryoneListedAtOnce() {
        Person mona = person(1L, "mona", "Mona Manager");
        Person rob = person(2L, "rob", "Rob Jansen");
        Person lee = person(3L, "lee", "Lee Park");
        Person ann = person(4L, "ann", "Ann Berg");
        when(people.everyone()).thenReturn(List.of(mona, rob, lee, ann));
        when(lines.line(mona)).thenReturn(Set.of("rob", "lee", "ann"));
        when(rules.beingHandedOver(anyCollection())).thenReturn(Set.of());
        when(items.withAccountsIncomingAmong(anyCollection())).thenReturn(Set.of());
        when(book.withSomethingToHandOver(anyCollection())).thenReturn(Set.of(2L, 3L, 4L));
        when(book.accountCounts(anyCollection())).thenReturn(Map.of(2L, 3L, 3L, 0L, 4L, 1L));

        assertThat(candidates.departing(mona))
                .extracting(SuccessorCandidates.Candidate::username, SuccessorCandidates.Candidate::accounts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ann", 1L),
                        org.assertj.core.groups.Tuple.tuple("lee", 0L),
                        org.assertj.core.groups.Tuple.tuple("rob", 3L));
        verify(book, times(1)).accountCounts(anyCollection());
        verify(book, never()).accountCount(any());
    }

    private static Person person(long id, String username, String fullName) {
        Person p = mock(Person.class);
        when(p.getId()).thenReturn(id);
        when(p.getUsername()).thenReturn(username);
        when(p.getFullName()).thenReturn(fullName);
        when(p.isActive()).thenReturn(true);
        when(p.hasRole(Role.REP)).thenReturn(!"mona".equals(username));
        when(p.hasRole(Role.MANAGER)).thenReturn("mona".equals(username));
        return p;
    }
}
