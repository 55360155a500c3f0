package dev.baton.people;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * People sign in with their username; inactive people cannot sign in. Roles become ROLE_*. Read with
 * one plain SQL query, no entity and no transaction: every stateless API call signs in, and loading
 * the person as an entity was a good part of what any API call cost. What it read of team and roles
 * stays with the request ({@link SignedInNow}).
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
                select p.username, p.password_hash, p.active, t.key team_key,
                  array(select r.role from person_role r where r.person_id = p.id order by r.role) roles
                from person p left join team t on t.id = p.team_id where p.username = ?""",
                (rs, i) -> {
                    String[] roles = (String[]) rs.getArray("roles").getArray(); // varchar[]
                    new SignedInNow(
                                    rs.getString("username"),
                                    rs.getString("team_key"),
                                    Arrays.stream(roles).map(Role::valueOf).collect(Collectors.toSet()))
                            .remember();
                    return User.withUsername(rs.getString("username"))
                            .password(rs.getString("password_hash"))
                            .disabled(!rs.getBoolean("active"))
                            .roles(roles)
                            .build();
                },
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException(username);
        }
        return found.get(0);
    }
}
