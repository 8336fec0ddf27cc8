package io.zhida.catalog.web;

import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.ReviewScope;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

/** 标准化审查: the queue, and one item's review with the checklist, beside the version now online. */
@AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
@Controller
@RequestMapping("/catalog/review")
class ReviewController {

    private final PolicyCatalog catalog;
    private final PolicyAuthoring authoring;
    private final ReviewScope scope;
    private final org.springframework.beans.factory.ObjectProvider<io.zhida.catalog.ReachEstimates> reach;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<io.zhida.catalog.ReviewAttachments> attachments;
    private final io.zhida.catalog.LegalReviews legalReviews;

    ReviewController(PolicyCatalog catalog, PolicyAuthoring authoring, ReviewScope scope,
                     org.springframework.beans.factory.ObjectProvider<io.zhida.catalog.ReachEstimates> reach, Clock clock,
                     org.springframework.beans.factory.ObjectProvider<io.zhida.catalog.ReviewAttachments> attachments,
                     io.zhida.catalog.LegalReviews legalReviews) {
        this.attachments = attachments;
        this.legalReviews = legalReviews;
        this.clock = clock;
        this.catalog = catalog;
        this.authoring = authoring;
        this.scope = scope;
        this.reach = reach;
    }

    @ModelAttribute
    void onlyReviewers(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_REVIEW.require(user);
    }

    @GetMapping("/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@AuthenticationPrincipal ZhidaUser user) {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("待审查事项", java.util.List.of("事项编码", "事项", "版本", "办理部门", "办理方式"))) {
            queue(user).forEach(i -> sheet.row(i.code(), i.content().name(), i.version(), String.join("、", i.content().departments()),
                    i.content().mode().label()));
            return io.zhida.platform.Spreadsheet.download("待审查事项-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping
    String queue(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("items", queue(user));
        return "catalog/review-queue";
    }

    @GetMapping("/{code}")
    String review(@PathVariable String code, @AuthenticationPrincipal ZhidaUser user, Model model) {
        PolicyItem item = catalog.awaitingReview().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("该事项不在审查队列中"));
        scope.require(user, item);
        model.addAttribute("item", item);
        model.addAttribute("c", item.content());
        model.addAttribute("online", catalog.published(code).orElse(null));
        model.addAttribute("checklist", PolicyAuthoring.CHECKLIST);
        model.addAttribute("attachments", attachments.orderedStream().flatMap(a -> a.forItem(item.code()).stream()).toList());
        model.addAttribute("legal", item.content().documentNumber() == null ? null
                : legalReviews.ofNumber(item.content().documentNumber()).orElse(null));
        model.addAttribute("estimate", reach.orderedStream().findFirst().flatMap(r -> r.estimate(item.content())).orElse(null));
        return "catalog/review";
    }

    @PostMapping("/{code}/approve")
    String approve(@PathVariable String code, @RequestParam(required = false) List<Integer> checklist,
                   @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            authoring.approve(code, checklist, note);
            redirect.addFlashAttribute("message", "审查通过，已发布 " + code);
            return "redirect:/catalog/review";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            redirect.addFlashAttribute("ticked", checklist == null ? List.of() : checklist); // what the reviewer confirmed stays confirmed
            redirect.addFlashAttribute("reviewNote", note);
            return "redirect:/catalog/review/" + code;
        }
    }

    /** The items awaiting review that this reviewer may review: the queue, its export and each page agree. */
    private List<PolicyItem> queue(ZhidaUser user) {
        return scope.queueOf(user, catalog.awaitingReview());
    }

    @PostMapping("/{code}/return")
    String giveBack(@PathVariable String code, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            authoring.returnForChanges(code, reason);
            redirect.addFlashAttribute("message", "已退回修改 " + code);
            return "redirect:/catalog/review";
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            return "redirect:/catalog/review/" + code;
        }
    }
}
