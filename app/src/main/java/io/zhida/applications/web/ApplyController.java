package io.zhida.applications.web;

import io.zhida.platform.FormActions;

import io.zhida.applications.ApplicationForm;
import io.zhida.applications.Applications;
import io.zhida.applications.Upload;
import io.zhida.identity.AccessRule;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 在线申报 for the enterprise: the form, submission, 补正, and 我的申报. */
@AccessRule(roles = Role.ENTERPRISE, scope = DataScope.OWN_ENTERPRISE)
@Controller
class ApplyController {

    private final Applications applications;
    private final Clock clock;

    ApplyController(Applications applications, Clock clock) {
        this.clock = clock;
        this.applications = applications;
    }

    @GetMapping("/applications/new")
    String form(@RequestParam String item, @AuthenticationPrincipal ZhidaUser user, Model model) {
        ApplicationForm form = applications.form(item, user);
        model.addAttribute("form", form);
        model.addAttribute("commitment", ApplicationForm.COMMITMENT);
        return "applications/form";
    }

    @PostMapping("/applications")
    String submit(@RequestParam String item, @RequestParam(defaultValue = "false") boolean commitment,
                  MultipartHttpServletRequest request, @AuthenticationPrincipal ZhidaUser user, RedirectAttributes flash) throws IOException {
        try {
            ApplicationForm form = applications.form(item, user);
            List<Upload> uploads = new ArrayList<>();
            for (int i = 0; i < form.uploads().size(); i++) {
                MultipartFile file = request.getFile("material-" + i);
                if (file != null && !file.isEmpty()) {
                    uploads.add(new Upload(form.uploads().get(i).name(), file.getOriginalFilename(), file.getBytes()));
                }
            }
            long id = applications.submit(item, user, commitment, uploads);
            flash.addFlashAttribute("message", "申报已提交");
            return "redirect:/applications/" + id;
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
            return "redirect:/applications/new?item=" + java.net.URLEncoder.encode(item, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @PostMapping("/applications/{id}/resubmit")
    String resubmit(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile file,
                    @RequestParam(required = false) String material, @AuthenticationPrincipal ZhidaUser user,
                    RedirectAttributes flash) throws IOException {
        List<Upload> uploads = file == null || file.isEmpty() ? List.of()
                : List.of(new Upload(material == null || material.isBlank() ? "补正材料" : material, file.getOriginalFilename(), file.getBytes()));
        return FormActions.run(() -> applications.resubmit(id, user, uploads, note), "补正材料已提交，专窗继续办理", "/applications/" + id, flash);
    }

    @GetMapping("/my/applications/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> exportMine(@AuthenticationPrincipal ZhidaUser user) {
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("我的申报", java.util.List.of("申报编号", "事项", "年度",
                "提交时间", "状态", "测算金额（元）", "核定金额（元）"))) {
            applications.mine(user).forEach(a -> sheet.row(a.number(), a.itemName(), a.period(),
                    io.zhida.applications.WorkingTimeText.format(a.submittedAt()), a.status().label(), a.estimate(), a.approvedAmount()));
            return io.zhida.platform.Spreadsheet.download("我的申报-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }

    @GetMapping("/my/applications")
    String mine(@AuthenticationPrincipal ZhidaUser user, Model model) {
        model.addAttribute("applications", applications.mine(user));
        return "applications/mine";
    }
}
