package io.zhida.identity.web;

import io.zhida.identity.AuditLog;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Searching the audit log: by actor, action, subject, words, and dates. */
@Controller
class AuditLogController {

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                  @RequestParam(required = false) String subjectType, @RequestParam(required = false) String text,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        var query = new AuditLog.Query(actor, action, subjectType, text, from, to, Math.max(0, page), 50);
        model.addAttribute("result", audit.search(query));
        model.addAttribute("query", query);
        model.addAttribute("actions", audit.actions());
        return "admin/audit";
    }
}
