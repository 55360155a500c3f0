package dev.baton.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonTests {

    static Person person(String username) {
        return new Person(username, username, username + "@example.com", "x", Set.of(Role.REP));
    }

    @Test
    void cannotReportToThemselves() {
        Person ann = person("ann");
        assertThatThrownBy(() -> ann.reportTo(ann))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reporting loop");
    }

    @Test
    void cannotReportToSomeoneWhoReportsToThemThroughOthers() {
        Person ann = person("ann");
        Person ben = person("ben");
        Person cai = person("cai");
        ben.reportTo(ann);
        cai.reportTo(ben);

        assertThatThrownBy(() -> ann.reportTo(cai)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ann.getManager()).isNull();
    }

    @Test
    void reportsToAManagerOutsideTheirOwnLine() {
        Person ann = person("ann");
        Person ben = person("ben");
        Person cai = person("cai");
        ben.reportTo(ann);

        cai.reportTo(ben);
        cai.reportTo(null);

        assertThat(cai.getManager()).isNull();
        ann.reportTo(cai);
        assertThat(ann.getManager()).isSameAs(cai);
    }
}
