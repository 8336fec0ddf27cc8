package io.zhida.catalog.web;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.LegalReviews;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyDocument;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.TextProposal;
import io.zhida.catalog.TextProposals;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 政策智能拆解 in the authoring UI: the proposals drawn from a document's full text, each to confirm (as edited,
 * completed with department and handling mode) into a draft item, or to reject with a reason.
 */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
@RequestMapping("/catalog/documents/{id}/proposals")
class TextProposalController {

    private final PolicyCatalog catalog;
    private final TextProposals proposals;
    private final LegalReviews legalReviews;
    private final Organisations organisations;
    private final Clock clock;

    TextProposalController(PolicyCatalog catalog, TextProposals proposals, LegalReviews legalReviews, Organisations organisations, Clock clock) {
        this.catalog = catalog;
        this.proposals = proposals;
        this.legalReviews = legalReviews;
        this.organisations = organisations;
        this.clock = clock;
    }

    @ModelAttribute
    void onlyAuthors(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_AUTHORING.require(user);
    }

    @GetMapping
    String list(@PathVariable long id, Model model) {
        return page(model, document(id), null, null, Map.of());
    }

    @PostMapping
    String extract(@PathVariable long id, RedirectAttributes redirect) {
        document(id);
        try {
            int count = proposals.propose(id, LocalDate.now(clock));
            redirect.addFlashAttribute("message", count == 0 ? "未能从全文中识别出新的政策事项（已处理过的建议不再重复提出），可手工编制"
                    : "已从全文中拆解出 " + count + " 项建议，请逐项确认、修改或不采用");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/catalog/documents/" + id + "/proposals";
    }

    @PostMapping("/{proposalId}/adopt")
    String adopt(@PathVariable long id, @PathVariable long proposalId, @ModelAttribute("edit") ItemForm edit,
                 org.springframework.validation.BindingResult binding, Model model, RedirectAttributes redirect) {
        PolicyDocument document = document(id);
        TextProposal proposal = proposals.proposal(proposalId);
        if (proposal.documentId() != id) {
            throw new NotFoundException("拆解建议不存在");
        }
        edit.documentNumber = document.number();
        edit.conditionsText = proposal.source();
        edit.themes = String.join("，", document.themes());
        edit.industries = String.join("，", document.industries());
        edit.regions = String.join("，", document.regions());
        edit.legalBasis = document.title() + "（" + document.number() + "）";
        java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
        if (edit.target == null || edit.target.isBlank()) {
            missing.put("target", "请填写实施对象（谁可以享受）");
        }
        if (edit.contact == null || !edit.contact.strip().matches(".{0,40}?[0-9][0-9\\- ]{5,19}.{0,40}")) {
            missing.put("contact", "请填写咨询电话，如：0599-12345678（市经信局产业科）");
        }
        if (!missing.isEmpty()) {
            return page(model, document, proposalId, edit, missing);
        }
        if (binding.hasErrors()) {
            return page(model, document, proposalId, edit, binding.getFieldErrors().stream().collect(Collectors.toMap(
                    org.springframework.validation.FieldError::getField, f -> "「" + f.getField() + "」格式不正确", (a, b) -> a)));
        }
        try {
            PolicyItem draft = proposals.adopt(proposalId, edit.toContent());
            redirect.addFlashAttribute("message", "已采用为事项草稿 " + draft.code() + "「" + draft.content().name() + "」，可在事项编制中补充材料后提交审查");
            return "redirect:/catalog/documents/" + id + "/proposals#proposal-" + proposalId;
        } catch (InvalidInputException e) {
            return page(model, document, proposalId, edit, e.errors().stream().collect(Collectors.toMap(
                    InvalidInputException.FieldError::field, InvalidInputException.FieldError::message, (a, b) -> a + "；" + b)));
        }
    }

    @PostMapping("/{proposalId}/reject")
    String reject(@PathVariable long id, @PathVariable long proposalId, @RequestParam(defaultValue = "") String note,
                  RedirectAttributes redirect) {
        document(id);
        if (proposals.proposal(proposalId).documentId() != id) {
            throw new NotFoundException("拆解建议不存在");
        }
        try {
            proposals.reject(proposalId, note);
            redirect.addFlashAttribute("message", "已标记为不采用");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/catalog/documents/" + id + "/proposals";
    }

    private PolicyDocument document(long id) {
        return catalog.document(id).orElseThrow(() -> new NotFoundException("政策文件不存在"));
    }

    private String page(Model model, PolicyDocument document, Long editing, ItemForm edit, Map<String, String> errors) {
        List<TextProposal> list = proposals.of(document.id());
        model.addAttribute("document", document);
        model.addAttribute("legal", legalReviews.of(document.id()).orElse(null));
        model.addAttribute("proposals", list);
        model.addAttribute("open", list.stream().filter(TextProposal::open).count());
        model.addAttribute("adopted", list.stream().filter(p -> "ADOPTED".equals(p.status())).count());
        model.addAttribute("editing", editing);
        model.addAttribute("edit", edit);
        model.addAttribute("errors", errors);
        model.addAttribute("departments", organisations.departments());
        model.addAttribute("modes", io.zhida.catalog.HandlingMode.values());
        model.addAttribute("benefitTypes", ItemContent.BENEFIT_TYPES);
        model.addAttribute("codePrefix", "D" + document.id() + "-");
        model.addAttribute("targets", list.stream().collect(java.util.stream.Collectors.toMap(TextProposal::id, p -> suggestedTarget(p.condition()))));
        return "catalog/proposals";
    }

    /** Who may apply, in words, from the proposal's clause labels: 制造业，营业收入500万元以上 → …的企业. */
    static String suggestedTarget(String condition) {
        java.util.List<String> words = condition.lines().map(l -> l.contains("//") ? l.substring(l.indexOf("//") + 2).strip() : "")
                .filter(w -> !w.isEmpty() && !w.startsWith("未") && !w.startsWith("纳税信用等级不是")).toList();
        return words.isEmpty() ? "符合条件的企业" : String.join("、", words) + "的企业";
    }

    /** A suggested item code for a proposal: D{document}-{seq}, which the author may change. */
    static String suggestedCode(long documentId, int seq) {
        return "D" + documentId + "-" + String.format("%02d", seq);
    }
}
