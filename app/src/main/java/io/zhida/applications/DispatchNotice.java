package io.zhida.applications;

import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Pdf;
import java.util.List;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** 交办通知书: the PDF the window hands the responsible departments with a dispatched application. */
@Service
public class DispatchNotice {

    private final Applications applications;
    private final TimeLimits limits;
    private final ITemplateEngine templates;

    DispatchNotice(Applications applications, TimeLimits limits, ITemplateEngine templates) {
        this.applications = applications;
        this.limits = limits;
        this.templates = templates;
    }

    public byte[] pdf(long id, ZhidaUser user) {
        Application a = applications.get(id, user);
        if (a.dispatchedAt() == null) {
            throw new InvalidInputException("status", "该申报尚未交办");
        }
        Context context = new Context();
        context.setVariable("a", a);
        context.setVariable("departments", a.departments().stream().map(limits::departmentName).toList());
        context.setVariable("tasks", limits.forApplication(id).stream()
                .filter(t -> t.kind() == TimeLimitTask.Kind.RESPOND || t.kind() == TimeLimitTask.Kind.DECIDE).toList());
        context.setVariable("files", applications.files(id));
        context.setVariable("dispatchedAt", WorkingTimeText.format(a.dispatchedAt()));
        context.setVariable("fmt", new Formats());
        return Pdf.render(templates.process("applications/dispatch-notice", context));
    }

    /** Helpers the PDF template calls (Thymeleaf in PDFs has no Spring conversion service). */
    public static final class Formats {
        public String time(java.time.Instant instant) {
            return WorkingTimeText.format(instant);
        }

        public String money(java.math.BigDecimal amount) {
            return Applications.money(amount);
        }

        public String unit(List<String> names) {
            return String.join("、", names);
        }
    }
}
