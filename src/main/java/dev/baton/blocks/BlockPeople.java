package dev.baton.blocks;

import dev.baton.people.PeopleByName;
import dev.baton.people.Person;
import org.springframework.stereotype.Component;

/** People a block's input names (user name or e-mail, see {@link PeopleByName}), refused as input errors. */
@Component
public class BlockPeople {

    private final PeopleByName people;

    BlockPeople(PeopleByName people) {
        this.people = people;
    }

    /** The active person {@code nameOrEmail} names; otherwise an input error on {@code input}. */
    public Person active(String nameOrEmail, String input) {
        Person person = people.find(nameOrEmail)
                .orElseThrow(
                        () -> new BlockInputError(input, "nobody has the user name or e-mail '" + nameOrEmail + "'"));
        if (!person.isActive()) {
            throw new BlockInputError(input, person.getUsername() + " is inactive");
        }
        return person;
    }
}
