package dev.baton.people;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * People sign in with their username; inactive people cannot sign in. Roles become ROLE_*. Read with
 * one plain SQL query, no entity and no transaction: every stateless API call signs in, and loading
 * the person as an entity was a good part of what any API call cost. What it read of team and roles
 * stays with the request ({@link SignedInNow}); the principal is a {@link SignedInPerson}, which
 * carries when the person's sessions were last ended.
 */
@Service
class PersonUserDetailsService implements UserDetailsService {

    private final JdbcTemplate jdbc;

    PersonUserDetailsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                """
                select p.username, p.password_hash, p.active, p.sessions_valid_from, t.key team_key,
                  array(select r.role from person_role r where r.person_id = p.id order by r.role) roles
                from person p left join team t on t.id = p.team_id where p.username = ?""",
                (rs, i) -> {
                    String[] roles = (String[]) rs.getArray("roles").getArray(); // varchar[]
                    new SignedInNow(
                                    rs.getString("username"),
                                    rs.getString("team_key"),
                                    Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toSet()))
                            .remember();
                    Timestamp sessionsValidFrom = rs.getTimestamp("sessions_valid_from");
                    return new SignedInPerson(
                            rs.getString("username"),
                            rs.getString("password_hash"),
                            rs.getBoolean("active"),
                            AuthorityUtils.createAuthorityList(
                                    Arrays.stream(roles).map(r -> "ROLE_" + r).toArray(String[]::new)),
                            sessionsValidFrom == null ? null : sessionsValidFrom.toInstant());
                },
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException(username);
        }
        return found.get(0);
    }
}
