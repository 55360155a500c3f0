package dev.baton.people;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People sign in with their username; inactive people cannot sign in. Roles become ROLE_*. */
@Service
class PersonUserDetailsService implements UserDetailsService {

    private final People people;

    PersonUserDetailsService(People people) {
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Person person = people.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(person.getUsername())
                .password(person.getPasswordHash())
                .disabled(!person.isActive())
                .authorities(person.getRoles().stream()
                        .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList())
                .build();
    }
}
