package io.zhida.assistance.web;

import io.zhida.assistance.Assistance;
import io.zhida.assistance.AssistanceCentre;
import io.zhida.assistance.AssistanceRequest;
import io.zhida.assistance.AssistedApplication;
import io.zhida.assistance.internal.RequestRows;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.FormActions;
import io.zhida.platform.PageQuery;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 中心派单 and the page of one request, for everyone who may see it. */
@AccessRule(roles = {Role.CLERK, Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR}, scope = DataScope.OWN_COUNTY)
@Controller
class CentreController {

    private final Assistance assistance;
    private final AssistedApplication prepared;
    private final AssistanceCentre centre;

    CentreController(Assistance assistance, AssistedApplication prepared, AssistanceCentre centre) {
        this.assistance = assistance;
        this.prepared = prepared;
        this.centre = centre;
    }

    @GetMapping("/assistance/centre")
    String centre(@RequestParam(required = false) AssistanceRequest.Status status, PageQuery page, @AuthenticationPrincipal ZhidaUser user,
                  Model model) {
        model.addAttribute("requests", centre.requests(user, status).page(page));
        model.addAttribute("status", status);
        model.addAttribute("statuses", AssistanceRequest.Status.values());
        model.addAttribute("loads", centre.loads(user));
        model.addAttribute("agents", centre.agents());
        model.addAttribute("dispatcher", user.has(Role.CLERK));
        return "assistance/centre";
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @PostMapping("/assistance/{id}/dispatch")
    String dispatch(@PathVariable long id, @RequestParam(required = false) String agent, @AuthenticationPrincipal ZhidaUser user,
                    RedirectAttributes flash) {
        return FormActions.run(() -> assistance.dispatch(user, id, agent), "已派单", "/assistance/centre?status=REQUESTED", flash);
    }

    @AccessRule(roles = Role.CLERK, scope = DataScope.OWN_COUNTY)
    @PostMapping("/assistance/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, @AuthenticationPrincipal ZhidaUser user,
                  RedirectAttributes flash) {
        return FormActions.run(() -> assistance.cancel(user, id, reason), "已取消该帮办申请", "/assistance/" + id, flash);
    }

    @AccessRule(roles = {Role.ENTERPRISE, Role.AGENT, Role.CLERK, Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR}, scope = DataScope.OWN_COUNTY)
    @GetMapping("/assistance/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal ZhidaUser user, Model model) {
        AssistanceRequest r = assistance.view(id, user);
        model.addAttribute("r", r);
        model.addAttribute("events", assistance.events(id));
        model.addAttribute("files", assistance.files(id));
        model.addAttribute("materials", prepared.materials(r));
        model.addAttribute("owner", user.has(Role.ENTERPRISE) && r.uscc().equals(user.enterpriseUscc()));
        model.addAttribute("agent", user.has(Role.AGENT) && user.getUsername().equals(r.agent()));
        model.addAttribute("centre", user.has(Role.CLERK) && user.canSeeRegion(r.region()));
        model.addAttribute("agents", centre.agents());
        model.addAttribute("commitment", io.zhida.applications.ApplicationForm.COMMITMENT);
        model.addAttribute("form", r.status() == AssistanceRequest.Status.CONFIRMING || r.status() == AssistanceRequest.Status.PREPARING
                ? prepared.form(r).orElse(null) : null);
        return "assistance/request";
    }

    @AccessRule(roles = {Role.ENTERPRISE, Role.AGENT, Role.CLERK, Role.EVALUATOR, Role.LEADER, Role.ADMIN, Role.INSPECTOR}, scope = DataScope.OWN_COUNTY)
    @GetMapping("/assistance/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId, @AuthenticationPrincipal ZhidaUser user) {
        RequestRows.StoredFile file = prepared.file(id, fileId, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }
}
