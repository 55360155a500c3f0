package dev.baton.account;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the record a newcomer (a lead) already is or belongs to: a contact with the same e-mail
 * address, an account of the same company. Comparisons ignore case.
 */
@Service
public class AccountLookup {

    /** Mail providers whose domain says nothing about the company. */
    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "live.com",
            "yahoo.com",
            "icloud.com",
            "gmx.de",
            "gmx.net",
            "web.de",
            "proton.me",
            "protonmail.com",
            "aol.com");

    /** A contact found by e-mail: its id and full name, its account's id and name. */
    public record ContactMatch(long contactId, String contactName, long accountId, String accountName) {}

    private final NamedParameterJdbcTemplate jdbc;

    AccountLookup(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Contacts by e-mail address, keyed by the address in lower case (the lowest contact id when several share one). */
    @Transactional(readOnly = true)
    public Map<String, ContactMatch> contactsByEmail(Collection<String> emails) {
        Map<String, ContactMatch> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        jdbc.query(
                """
                select lower(c.email) as email, c.id, c.full_name, a.id as account_id, a.name from contact c
                join account a on a.id = c.account_id where lower(c.email) in (:emails) order by c.id desc
                """,
                Map.of(
                        "emails",
                        emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList()),
                rs -> {
                    found.put(
                            rs.getString("email"),
                            new ContactMatch(
                                    rs.getLong("id"),
                                    rs.getString("full_name"),
                                    rs.getLong("account_id"),
                                    rs.getString("name")));
                });
        return found;
    }

    /**
     * The account a company already has: one of that name (any case and spacing), else the account
     * whose contacts share the e-mail domain (a free-mail domain matches nothing). The oldest wins.
     *
     * @param email a person's address at the company, or null
     */
    @Transactional(readOnly = true)
    public Optional<Long> accountOf(String company, String email) {
        // in any case and spacing ("cascade  timber co." is Cascade Timber Co.: session 36's probe found a lead
        // typed with a double space made a second account, and its owner was not told): the name as written
        // once its spaces are collapsed, on the index, then the stored names with theirs collapsed too
        String name = company.strip().replaceAll("\\s+", " ");
        List<Long> byName = jdbc.queryForList(
                "select id from account where lower(name) = lower(:name) order by id limit 1",
                Map.of("name", name),
                Long.class);
        if (byName.isEmpty()) {
            byName = jdbc.queryForList(
                    "select id from account where lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = lower(:name)"
                            + " order by id limit 1",
                    Map.of("name", name),
                    Long.class);
        }
        if (!byName.isEmpty() || email == null || email.indexOf('@') < 0) {
            return byName.stream().findFirst();
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (FREE_MAIL.contains(domain)) {
            return Optional.empty();
        }
        return jdbc
                .queryForList(
                        "select account_id from contact where lower(email) like :pattern order by account_id limit 1",
                        Map.of("pattern", "%@" + domain.replace("%", "").replace("_", "\\_")),
                        Long.class)
                .stream()
                .findFirst();
    }
}
