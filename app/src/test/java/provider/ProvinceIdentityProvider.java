package provider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the sign-in tests, standing in for the province's unified identity service:
 * Spring Authorization Server on its own port and in its own application context, with Zhida registered as a client,
 * people who sign in with a password, and the claims the province's service puts in its ID tokens (统一社会信用代码 for a
 * 法人 account, 身份证号 for a personal one, the staff username). Outside {@code io.zhida}, so nothing of Zhida is scanned.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
        org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration.class,
        org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class ProvinceIdentityProvider {

    public static final String CLIENT_ID = "zhida";
    public static final String CLIENT_SECRET = "zhida-sso-secret";
    /** Each person's password: "pw-" and the username. */
    public static final Map<String, Map<String, Object>> PEOPLE = new ConcurrentHashMap<>();

    /** Starts the provider on {@code port}, with Zhida at {@code zhida} (e.g. http://localhost:8123) as its client. */
    public static ConfigurableApplicationContext start(int port, String zhida) {
        String client = "spring.security.oauth2.authorizationserver.client.zhida.";
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.security.oauth2.authorizationserver.issuer", "http://127.0.0.1:" + port);
        properties.put(client + "registration.client-id", CLIENT_ID);
        properties.put(client + "registration.client-secret", "{noop}" + CLIENT_SECRET);
        properties.put(client + "registration.client-authentication-methods", "client_secret_basic");
        properties.put(client + "registration.authorization-grant-types", "authorization_code,refresh_token");
        properties.put(client + "registration.redirect-uris", zhida + "/login/oauth2/code/province");
        properties.put(client + "registration.post-logout-redirect-uris", zhida + "/login?logout," + zhida + "/login?sso=refused");
        properties.put(client + "registration.scopes", "openid,profile");
        properties.put(client + "require-authorization-consent", "false");
        properties.put("spring.config.name", "province-identity-provider"); // not Zhida's application.properties on the same classpath
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ProvinceIdentityProvider.class).web(WebApplicationType.SERVLET).run(args);
    }

    @Bean
    UserDetailsService people() {
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (String username : new String[] {"legal-rep", "agent-li", "staff-clerk", "staff-nobody"}) {
            manager.createUser(User.withUsername(username).password("{noop}pw-" + username).roles("USER").build());
        }
        return manager;
    }

    /** The province's claims in the ID token of whoever signed in. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> provinceClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims().claims(claims -> claims.putAll(PEOPLE.getOrDefault(context.getPrincipal().getName(), Map.of())));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> signingKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }
}
