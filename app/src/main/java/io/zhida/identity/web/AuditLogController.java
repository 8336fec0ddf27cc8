package io.zhida.identity.web;

import io.zhida.identity.AccessRule;
import io.zhida.identity.AuditLog;
import io.zhida.identity.DataScope;
import io.zhida.identity.Role;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Searching the audit log: by actor, action, subject, words, and dates. */
@AccessRule(roles = Role.ADMIN, scope = DataScope.WHOLE_CITY)
@Controller
class AuditLogController {

    private final AuditLog audit;

    private final io.zhida.identity.AuditWords words;
    private final io.zhida.identity.People people;
    private final Clock clock;

    AuditLogController(AuditLog audit, io.zhida.identity.AuditWords words, io.zhida.identity.People people, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.words = words;
        this.people = people;
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

    @GetMapping("/admin/audit/export.xlsx")
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                                           @RequestParam(required = false) String subjectType, @RequestParam(required = false) String text,
                                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var result = audit.search(new AuditLog.Query(actor, action, subjectType, text, from, to, 0, 100_000));
        try (io.zhida.platform.Spreadsheet sheet = io.zhida.platform.Spreadsheet.of("审计日志",
                java.util.List.of("时间", "操作人", "账号", "操作", "操作代码", "对象", "摘要", "修改前", "修改后"))) {
            result.entries().forEach(e -> sheet.row(e.at().atZone(io.zhida.platform.Today.ZONE).toLocalDateTime(), people.name(e.actor()), e.actor(),
                    words.action(e.action()), e.action(), words.subject(e.subjectType(), e.subjectId()), e.summary(), e.before(), e.after()));
            return io.zhida.platform.Spreadsheet.download("审计日志-" + LocalDate.now(clock) + ".xlsx", sheet.bytes());
        }
    }
}
