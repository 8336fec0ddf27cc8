package io.zhida.retention;

import io.zhida.catalog.LegalReviews;
import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyDocument;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cleanup round from opening to the published retention list. */
@Service
public class RetentionRounds {

    private final JdbcClient jdbc;
    private final PolicyCatalog catalog;
    private final PolicyAuthoring authoring;
    private final LegalReviews legal;
    private final AuditLog audit;
    private final Clock clock;
    private final io.zhida.identity.Organisations organisations;

    RetentionRounds(JdbcClient jdbc, PolicyCatalog catalog, PolicyAuthoring authoring, LegalReviews legal, AuditLog audit, Clock clock,
                    io.zhida.identity.Organisations organisations) {
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.authoring = authoring;
        this.legal = legal;
        this.audit = audit;
        this.clock = clock;
    }

    /** The justice department (or an administrator) opens a round over every document in force. */
    @Transactional
    public long open(ZhidaUser user, String title, LocalDate dueOn) {
        requireLegal(user);
        LocalDate today = LocalDate.now(clock);
        new Validation().requireText(title, "title", "清理名称", 200)
                .require(dueOn != null && dueOn.isAfter(today) && !dueOn.isAfter(today.plusYears(1)), "dueOn", "完成期限应在今后一年内")
                .throwIfInvalid();
        if (current().isPresent()) {
            throw new InvalidInputException("round", "已有进行中的清理，公布后才能开始下一轮");
        }
        long id;
        try {
            id = jdbc.sql("INSERT INTO retention_round (title, due_on, opened_by) VALUES (:t, :d, :by) RETURNING id")
                    .param("t", title.strip()).param("d", dueOn).param("by", user.displayName()).query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) { // opened at the same moment elsewhere (another node)
            throw new InvalidInputException("round", "已有进行中的清理，公布后才能开始下一轮");
        }
        // this government's own documents in force that have been issued: not drafts awaiting legality review, and not
        // the province's or the state's, which their own issuers clean up
        java.util.Set<Long> issued = legal.passed();
        List<PolicyDocument> inForce = catalog.documents().stream()
                .filter(d -> !d.abolished() && issued.contains(d.id()) && d.publishedOn() != null
                        && ("市".equals(d.level()) || "县".equals(d.level()))).toList();
        for (PolicyDocument d : inForce) {
            jdbc.sql("""
                    INSERT INTO retention_entry (round_id, document_id, doc_number, title, issuer) VALUES (:r, :d, :n, :t, :i)""")
                    .param("r", id).param("d", d.id()).param("n", d.number()).param("t", d.title()).param("i", d.issuer()).update();
        }
        audit.record("retention.open", "retention_round", String.valueOf(id), "开始文件清理：" + title.strip() + "（" + inForce.size() + " 件）", null, null);
        return id;
    }

    /** The issuing department (its staff, or a policy author) proposes for one document. */
    @Transactional
    public void propose(ZhidaUser user, long roundId, long documentId, String proposal, String reason) {
        RetentionRound.Entry entry = openEntry(roundId, documentId);
        requireIssuer(user, entry);
        new Validation().require(RetentionRound.OUTCOMES.contains(proposal), "proposal", "清理意见应为继续有效、修改、废止或失效")
                .require(reason == null || reason.length() <= 1000, "reason", "理由不能超过 1000 字")
                .require(!"CONTINUE".equals(proposal) ? reason != null && !reason.isBlank() : true, "reason", "修改、废止、失效须写明理由")
                .throwIfInvalid();
        jdbc.sql("""
                UPDATE retention_entry SET proposal = :p, proposal_reason = :r, proposed_by = :by, legal_agrees = NULL, legal_opinion = NULL,
                  legal_by = NULL, outcome = NULL WHERE round_id = :round AND document_id = :doc""")
                .param("p", proposal).param("r", reason == null || reason.isBlank() ? null : reason.strip()).param("by", user.displayName())
                .param("round", roundId).param("doc", documentId).update();
    }

    /** The department confirms all its remaining documents (issued under its name) as 继续有效 at once. */
    @Transactional
    public int proposeRemainingContinue(ZhidaUser user, long roundId) {
        if (user == null || user.departmentName() == null) {
            return 0;
        }
        String remaining = " FROM retention_entry WHERE round_id = :r AND proposal IS NULL AND issuer = :issuer";
        long count = jdbc.sql("SELECT count(*)" + remaining).param("r", roundId).param("issuer", user.departmentName()).query(Long.class).single();
        if (count == 0) {
            return 0;
        }
        requireOpen(roundId);
        if (!user.has(Role.REVIEWER) && !user.has(Role.DEPT_HEAD)) {
            throw new AccessDeniedException("清理意见由发文部门提出");
        }
        return jdbc.sql("UPDATE retention_entry SET proposal = 'CONTINUE', proposal_reason = NULL, proposed_by = :by" + remaining.substring(" FROM retention_entry".length()))
                .param("by", user.displayName()).param("r", roundId).param("issuer", user.departmentName()).update();
    }

    /** The justice department's legal opinion: it agrees with the proposal, or decides otherwise. */
    @Transactional
    public void review(ZhidaUser user, long roundId, long documentId, boolean agrees, String outcome, String opinion) {
        requireLegal(user);
        RetentionRound.Entry entry = openEntry(roundId, documentId);
        if (entry.proposal() == null) {
            throw new InvalidInputException("proposal", "发文部门尚未提出清理意见");
        }
        String decided = agrees ? entry.proposal() : outcome;
        new Validation().require(RetentionRound.OUTCOMES.contains(decided), "outcome", "不同意时须选择审查结论")
                .requireText(opinion, "opinion", "审查意见", 1000).throwIfInvalid();
        jdbc.sql("""
                UPDATE retention_entry SET legal_agrees = :a, legal_opinion = :o, legal_by = :by, outcome = :out
                WHERE round_id = :round AND document_id = :doc""")
                .param("a", agrees).param("o", opinion.strip()).param("by", user.displayName()).param("out", decided)
                .param("round", roundId).param("doc", documentId).update();
    }

    /** Agrees with every proposal 继续有效 not yet reviewed. */
    @Transactional
    public int agreeRemainingContinue(ZhidaUser user, long roundId, String opinion) {
        requireLegal(user);
        String remaining = " WHERE round_id = :r AND proposal = 'CONTINUE' AND outcome IS NULL";
        if (jdbc.sql("SELECT count(*) FROM retention_entry" + remaining).param("r", roundId).query(Long.class).single() == 0) {
            return 0;
        }
        requireOpen(roundId);
        new Validation().requireText(opinion, "opinion", "审查意见", 1000).throwIfInvalid();
        return jdbc.sql("UPDATE retention_entry SET legal_agrees = true, legal_opinion = :o, legal_by = :by, outcome = 'CONTINUE'" + remaining)
                .param("o", opinion.strip()).param("by", user.displayName()).param("r", roundId).update();
    }

    /** Publishes the retention list; documents dropped are abolished with their items. */
    @Transactional
    public RetentionRound publish(ZhidaUser user, long roundId) {
        requireLegal(user);
        jdbc.sql("SELECT id FROM retention_round WHERE id = :id FOR UPDATE").param("id", roundId).query(Long.class).optional();
        RetentionRound round = round(roundId);
        if (!round.open()) {
            throw new InvalidInputException("round", "该轮清理已公布");
        }
        if (round.undecided() > 0) {
            throw new InvalidInputException("round", "还有 " + round.undecided() + " 件文件未完成清理意见和合法性审查");
        }
        for (RetentionRound.Entry e : round.entries()) {
            boolean drop = "ABOLISH".equals(e.outcome()) || "EXPIRED".equals(e.outcome());
            if (drop && catalog.document(e.documentId()).map(d -> !d.abolished()).orElse(false)) {
                authoring.abolishDocument(e.documentId(), round.title() + "：" + RetentionRound.label(e.outcome())
                        + (e.proposalReason() == null ? "" : "（" + e.proposalReason() + "）"));
            }
        }
        jdbc.sql("UPDATE retention_round SET status = 'PUBLISHED', published_by = :by, published_at = now() WHERE id = :id")
                .param("by", user.displayName()).param("id", roundId).update();
        audit.record("retention.publish", "retention_round", String.valueOf(roundId), "公布保留清单：" + round.title(), null, null);
        return round(roundId);
    }

    public Optional<RetentionRound> current() {
        return jdbc.sql("SELECT id FROM retention_round WHERE status = 'OPEN'").query(Long.class).optional().map(this::round);
    }

    public Optional<RetentionRound> latestPublished() {
        return jdbc.sql("SELECT id FROM retention_round WHERE status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 1")
                .query(Long.class).optional().map(this::round);
    }

    public RetentionRound round(long id) {
        RetentionRound r = jdbc.sql("SELECT * FROM retention_round WHERE id = :id").param("id", id)
                .query((rs, n) -> new RetentionRound(rs.getLong("id"), rs.getString("title"), rs.getObject("due_on", LocalDate.class),
                        rs.getString("status"), rs.getString("opened_by"), List.of()))
                .optional().orElseThrow(() -> new NotFoundException("清理不存在"));
        List<RetentionRound.Entry> entries = jdbc.sql("SELECT * FROM retention_entry WHERE round_id = :id ORDER BY issuer, doc_number")
                .param("id", id).query((rs, n) -> new RetentionRound.Entry(rs.getLong("document_id"), rs.getString("doc_number"),
                        rs.getString("title"), rs.getString("issuer"), rs.getString("proposal"), rs.getString("proposal_reason"),
                        rs.getString("proposed_by"), (Boolean) rs.getObject("legal_agrees"), rs.getString("legal_opinion"),
                        rs.getString("legal_by"), rs.getString("outcome"))).list();
        return new RetentionRound(r.id(), r.title(), r.dueOn(), r.status(), r.openedBy(), entries);
    }

    public boolean isLegal(ZhidaUser user) {
        return legal.canDecide(user) || user != null && user.has(Role.ADMIN);
    }

    /**
     * The issuing department's reviewers and head propose for its documents; policy authors and administrators for the
     * documents no department on the platform issued (a 县人民政府, a joint document), never over a department's own.
     */
    public boolean mayPropose(ZhidaUser user, RetentionRound.Entry entry) {
        return mayPropose(user, entry, organisations.departments().stream().map(io.zhida.identity.Organisations.Department::name)
                .collect(java.util.stream.Collectors.toSet()));
    }

    private static boolean mayPropose(ZhidaUser user, RetentionRound.Entry entry, java.util.Set<String> departmentNames) {
        if (user == null) {
            return false;
        }
        return (user.has(Role.REVIEWER) || user.has(Role.DEPT_HEAD)) && entry.issuer().equals(user.departmentName())
                || (user.has(Role.AUTHOR) || user.has(Role.ADMIN)) && !departmentNames.contains(entry.issuer());
    }

    private void requireOpen(long roundId) {
        if (!"OPEN".equals(jdbc.sql("SELECT status FROM retention_round WHERE id = :id").param("id", roundId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("清理不存在")))) {
            throw new InvalidInputException("round", "该轮清理已公布");
        }
    }

    /** The documents of the round this person may propose for, worked out once for a page. */
    public java.util.Set<Long> proposable(ZhidaUser user, RetentionRound round) {
        java.util.Set<String> departmentNames = organisations.departments().stream().map(io.zhida.identity.Organisations.Department::name)
                .collect(java.util.stream.Collectors.toSet());
        return round.entries().stream().filter(e -> mayPropose(user, e, departmentNames)).map(RetentionRound.Entry::documentId)
                .collect(java.util.stream.Collectors.toSet());
    }

    private RetentionRound.Entry openEntry(long roundId, long documentId) {
        RetentionRound round = round(roundId);
        if (!round.open()) {
            throw new InvalidInputException("round", "该轮清理已公布");
        }
        return round.entries().stream().filter(e -> e.documentId() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("该文件不在本轮清理中"));
    }

    private void requireLegal(ZhidaUser user) {
        if (!isLegal(user)) {
            throw new AccessDeniedException("文件清理由" + legal.legalDepartmentName() + "组织并作合法性审查");
        }
    }

    private void requireIssuer(ZhidaUser user, RetentionRound.Entry entry) {
        if (!mayPropose(user, entry)) {
            throw new AccessDeniedException("清理意见由发文部门提出");
        }
    }
}
