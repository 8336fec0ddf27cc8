package io.zhida.retention.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.InvalidInputException;
import io.zhida.retention.RetentionRound;
import io.zhida.retention.RetentionRounds;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 文件清理 for the issuing departments and the justice department; the published 保留清单 on the portal. */
@AccessRule(roles = {Role.REVIEWER, Role.DEPT_HEAD, Role.AUTHOR, Role.ADMIN}, scope = DataScope.OWN_DEPARTMENT)
@Controller
class RetentionController {

    private final RetentionRounds rounds;
    private final Clock clock;

    RetentionController(RetentionRounds rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @GetMapping("/retention")
    String desk(@AuthenticationPrincipal ZhidaUser user, Model model) {
        RetentionRound round = rounds.current().orElse(null);
        model.addAttribute("round", round);
        model.addAttribute("proposable", round == null ? java.util.Set.of() : rounds.proposable(user, round));
        model.addAttribute("published", rounds.latestPublished().orElse(null));
        model.addAttribute("legal", rounds.isLegal(user));
        model.addAttribute("outcomes", RetentionRound.OUTCOMES);
        model.addAttribute("defaultDue", LocalDate.now(clock).plusDays(60));
        model.addAttribute("year", LocalDate.now(clock).getYear());
        return "retention/desk";
    }

    @PostMapping("/retention")
    String open(@RequestParam(defaultValue = "") String title,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
                @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        return FormActions.run(() -> rounds.open(user, title, dueOn), "已开始文件清理，请各发文部门提出清理意见", "/retention", redirect);
    }

    @PostMapping("/retention/{round}/documents/{document}/propose")
    String propose(@PathVariable long round, @PathVariable long document, @RequestParam(defaultValue = "") String proposal,
                   @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        return FormActions.run(() -> rounds.propose(user, round, document, proposal, reason), "已提出清理意见",
                "/retention#doc-" + document, redirect);
    }

    @PostMapping("/retention/{round}/propose-remaining")
    String proposeRemaining(@PathVariable long round, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        int done = rounds.proposeRemainingContinue(user, round);
        redirect.addFlashAttribute("message", "已将 " + done + " 件文件拟为继续有效");
        return "redirect:/retention";
    }

    @PostMapping("/retention/{round}/documents/{document}/review")
    String review(@PathVariable long round, @PathVariable long document, @RequestParam(defaultValue = "true") boolean agrees,
                  @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String opinion,
                  @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        return FormActions.run(() -> rounds.review(user, round, document, agrees, outcome, opinion), "已作出合法性审查意见",
                "/retention#doc-" + document, redirect);
    }

    @PostMapping("/retention/{round}/agree-remaining")
    String agreeRemaining(@PathVariable long round, @RequestParam(defaultValue = "") String opinion, @AuthenticationPrincipal ZhidaUser user,
                          RedirectAttributes redirect) {
        try {
            int done = rounds.agreeRemainingContinue(user, round, opinion);
            redirect.addFlashAttribute("message", "已同意 " + done + " 件文件继续有效");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
        }
        return "redirect:/retention";
    }

    @PostMapping("/retention/{round}/publish")
    String publish(@PathVariable long round, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        return FormActions.run(() -> rounds.publish(user, round), "已公布保留清单，废止、失效的文件及其事项已一并废止",
                "/retention", redirect);
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/retention")
    String portal(Model model) {
        RetentionRound published = rounds.latestPublished().orElse(null);
        model.addAttribute("published", published);
        java.util.Map<String, java.util.List<RetentionRound.Entry>> byOutcome = new java.util.LinkedHashMap<>();
        if (published != null) {
            RetentionRound.OUTCOMES.forEach(o -> {
                var entries = published.entries().stream().filter(e -> o.equals(e.outcome())).toList();
                if (!entries.isEmpty()) {
                    byOutcome.put(o, entries);
                }
            });
        }
        model.addAttribute("byOutcome", byOutcome);
        return "retention/portal";
    }
}
