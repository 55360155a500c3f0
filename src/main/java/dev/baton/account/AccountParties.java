package dev.baton.account;

import dev.baton.people.Person;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people a playbook names by their role on an account: its owner, the owner's manager and its
 * primary contact. One definition for the variables a playbook gets at launch and for the
 * building blocks' recipients.
 */
@Service
public class AccountParties {

    /** Someone on either side: {@code username} is null for a customer's contact. */
    public record Party(String username, String fullName, String email) {

        static Party of(Person p) {
            return p == null ? null : new Party(p.getUsername(), p.getFullName(), p.getEmail());
        }

        static Party of(Contact c) {
            return c == null ? null : new Party(null, c.getFullName(), c.getEmail());
        }
    }

    /** Each party may be null: an account without owner, an owner without manager, no primary contact. */
    public record Parties(long accountId, String accountName, Party owner, Party ownerManager, Party primaryContact) {}

    private final Accounts accounts;
    private final Contacts contacts;

    AccountParties(Accounts accounts, Contacts contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    /** Empty when the account does not exist. */
    @Transactional(readOnly = true)
    public Optional<Parties> of(long accountId) {
        return accounts.findById(accountId).map(a -> {
            Person owner = a.getOwner();
            Contact primary = contacts.findByAccountIdAndPrimaryTrue(accountId).orElse(null);
            return new Parties(
                    accountId,
                    a.getName(),
                    Party.of(owner),
                    owner == null ? null : Party.of(owner.getManager()),
                    Party.of(primary));
        });
    }
}
