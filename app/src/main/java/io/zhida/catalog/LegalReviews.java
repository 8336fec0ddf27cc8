package io.zhida.catalog;

import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 合法性审查: the justice department (a reviewer or head of {@code zhida.catalog.legal-department}) passes or rejects
 * each new document before any of its items can be published. Changing a passed document's text sends it back.
 */
@Service
public class LegalReviews {

    private static final String SELECT = """
            SELECT id, doc_number, title, issuer, legal_review, legal_reviewer, legal_reviewed_at, legal_opinion FROM policy_document""";

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AuditLog audit;
    private final String legalDepartment;
    private final org.springframework.context.ApplicationEventPublisher events;

    LegalReviews(JdbcClient jdbc, Organisations organisations, AuditLog audit,
                 @Value("${zhida.catalog.legal-department:C-SFJ}") String legalDepartment,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.audit = audit;
        this.legalDepartment = legalDepartment;
    }

    public Optional<LegalReview> of(long documentId) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", documentId).query(LegalReviews::row).optional();
    }

    public Optional<LegalReview> ofNumber(String documentNumber) {
        return jdbc.sql(SELECT + " WHERE doc_number = :n").param("n", documentNumber).query(LegalReviews::row).optional();
    }

    /**
     * The documents the public may see and items may be published under: passed by the justice department and issued
     * (印发, with a publication date) — a 送审稿 that passed is not yet a document in force.
     */
    public java.util.Set<Long> passed() {
        return java.util.Set.copyOf(jdbc.sql("SELECT id FROM policy_document WHERE legal_review = 'PASSED' AND published_on IS NOT NULL")
                .query(Long.class).list());
    }

    /** Documents waiting for the justice department, oldest first, and the latest decisions. */
    public List<LegalReview> queue() {
        return jdbc.sql(SELECT + " WHERE status = 'EFFECTIVE' ORDER BY (legal_review = 'PENDING') DESC, legal_reviewed_at DESC NULLS LAST, id LIMIT 200")
                .query(LegalReviews::row).list();
    }

    /** Whether this person reviews legality: a reviewer or head of the justice department. */
    public boolean canDecide(ZhidaUser user) {
        return user != null && (user.has(Role.REVIEWER) || user.has(Role.DEPT_HEAD))
                && organisations.departmentCodeOf(user).map(legalDepartment::equals).orElse(false);
    }

    public String legalDepartmentName() {
        return organisations.departmentByCode(legalDepartment).map(Organisations.Department::name).orElse(legalDepartment);
    }

    @Transactional
    public LegalReview decide(ZhidaUser user, long documentId, boolean pass, String opinion) {
        if (!canDecide(user)) {
            throw new AccessDeniedException("合法性审查由" + legalDepartmentName() + "作出");
        }
        new Validation().requireText(opinion, "opinion", "审查意见", 2000).throwIfInvalid();
        LegalReview current = of(documentId).orElseThrow(() -> new NotFoundException("政策文件不存在"));
        if (!"PENDING".equals(current.status())) {
            throw new InvalidInputException("status", "该文件已作出审查结论（" + current.statusLabel() + "），修改文件后会重新进入审查");
        }
        int changed = jdbc.sql("""
                UPDATE policy_document SET legal_review = :s, legal_reviewer = :who, legal_reviewed_at = now(), legal_opinion = :o
                WHERE id = :id AND legal_review = 'PENDING'""")
                .param("s", pass ? "PASSED" : "REJECTED").param("who", user.displayName()).param("o", opinion.strip())
                .param("id", documentId).update();
        if (changed == 0) { // decided a moment ago by someone else
            throw new InvalidInputException("status", "该文件刚刚已作出审查结论，请刷新查看");
        }
        events.publishEvent(new PolicyDocumentSaved(current.documentNumber())); // the portal shows it from now on
        audit.record(pass ? "policy.document.legal.pass" : "policy.document.legal.reject", "policy_document", current.documentNumber(),
                (pass ? "合法性审查通过：" : "合法性审查不通过：") + current.title() + "（" + opinion.strip() + "）", null, null);
        return of(documentId).orElseThrow();
    }

    /** The text changed: the review starts again. Called when an author saves a document. */
    void reopenIfChanged(String documentNumber, String fullTextBefore, String fullTextAfter) {
        if (fullTextBefore != null && !fullTextBefore.equals(fullTextAfter)) {
            jdbc.sql("""
                    UPDATE policy_document SET legal_review = 'PENDING', legal_opinion = '文件全文已修改，需重新审查'
                    WHERE doc_number = :n AND legal_review <> 'PENDING'""").param("n", documentNumber).update();
        }
    }

    /** For trusted loads (the demo library): the issuer's own review stands. */
    void passTrusted(String documentNumber, String opinion) {
        jdbc.sql("""
                UPDATE policy_document SET legal_review = 'PASSED', legal_reviewer = '批量导入', legal_reviewed_at = now(), legal_opinion = :o
                WHERE doc_number = :n AND legal_review = 'PENDING'""").param("n", documentNumber).param("o", opinion).update();
    }

    /** Refuses publication under a document the justice department has not passed. */
    void requirePassed(String documentNumber) {
        if (documentNumber == null || documentNumber.isBlank()) {
            return;
        }
        ofNumber(documentNumber).filter(r -> !r.passed()).ifPresent(r -> {
            throw new InvalidInputException("document", "所依据的政策文件《" + r.title() + "》" + r.statusLabel()
                    + "，须经" + legalDepartmentName() + "合法性审查通过后方可发布事项");
        });
    }

    /** Refuses publication under a document not yet issued (印发): a passed 送审稿 still needs its title and date. */
    void requireIssued(String documentNumber) {
        if (documentNumber != null && jdbc.sql("SELECT count(*) FROM policy_document WHERE doc_number = :n AND published_on IS NULL")
                .param("n", documentNumber).query(Long.class).single() > 0) {
            throw new InvalidInputException("document", "所依据的政策文件尚未印发：请在政策文件中填写正式标题和发布日期后再发布事项");
        }
    }

    private static LegalReview row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp at = rs.getTimestamp("legal_reviewed_at");
        return new LegalReview(rs.getLong("id"), rs.getString("doc_number"), rs.getString("title"), rs.getString("issuer"),
                rs.getString("legal_review"), rs.getString("legal_reviewer"), at == null ? null : at.toInstant(), rs.getString("legal_opinion"));
    }
}
