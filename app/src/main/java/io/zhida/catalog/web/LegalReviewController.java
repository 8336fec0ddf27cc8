package io.zhida.catalog.web;

import io.zhida.catalog.LegalReviews;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
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

/** 合法性审查: every reviewer sees the queue; the justice department's reviewers and head decide, with an opinion. */
@AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD}, scope = DataScope.OWN_DEPARTMENT)
@Controller
@RequestMapping("/catalog/legal-review")
class LegalReviewController {

    private final LegalReviews reviews;
    private final PolicyCatalog catalog;

    LegalReviewController(LegalReviews reviews, PolicyCatalog catalog) {
        this.reviews = reviews;
        this.catalog = catalog;
    }

    @ModelAttribute
    void onlyReviewers(@AuthenticationPrincipal ZhidaUser user) {
        AccessPolicy.POLICY_REVIEW.require(user);
    }

    @GetMapping
    String queue(@AuthenticationPrincipal ZhidaUser user, Model model) {
        var queue = reviews.queue();
        model.addAttribute("queue", queue);
        model.addAttribute("pending", queue.stream().filter(r -> "PENDING".equals(r.status())).count());
        model.addAttribute("texts", catalog.documents().stream()
                .collect(java.util.stream.Collectors.toMap(d -> d.id(), d -> d.fullText() == null ? "" : d.fullText(), (a, b) -> a)));
        model.addAttribute("canDecide", reviews.canDecide(user));
        model.addAttribute("legalDepartment", reviews.legalDepartmentName());
        return "catalog/legal-review";
    }

    @PostMapping("/{documentId}")
    String decide(@PathVariable long documentId, @RequestParam String decision, @RequestParam(defaultValue = "") String opinion,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        if (!decision.equals("pass") && !decision.equals("reject")) {
            throw new InvalidInputException("decision", "审查结论应为通过或不通过");
        }
        try {
            var review = reviews.decide(user, documentId, decision.equals("pass"), opinion);
            redirect.addFlashAttribute("message", "《" + review.title() + "》" + review.statusLabel());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/catalog/legal-review";
    }
}
