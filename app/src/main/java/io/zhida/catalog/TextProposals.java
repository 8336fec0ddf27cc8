package io.zhida.catalog;

import io.zhida.engine.text.PolicyTextExtractor;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.Organisations;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 政策智能拆解 in the library: runs the extractor over a document's full text, keeps its proposals, and turns the
 * ones the author confirms (as edited) into draft items; rejected ones stay listed with the reason.
 */
@Service
public class TextProposals {

    private final JdbcClient jdbc;
    private final RuleBook rules;
    private final Organisations organisations;
    private final PolicyAuthoring authoring;
    private final AuditLog audit;

    TextProposals(JdbcClient jdbc, RuleBook rules, Organisations organisations, PolicyAuthoring authoring, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.organisations = organisations;
        this.authoring = authoring;
        this.audit = audit;
    }

    /** Proposals for a text, nothing stored: what {@code POST /api/v1/policy-text/extract} answers. */
    public PolicyTextExtractor.Extraction extract(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "请提供政策文件的文字");
        }
        if (text.length() > PolicyTextExtractor.MAX_TEXT) {
            throw new InvalidInputException("text", "文字不能超过 " + PolicyTextExtractor.MAX_TEXT + " 字，请分段拆解");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException("text", "文字含有控制字符，请粘贴纯文本");
        }
        Map<String, String> regions = organisations.counties().stream()
                .collect(Collectors.toMap(Organisations.Region::name, Organisations.Region::code, (a, b) -> a));
        return new PolicyTextExtractor(rules.compiler(), regions).extract(text, today);
    }

    /** Runs the extractor over the document's full text; undecided proposals are replaced, decided ones kept. */
    @Transactional
    public int propose(long documentId, LocalDate today) {
        String text = jdbc.sql("SELECT full_text FROM policy_document WHERE id = :id FOR UPDATE").param("id", documentId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("政策文件不存在"));
        if (text.isBlank()) {
            throw new InvalidInputException("fullText", "该文件还没有全文，请先粘贴或上传全文");
        }
        PolicyTextExtractor.Extraction extraction = extract(text, today);
        jdbc.sql("DELETE FROM policy_text_proposal WHERE document_id = :d AND status = 'PROPOSED'").param("d", documentId).update();
        int seq = jdbc.sql("SELECT coalesce(max(seq), 0) FROM policy_text_proposal WHERE document_id = :d").param("d", documentId)
                .query(Integer.class).single();
        List<TextProposal> decided = of(documentId);
        for (PolicyTextExtractor.Proposal p : extraction.items()) {
            if (decided.stream().anyMatch(d -> d.source().equals(p.source()) && d.condition().equals(p.condition())
                    && java.util.Objects.equals(d.formula(), p.formula()))) {
                continue; // already adopted or rejected: not proposed again
            }
            jdbc.sql("""
                    INSERT INTO policy_text_proposal (document_id, seq, name, condition, formula, cap, source)
                    VALUES (:d, :seq, :name, :condition, :formula, :cap, :source)""")
                    .param("d", documentId).param("seq", ++seq).param("name", clip(p.name(), 200)).param("condition", p.condition())
                    .param("formula", p.formula()).param("cap", p.cap()).param("source", p.source()).update();
        }
        int proposed = of(documentId).stream().filter(TextProposal::open).mapToInt(x -> 1).sum();
        audit.record("policy.text.extract", "policy_document", String.valueOf(documentId),
                "政策智能拆解：建议 " + proposed + " 项，未能拆解 " + extraction.unparsed().size() + " 句", null, null);
        return proposed;
    }

    public List<TextProposal> of(long documentId) {
        return jdbc.sql("SELECT * FROM policy_text_proposal WHERE document_id = :d ORDER BY seq").param("d", documentId)
                .query(TextProposals::row).list();
    }

    /** The author confirms a proposal, as edited into a complete item: it becomes a draft under the document. */
    @Transactional
    public PolicyItem adopt(long proposalId, ItemContent content) {
        TextProposal proposal = open(proposalId);
        if (content.code() != null && jdbc.sql("SELECT count(*) FROM policy_item WHERE code = :c").param("c", content.code().strip())
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("code", "事项编码“" + content.code().strip() + "”已被使用，采用建议须新建事项，请换一个编码");
        }
        PolicyItem draft = authoring.saveDraft(content);
        jdbc.sql("UPDATE policy_text_proposal SET status = 'ADOPTED', item_code = :code, decided_by = :who, decided_at = now() WHERE id = :id")
                .param("code", draft.code()).param("who", CurrentUser.actor()).param("id", proposal.id()).update();
        return draft;
    }

    @Transactional
    public void reject(long proposalId, String note) {
        TextProposal proposal = open(proposalId);
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("note", "理由不能超过 500 字");
        }
        jdbc.sql("UPDATE policy_text_proposal SET status = 'REJECTED', note = :note, decided_by = :who, decided_at = now() WHERE id = :id")
                .param("note", note == null || note.isBlank() ? null : note.strip()).param("who", CurrentUser.actor())
                .param("id", proposal.id()).update();
    }

    public TextProposal proposal(long proposalId) {
        return jdbc.sql("SELECT * FROM policy_text_proposal WHERE id = :id").param("id", proposalId).query(TextProposals::row)
                .optional().orElseThrow(() -> new NotFoundException("拆解建议不存在"));
    }

    private TextProposal open(long proposalId) {
        TextProposal proposal = jdbc.sql("SELECT * FROM policy_text_proposal WHERE id = :id FOR UPDATE").param("id", proposalId)
                .query(TextProposals::row).optional().orElseThrow(() -> new NotFoundException("拆解建议不存在"));
        if (!proposal.open()) {
            throw new InvalidInputException("status", "该建议已处理（" + proposal.statusLabel() + "）");
        }
        return proposal;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static TextProposal row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TextProposal(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("seq"), rs.getString("name"),
                rs.getString("condition"), rs.getString("formula"), rs.getBigDecimal("cap"), rs.getString("source"),
                rs.getString("status"), rs.getString("item_code"), rs.getString("decided_by"), rs.getString("note"));
    }
}
