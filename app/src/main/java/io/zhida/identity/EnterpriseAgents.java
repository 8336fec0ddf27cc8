package io.zhida.identity;

import io.zhida.platform.Digests;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts for an enterprise: its 法定代表人 (the account that signed in with the enterprise's 法人 credentials, or its
 * first account) and the 经办人 the 法定代表人 authorizes by name and 身份证号. A 经办人 signs in with a personal
 * (自然人) account of the unified identity service, is recognised by that number, and acts under their own name;
 * withdrawing an authorization stops their account at once.
 */
@Service
public class EnterpriseAgents {

    public enum Kind {
        LEGAL_REP("法定代表人"), AGENT("经办人");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Agent(long id, String uscc, Kind kind, String personName, String idNumberShown, Long userId, Instant authorizedAt,
                        Instant withdrawnAt) {
        public boolean active() {
            return withdrawnAt == null;
        }
    }

    private static final String SELECT = "SELECT id, uscc, kind, person_name, id_number_shown, user_id, authorized_at, withdrawn_at FROM enterprise_agent";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    EnterpriseAgents(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Agent> of(String uscc) {
        return jdbc.sql(SELECT + " WHERE uscc = ? ORDER BY withdrawn_at NULLS FIRST, kind DESC, id").param(uscc).query(Agent.class).list();
    }

    /**
     * Whether this user speaks for their enterprise: its 法定代表人 signed in with the 法人 account, or — while the
     * enterprise has none — its first account (one an administrator made before single sign-on).
     */
    public boolean isLegalRepresentative(ZhidaUser user) {
        return user.enterpriseUscc() != null && jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM enterprise_agent WHERE uscc = :uscc AND user_id = :user AND kind = 'LEGAL_REP' AND withdrawn_at IS NULL)
                            OR (NOT EXISTS (SELECT 1 FROM enterprise_agent WHERE uscc = :uscc AND kind = 'LEGAL_REP' AND withdrawn_at IS NULL)
                                AND :user = (SELECT min(u.id) FROM app_user u JOIN user_role r ON r.user_id = u.id AND r.role = 'ENTERPRISE'
                                             WHERE u.enterprise_uscc = :uscc AND u.enabled AND u.person_key IS NULL))""")
                .param("uscc", user.enterpriseUscc()).param("user", user.id()).query(Boolean.class).single();
    }

    @Transactional
    public Agent authorize(ZhidaUser legalRep, String name, String idNumber) {
        requireLegalRep(legalRep);
        String number = idNumber == null ? "" : idNumber.trim().toUpperCase();
        Validation v = new Validation().requireText(name, "personName", "经办人姓名", 50);
        v.require(number.matches("\\d{17}[\\dX]"), "idNumber", "身份证号应为 18 位（最后一位可为 X）");
        v.require(!number.matches("\\d{17}[\\dX]") || checkCharacter(number) == number.charAt(17), "idNumber", "身份证号校验位不正确，请核对");
        v.throwIfInvalid();
        if (jdbc.sql("SELECT count(*) FROM enterprise_agent WHERE uscc = ? AND id_number_hash = ? AND withdrawn_at IS NULL")
                .params(legalRep.enterpriseUscc(), Digests.sha256(number)).query(Long.class).single() > 0) {
            throw new InvalidInputException("idNumber", "该人员已是本企业的经办人");
        }
        String shown = number.substring(0, 4) + "*".repeat(10) + number.substring(14);
        long id = jdbc.sql("""
                        INSERT INTO enterprise_agent (uscc, kind, person_name, id_number_hash, id_number_shown, authorized_by)
                        VALUES (?, 'AGENT', ?, ?, ?, ?) RETURNING id""")
                .params(legalRep.enterpriseUscc(), name.trim(), Digests.sha256(number), shown, legalRep.id()).query(Long.class).single();
        audit.record("agent.authorize", "enterprise", legalRep.enterpriseUscc(), "授权经办人 " + name.trim() + "（" + shown + "）", null, shown);
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Agent.class).single();
    }

    /** Withdraws a 经办人: the authorization ends and their account stops at once. */
    @Transactional
    public void withdraw(ZhidaUser legalRep, long agentId) {
        requireLegalRep(legalRep);
        Agent agent = jdbc.sql(SELECT + " WHERE id = ? AND uscc = ? AND kind = 'AGENT'").params(agentId, legalRep.enterpriseUscc())
                .query(Agent.class).optional().orElseThrow(() -> new NotFoundException("经办人不存在"));
        if (!agent.active()) {
            return;
        }
        jdbc.sql("UPDATE enterprise_agent SET withdrawn_at = now() WHERE id = ?").param(agentId).update();
        if (agent.userId() != null) {
            jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(agent.userId()).update();
        }
        audit.record("agent.withdraw", "enterprise", legalRep.enterpriseUscc(), "撤销经办人 " + agent.personName() + " 的授权", "有效", "已撤销");
    }

    /** A system the enterprise authorized to apply for it. */
    public record SystemGrant(long id, long client, String clientId, String name, Instant authorizedAt) {
    }

    /** The systems that may apply for the enterprise now. */
    public List<SystemGrant> systems(String uscc) {
        return jdbc.sql("""
                        SELECT g.id, g.client, c.client_id, c.name, g.authorized_at FROM enterprise_system_grant g JOIN system_client c ON c.id = g.client
                        WHERE g.uscc = ? AND g.withdrawn_at IS NULL AND c.enabled ORDER BY g.id""")
                .param(uscc).query(SystemGrant.class).list();
    }

    /** The enabled systems holding applications:write that an enterprise may choose from. */
    public List<SystemClients.Registration> systemsThatApply(SystemClients clients) {
        return clients.all().stream().filter(c -> c.enabled() && c.scopes().contains(Scope.APPLICATIONS_WRITE)).toList();
    }

    /** Whether the enterprise has authorized this system (by its registration id) to apply for it. */
    public boolean systemMayApply(String uscc, long client) {
        return jdbc.sql("SELECT count(*) FROM enterprise_system_grant WHERE uscc = ? AND client = ? AND withdrawn_at IS NULL")
                .params(uscc, client).query(Long.class).single() > 0;
    }

    @Transactional
    public void authorizeSystem(ZhidaUser legalRep, long client, SystemClients clients) {
        requireLegalRep(legalRep);
        SystemClients.Registration system = clients.find(client).filter(c -> c.enabled() && c.scopes().contains(Scope.APPLICATIONS_WRITE))
                .orElseThrow(() -> new InvalidInputException("client", "请选择可代为申报的对接系统"));
        if (systemMayApply(legalRep.enterpriseUscc(), client)) {
            throw new InvalidInputException("client", "已授权该系统");
        }
        jdbc.sql("INSERT INTO enterprise_system_grant (uscc, client, authorized_by) VALUES (?, ?, ?)")
                .params(legalRep.enterpriseUscc(), client, legalRep.id()).update();
        audit.record("agent.authorize-system", "enterprise", legalRep.enterpriseUscc(), "授权对接系统 " + system.name() + " 代为申报", null, system.clientId());
    }

    @Transactional
    public void withdrawSystem(ZhidaUser legalRep, long grantId) {
        requireLegalRep(legalRep);
        if (jdbc.sql("UPDATE enterprise_system_grant SET withdrawn_at = now() WHERE id = ? AND uscc = ? AND withdrawn_at IS NULL")
                .params(grantId, legalRep.enterpriseUscc()).update() == 1) {
            audit.record("agent.withdraw-system", "enterprise", legalRep.enterpriseUscc(), "撤销对接系统代为申报的授权", "有效", "已撤销");
        }
    }

    private void requireLegalRep(ZhidaUser user) {
        if (!isLegalRepresentative(user)) {
            throw new AccessDeniedException("only the enterprise's 法定代表人 authorizes 经办人");
        }
    }

    /** The 18th character of a 身份证号 (GB 11643-1999): the weighted sum of the first 17 digits, modulo 11. */
    static char checkCharacter(String number) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

}
