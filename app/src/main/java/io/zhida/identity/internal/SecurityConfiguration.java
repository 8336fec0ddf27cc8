package io.zhida.identity.internal;

import io.zhida.identity.PublicEndpoints;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two filter chains: the API (/api/**) is stateless with bearer tokens and answers 401/403 as
 * problem+json; the web UI uses form login with CSRF and sessions stored in PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    AuthenticationManager authenticationManager(ZhidaUserDetailsService users, PasswordEncoder passwords,
                                                AuthenticationEventPublisher events, LoginAttempts attempts) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        // A disabled account is told apart only after its password matched, so timing tells no more than the message.
        provider.setPreAuthenticationChecks(user -> {
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        ProviderManager manager = new ProviderManager(new GuardedAuthenticationProvider(provider, attempts));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager, ApiTokens tokens, ClientTokens clients,
                            ProblemResponses problems, List<PublicEndpoints> publicEndpoints) throws Exception {
        String[] open = publicEndpoints.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/oauth2/token").permitAll();
                    auth.requestMatchers("/api/v1/openapi/**", "/api/v1/docs", "/api/v1/docs/**", "/api/v1/swagger-ui/**").permitAll();
                    if (open.length > 0) {
                        auth.requestMatchers(open).permitAll();
                    }
                    auth.requestMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    auth.anyRequest().authenticated();
                })
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, clients), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager, OidcSignIn sso) throws Exception {
        AuthenticationManager manager = authenticationManager;
        if (sso.enabled()) { // the province's unified identity service, next to the local login
            http.oauth2Login(o -> o.loginPage("/login").successHandler(sso).failureHandler(sso::failed));
            // the code the provider sends back is exchanged and its ID token checked here; passwords go to the local manager
            ProviderManager withSso = new ProviderManager(java.util.List.of(new org.springframework.security.oauth2.client.oidc.authentication
                    .OidcAuthorizationCodeAuthenticationProvider(new org.springframework.security.oauth2.client.endpoint
                    .RestClientAuthorizationCodeTokenResponseClient(), new org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService())),
                    authenticationManager);
            manager = withSso;
        }
        http.authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/login/oauth2/**", "/oauth2/**", "/error", "/error/**", "/portal/**", "/webjars/**", "/css/**",
                                "/js/**", "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(ReturnAfterLogin.successHandler())
                        .failureHandler(new LoginFailureHandler()))
                .exceptionHandling(e -> e.accessDeniedHandler(ReturnAfterLogin.expiredForms()))
                .logout(logout -> logout.addLogoutHandler(sso).logoutSuccessHandler(sso))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }
}
