package io.zhida.identity.internal;

import io.zhida.engine.standard.Uscc;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Digests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person signed in through the unified identity service is here, from the ID token's claims (their names are
 * configured, {@code zhida.oidc.claims.*}):
 * <ul>
 * <li>a 法人 account (its claims carry the enterprise's 统一社会信用代码): the enterprise's account, created on the first
 * sign-in and bound to that code; its person is the enterprise's 法定代表人, who authorizes 经办人;</li>
 * <li>a personal account whose 身份证号 an enterprise authorized as its 经办人: that person's own account for the
 * enterprise, created on the first sign-in;</li>
 * <li>anyone else is staff, matched to an existing account by the configured claim and never created from a claim.</li>
 * </ul>
 */
@Component
public class OidcAccounts {

    /** Who the person is here, or why they may not sign in. */
    public record Outcome(ZhidaUser user, String refusal) {
        static Outcome refused(String why) {
            return new Outcome(null, why);
        }
    }

    private final JdbcClient jdbc;
    private final UserRows users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final String usccClaim;
    private final String nameClaim;
    private final String idNumberClaim;
    private final String staffClaim;
    private final SecureRandom random = new SecureRandom();

    OidcAccounts(JdbcClient jdbc, UserRows users, PasswordEncoder passwords, AuditLog audit,
                 @Value("${zhida.oidc.claims.uscc:uscc}") String usccClaim, @Value("${zhida.oidc.claims.name:name}") String nameClaim,
                 @Value("${zhida.oidc.claims.id-number:id_number}") String idNumberClaim,
                 @Value("${zhida.oidc.claims.staff-username:preferred_username}") String staffClaim) {
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.usccClaim = usccClaim;
        this.nameClaim = nameClaim;
        this.idNumberClaim = idNumberClaim;
        this.staffClaim = staffClaim;
    }

    @Transactional
    public Outcome signIn(String issuer, String subject, Map<String, Object> claims) {
        String personKey = Digests.sha256(issuer + "|" + subject);
        String name = text(claims.get(nameClaim));
        String uscc = text(claims.get(usccClaim));
        if (uscc != null) {
            return legalPerson(personKey, uscc.toUpperCase(), name);
        }
        String idNumber = text(claims.get(idNumberClaim));
        if (idNumber != null) {
            Optional<Outcome> agent = agent(personKey, idNumber.toUpperCase(), name);
            if (agent.isPresent()) {
                return agent.get();
            }
        }
        Optional<ZhidaUser> former = byPersonKey(personKey).filter(u -> u.has(Role.ENTERPRISE));
        if (former.isPresent()) { // a 经办人 whose authorization was withdrawn: their account is stopped
            return usable(former.get());
        }
        return staff(text(claims.get(staffClaim)));
    }

    private Outcome legalPerson(String personKey, String uscc, String name) {
        if (!Uscc.isValid(uscc)) {
            return Outcome.refused("统一身份认证提供的统一社会信用代码“" + uscc + "”无效，请联系统一身份认证平台");
        }
        Optional<ZhidaUser> known = byPersonKey(personKey);
        if (known.isPresent()) {
            return usable(known.get());
        }
        String display = (name == null ? "企业法人账号" : name) + "（法定代表人）";
        long id = create(personKey, display, uscc);
        boolean hasLegalRep = jdbc.sql("SELECT count(*) FROM enterprise_agent WHERE uscc = ? AND kind = 'LEGAL_REP' AND withdrawn_at IS NULL")
                .param(uscc).query(Long.class).single() > 0;
        if (!hasLegalRep) {
            jdbc.sql("INSERT INTO enterprise_agent (uscc, kind, person_name, user_id) VALUES (?, 'LEGAL_REP', ?, ?)")
                    .params(uscc, name == null ? "法定代表人" : name, id).update();
        }
        audit.recordBy("sso", "user.create", "user", display, "统一身份认证首次登录，绑定企业 " + uscc, null, uscc);
        return usable(users.principal(id).orElseThrow());
    }

    private Optional<Outcome> agent(String personKey, String idNumber, String name) {
        record Authorization(long id, String uscc, Long userId) {
        }
        Optional<Authorization> authorization = jdbc.sql("""
                        SELECT id, uscc, user_id FROM enterprise_agent WHERE kind = 'AGENT' AND id_number_hash = ? AND withdrawn_at IS NULL
                        ORDER BY authorized_at DESC, id DESC LIMIT 1""")
                .param(Digests.sha256(idNumber)).query(Authorization.class).optional();
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        Authorization a = authorization.get();
        if (a.userId() != null) {
            return Optional.of(usable(users.principal(a.userId()).orElseThrow()));
        }
        Optional<ZhidaUser> known = byPersonKey(personKey);
        long userId = known.isPresent() ? known.get().id() : create(personKey, (name == null ? "经办人" : name) + "（经办人）", a.uscc());
        jdbc.sql("UPDATE enterprise_agent SET user_id = ? WHERE id = ?").params(userId, a.id()).update();
        return Optional.of(usable(users.principal(userId).orElseThrow()));
    }

    private Outcome staff(String username) {
        Optional<ZhidaUser> user = username == null ? Optional.empty() : users.principal(username).filter(u -> !u.has(Role.ENTERPRISE));
        return user.map(OidcAccounts::usable)
                .orElseGet(() -> Outcome.refused("未找到与该统一身份认证账号对应的工作人员账号或企业授权，请联系系统管理员开通"));
    }

    private static Outcome usable(ZhidaUser user) {
        return user.isEnabled() ? new Outcome(user, null) : Outcome.refused("该账号已停用或授权已撤销，请联系企业法定代表人或系统管理员");
    }

    private Optional<ZhidaUser> byPersonKey(String personKey) {
        return jdbc.sql("SELECT id FROM app_user WHERE person_key = ?").param(personKey).query(Long.class).optional().flatMap(users::principal);
    }

    /** An enterprise account with no password of its own: it signs in only through the identity service. */
    private long create(String personKey, String displayName, String uscc) {
        byte[] unusable = new byte[32];
        random.nextBytes(unusable);
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, enterprise_uscc, person_key)
                        VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params("sso-" + personKey.substring(0, 16), displayName, passwords.encode(Base64.getEncoder().encodeToString(unusable)), uscc, personKey)
                .query(Long.class).single();
        users.replaceRoles(id, Set.of(Role.ENTERPRISE));
        return id;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

}
