package io.zhida.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class ZhidaUserDetailsService implements UserDetailsService {

    private final UserRows rows;

    ZhidaUserDetailsService(UserRows rows) {
        this.rows = rows;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return rows.principal(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
