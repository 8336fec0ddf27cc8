package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Scope;
import io.zhida.identity.SystemClient;
import io.zhida.identity.internal.ClientTokens;
import io.zhida.platform.ClientAddress;
import io.zhida.platform.RateLimit;
import io.zhida.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 token endpoint for other systems (RFC 6749 §4.4, client credentials): the client authenticates with
 * HTTP Basic (or client_id and client_secret in the form), may narrow the scopes it asks for, and gets a bearer token.
 * Errors are the RFC's JSON ({@code invalid_client}, {@code unsupported_grant_type}, {@code invalid_scope}), as OAuth2
 * client libraries expect.
 */
@AccessRule(audience = Audience.PUBLIC, scope = DataScope.OWN_ACCOUNT)
@RestController
class ClientTokenController {

    private static final RateLimit PER_ADDRESS = RateLimit.named("client-token").allowing(60, Duration.ofMinutes(1));

    private final ClientTokens tokens;
    private final RateLimits limits;
    private final io.zhida.identity.AuditLog audit;

    ClientTokenController(ClientTokens tokens, RateLimits limits, io.zhida.identity.AuditLog audit) {
        this.tokens = tokens;
        this.limits = limits;
        this.audit = audit;
    }

    @PostMapping(path = "/api/v1/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestBody MultiValueMap<String, String> form, HttpServletRequest request) {
        limits.consume(PER_ADDRESS, ClientAddress.of(request), "获取令牌过于频繁");
        String[] basic = basic(request.getHeader(HttpHeaders.AUTHORIZATION));
        String clientId = basic != null ? basic[0] : form.getFirst("client_id");
        String secret = basic != null ? basic[1] : form.getFirst("client_secret");
        Optional<SystemClient> client = tokens.authenticate(clientId, secret);
        if (client.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "客户端标识或密钥不正确，或该系统已停用");
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "仅支持 grant_type=client_credentials");
        }
        String asked = form.getFirst("scope");
        Set<Scope> scopes = new LinkedHashSet<>(client.get().scopes());
        if (asked != null && !asked.isBlank()) {
            scopes = new LinkedHashSet<>();
            for (String s : asked.trim().split("\\s+")) {
                Optional<Scope> scope = Scope.of(s).filter(client.get()::has);
                if (scope.isEmpty()) {
                    return error(HttpStatus.BAD_REQUEST, "invalid_scope", "未授予该系统的权限：" + s);
                }
                scopes.add(scope.get());
            }
        }
        ClientTokens.Issued issued = tokens.issue(client.get(), scopes);
        audit.recordBy(client.get().actor(), "client.token", "system_client", client.get().clientId(),
                "对接系统 " + client.get().name() + " 获取令牌（" + scopeList(scopes) + "）", null, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("scope", scopeList(scopes));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static String scopeList(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"zhida\"");
        }
        return response.body(Map.of("error", error, "error_description", description));
    }

    /** {id, secret} from "Authorization: Basic …", or null when the header is absent or malformed. */
    private static String[] basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
