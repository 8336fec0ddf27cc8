package io.zhida.consultation.web;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.consultation.Consultations;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 意见征询: the authors' desk (open, answer, close) and the portal's public pages where anyone comments. */
@AccessRule(roles = {Role.AUTHOR, Role.ADMIN}, scope = DataScope.WHOLE_CITY)
@Controller
class ConsultationController {

    private final Consultations consultations;
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private final Clock clock;

    ConsultationController(Consultations consultations, PolicyCatalog catalog, Organisations organisations, Clock clock) {
        this.consultations = consultations;
        this.catalog = catalog;
        this.organisations = organisations;
        this.clock = clock;
    }

    @GetMapping("/consultations")
    String desk(@AuthenticationPrincipal ZhidaUser user, @RequestParam(required = false) String item, Model model) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        model.addAttribute("consultations", consultations.list(false));
        model.addAttribute("drafts", catalog.workingView().stream().filter(i -> i.state() != PolicyItem.State.PUBLISHED).toList());
        model.addAttribute("item", item);
        model.addAttribute("departments", organisations.cityDepartments());
        model.addAttribute("standing", Consultations.STANDING_DEPARTMENTS);
        model.addAttribute("defaultClose", LocalDate.now(clock).plusDays(30));
        return "consultation/desk";
    }

    @PostMapping("/consultations")
    String open(@AuthenticationPrincipal ZhidaUser user, @RequestParam(defaultValue = "") String item,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
                @RequestParam(required = false) List<String> departments, @RequestParam(defaultValue = "") String contacts,
                RedirectAttributes redirect) {
        try {
            long id = consultations.open(user, item, closesOn, departments, contacts);
            redirect.addFlashAttribute("message", "已发起意见征询，并通过站内信和短信邀请相关企业与部门");
            return "redirect:/consultations/" + id;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            redirect.addFlashAttribute("contacts", contacts);
            redirect.addFlashAttribute("chosenClose", closesOn);
            redirect.addFlashAttribute("chosenDepartments", departments == null ? List.of() : departments);
            redirect.addAttribute("item", item);
            return "redirect:/consultations";
        }
    }

    @GetMapping("/consultations/{id}")
    String manage(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        model.addAttribute("c", consultations.find(id));
        return "consultation/manage";
    }

    @PostMapping("/consultations/{id}/comments/{commentId}/answer")
    String answer(@PathVariable long id, @PathVariable long commentId, @RequestParam(defaultValue = "") String verdict,
                  @RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        if (consultations.find(id).comments().stream().noneMatch(c -> c.id() == commentId)) {
            throw new io.zhida.platform.NotFoundException("意见不存在");
        }
        return io.zhida.platform.FormActions.run(() -> consultations.answer(user, commentId, verdict, reason), "已答复",
                "/consultations/" + id + "#comment-" + commentId, redirect);
    }

    @PostMapping("/consultations/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal ZhidaUser user,
                 RedirectAttributes redirect) {
        return io.zhida.platform.FormActions.run(() -> consultations.close(user, id, note), "意见征询已结束，汇总情况已公布并附入标准化审查",
                "/consultations/" + id, redirect);
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/consultations")
    String portal(Model model) {
        model.addAttribute("consultations", consultations.list(false));
        return "consultation/portal-list";
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @GetMapping("/portal/consultations/{id}")
    String read(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("c", consultations.find(id));
        model.addAttribute("user", user);
        return "consultation/portal";
    }

    @AccessRule(audience = Audience.PUBLIC, scope = DataScope.PUBLIC)
    @PostMapping("/portal/consultations/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(defaultValue = "") String authorName, @RequestParam(defaultValue = "") String organisation,
                   @RequestParam(defaultValue = "") String body, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes redirect) {
        try {
            consultations.comment(id, Optional.ofNullable(user), authorName, organisation, body);
            redirect.addFlashAttribute("message", "感谢您的意见，编制部门将逐条答复并公布");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.errors().get(0).message());
            redirect.addFlashAttribute("draftBody", body.length() > 2000 ? body.substring(0, 2000) : body);
            redirect.addFlashAttribute("draftName", authorName);
            redirect.addFlashAttribute("draftOrganisation", organisation);
        }
        return "redirect:/portal/consultations/" + id;
    }
}
