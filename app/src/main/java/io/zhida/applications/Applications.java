package io.zhida.applications;

import io.zhida.applications.internal.ApplicationRows;
import io.zhida.applications.internal.RecordRows;
import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.AttributeCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AuditLog;
import io.zhida.identity.SystemClient;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.Digests;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 在线申报: builds the form from the item, checks the uploads, freezes the rule version and the
 * calculator's estimate, and starts the window's clock — or, for a 即申即享 item whose conditions
 * are all verified from data, decides at once (秒批).
 */
@Service
public class Applications {

    private final ApplicationRows rows;
    private final RecordRows records;
    private final PolicyCalculator calculator;
    private final EnterpriseProfiles profiles;
    private final AttributeCatalog attributes;
    private final ApplicationAccess access;
    private final TimeLimits limits;
    private final Decisions decisions;
    private final Progress progress;
    private final AuditLog audit;
    private final String windowDepartment;
    private final Clock clock;
    private final io.zhida.identity.EnterpriseAgents agents;

    Applications(ApplicationRows rows, RecordRows records, PolicyCalculator calculator, EnterpriseProfiles profiles,
                 AttributeCatalog attributes, ApplicationAccess access, TimeLimits limits, Decisions decisions, Progress progress,
                 AuditLog audit, @Value("${zhida.applications.window-department:C-ZWFW}") String windowDepartment, Clock clock,
                 io.zhida.identity.EnterpriseAgents agents) {
        this.agents = agents;
        this.clock = clock;
        this.rows = rows;
        this.records = records;
        this.calculator = calculator;
        this.profiles = profiles;
        this.attributes = attributes;
        this.access = access;
        this.limits = limits;
        this.decisions = decisions;
        this.progress = progress;
        this.audit = audit;
        this.windowDepartment = windowDepartment;
    }

    public ApplicationForm form(String itemCode, ZhidaUser user) {
        return form(itemCode, profileOf(user));
    }

    /** The form as it stands for an enterprise, for the 政策专员 who prepares its application (帮办代办). */
    public ApplicationForm formFor(String uscc, String itemCode) {
        return form(itemCode, profiles.find(uscc).orElseThrow(() -> new NotFoundException("平台尚无该企业的企业画像")));
    }

    private ApplicationForm form(String itemCode, EnterpriseProfile profile) {
        PolicyCalculator.CompiledItem compiled = calculator.compiledOnline(itemCode);
        PolicyItem item = compiled.item();
        LocalDate today = LocalDate.now(clock);
        Calculator.Result calculation = calculator.calculate(itemCode, profile.attributes(), today);
        TreeSet<String> used = new TreeSet<>(compiled.condition().attributes());
        if (compiled.formula() != null) {
            used.addAll(compiled.formula().attributes());
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("企业名称", profile.name());
        figures.put("统一社会信用代码", profile.uscc());
        for (String name : used) {
            Object value = profile.value(name) != null ? profile.value(name) : calculation.derived().get(name); // e.g. the size class
            figures.put(attributes.label(name), value == null ? "（平台暂无，需补充）" : attributes.display(name, value));
        }
        List<ItemContent.Material> materials = item.content().materials();
        return new ApplicationForm(item, figures, materials.stream().filter(m -> !m.shared()).toList(),
                materials.stream().filter(ItemContent.Material::shared).toList(), calculation,
                item.content().mode() == HandlingMode.COMMITMENT, alreadyApplied(profile.uscc(), item, today)
                        .orElseGet(() -> blockedReason(item, calculation, today)));
    }

    /** Said on the form, before anything is uploaded: this year's 申报 of the item that is still live. */
    private java.util.Optional<String> alreadyApplied(String uscc, PolicyItem item, LocalDate today) {
        String year = String.valueOf(today.getYear());
        return rows.forEnterprise(uscc).stream()
                .filter(a -> a.itemCode().equals(item.code()) && year.equals(a.period())
                        && !a.status().allowsAnother())
                .findFirst().map(a -> "贵单位本年度已申报本事项（申报号 " + a.number() + "，" + (a.status() == Application.Status.PAID
                        ? "已兑付" : a.status().label()) + "），请在“我的申报”查看进度，无需重复申报");
    }

    private static String blockedReason(PolicyItem item, Calculator.Result calculation, LocalDate today) {
        ItemContent c = item.content();
        if (c.mode() == HandlingMode.NO_APPLICATION) {
            return "本事项为免申即享，无需申请：平台按共享数据自动认定并拨付";
        }
        if (c.applyFrom() != null && today.isBefore(c.applyFrom()) || c.applyTo() != null && today.isAfter(c.applyTo())) {
            return "不在申报期内（申报期 " + (c.applyFrom() == null ? "" : c.applyFrom()) + " 至 " + (c.applyTo() == null ? "" : c.applyTo()) + "）";
        }
        if (calculation.result() == Outcome.INELIGIBLE) {
            return "按平台数据，贵单位暂不符合本事项条件；如数据有误，请先在“企业档案”中提交数据纠错";
        }
        return null;
    }

    @Transactional
    public long submit(String itemCode, ZhidaUser user, boolean commitmentSigned, List<Upload> uploads) {
        return submit(itemCode, profileOf(user), user.getUsername(), commitmentSigned, uploads, "");
    }

    /**
     * An application another system submits for an enterprise that authorized it (我的企业 → 经办人授权), with the
     * enterprise's signed 承诺书 where the item asks for one; recorded as the system's act on the enterprise's behalf.
     */
    @Transactional
    public long submitOnBehalf(SystemClient client, String uscc, String itemCode, boolean commitmentSigned, List<Upload> uploads) {
        EnterpriseProfile profile = profiles.find(uscc == null ? "" : uscc.strip().toUpperCase())
                .orElseThrow(() -> new InvalidInputException("uscc", "平台未收录该统一社会信用代码的企业"));
        if (!agents.systemMayApply(profile.uscc(), client.id())) {
            throw new org.springframework.security.access.AccessDeniedException("该企业未授权本系统代为申报");
        }
        return submit(itemCode, profile, client.actor(), commitmentSigned, uploads, "经企业授权，由「" + client.name() + "」代为提交；");
    }

    /** 帮办代办: the enterprise confirms what its 政策专员 prepared, and signs the 承诺书 itself; that submits it. */
    @Transactional
    public long submitAssisted(ZhidaUser enterprise, String itemCode, String agentName, boolean commitmentSigned, List<Upload> uploads) {
        return submit(itemCode, profileOf(enterprise), enterprise.getUsername(), commitmentSigned, uploads,
                "由政策专员「" + agentName + "」帮办，企业确认后提交；");
    }

    private long submit(String itemCode, EnterpriseProfile profile, String actor, boolean commitmentSigned, List<Upload> uploads, String byWhom) {
        ApplicationForm form = form(itemCode, profile);
        if (!form.open()) {
            throw new InvalidInputException("item", form.blockedReason());
        }
        if (form.commitmentRequired() && !commitmentSigned) {
            throw new InvalidInputException("commitment", "本事项为承诺即享，请阅读并签署承诺书");
        }
        checkUploads(form.uploads(), uploads, List.of());
        PolicyItem item = form.item();
        ItemContent c = item.content();
        long id;
        try {
            id = rows.insert(new ApplicationRows.NewApplication(profile.uscc(), profile.name(), profile.region(), item.code(),
                    item.version(), c.name(), c.mode(), c.departments(), String.valueOf(LocalDate.now(clock).getYear()),
                    form.calculation().result().name(), form.calculation().amount(), form.figures(), commitmentSigned));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("item", "贵单位本年度已申报本事项，请勿重复提交（可在“我的申报”查看进度）");
        }
        store(id, uploads);
        Application application = rows.find(id).orElseThrow();
        records.event(id, actor, "SUBMITTED", "提交申报", byWhom + "事项「" + c.name() + "」第 " + item.version() + " 版；"
                + (form.calculation().amount() == null ? "" : "平台测算金额 " + money(form.calculation().amount()) + " 元；")
                + (commitmentSigned ? "已签署承诺书" : ""));
        audit.record("application.submit", "application", application.number(), c.name(), null, form.calculation().result().name());
        if (c.mode() == HandlingMode.INSTANT && form.calculation().result() == Outcome.ELIGIBLE && form.calculation().missing().isEmpty()
                && decisions.instantApproval(application)) {
            return id;
        }
        limits.openWindow(id, windowDepartment);
        progress.tell(application, "申报已提交：" + c.name(), "您的申报（编号 " + application.number() + "）已提交，专窗将在 1 个工作小时内受理。");
        return id;
    }

    /** 补正 done: the enterprise adds what was missing and the window's clock resumes. */
    @Transactional
    public void resubmit(long id, ZhidaUser user, List<Upload> uploads, String note) {
        Application a = get(id, user);
        access.requireOwner(user, a);
        if (a.status() != Application.Status.RETURNED) {
            throw new InvalidInputException("status", "该申报不在待补正状态");
        }
        if (uploads.isEmpty() && (note == null || note.isBlank())) {
            throw new InvalidInputException("file", "请上传补正材料或填写补正说明");
        }
        checkUploads(List.of(), uploads, List.of());
        store(id, uploads);
        if (rows.move(id, Application.Status.RETURNED, Application.Status.SUBMITTED) == 0) {
            throw new InvalidInputException("status", "该申报不在待补正状态");
        }
        limits.resumeWindow(id);
        records.event(id, user.getUsername(), "RESUBMITTED", "补正后重新提交", (note == null ? "" : note.trim())
                + (uploads.isEmpty() ? "" : "（补充材料 " + uploads.size() + " 份）"));
    }

    public Application get(long id, ZhidaUser user) {
        Application a = rows.find(id).orElseThrow(() -> new NotFoundException("没有这份申报"));
        access.requireView(user, a);
        return a;
    }

    /** The materials an applicant uploads for the item (those the platform does not hold), in their order. */
    public List<String> materialsToUpload(String itemCode) {
        return calculator.compiledOnline(itemCode).item().content().materials().stream().filter(m -> !m.shared())
                .map(ItemContent.Material::name).toList();
    }

    public String numberOf(long id) {
        return rows.find(id).orElseThrow().number();
    }

    /** An application by its number, for other systems holding applications:read (the scope is their data scope). */
    public Application byNumber(String number) {
        return rows.findByNumber(number == null ? "" : number.strip()).orElseThrow(() -> new NotFoundException("没有这份申报"));
    }

    /** Whether an application of this number exists (a real transaction, for 一事一评 ratings of units). */
    public boolean exists(String number) {
        return number != null && rows.existsNumber(number.trim());
    }

    public List<Application> mine(ZhidaUser user) {
        return rows.forEnterprise(profileOf(user).uscc());
    }

    public List<Application.File> files(long id) {
        return records.files(id);
    }

    public RecordRows.StoredFile file(long applicationId, long fileId, ZhidaUser user) {
        get(applicationId, user);
        RecordRows.StoredFile file = records.fileContent(fileId).orElseThrow(() -> new NotFoundException("没有这个文件"));
        if (file.applicationId() != applicationId) {
            throw new NotFoundException("没有这个文件");
        }
        return file;
    }

    public List<Application.Event> timeline(long id) {
        return records.events(id);
    }

    private void checkUploads(List<ItemContent.Material> required, List<Upload> uploads, List<String> alreadyHeld) {
        for (ItemContent.Material m : required) {
            if (uploads.stream().noneMatch(u -> u.material().equals(m.name())) && !alreadyHeld.contains(m.name())) {
                throw new InvalidInputException("material", "请上传「" + m.name() + "」");
            }
        }
        uploads.forEach(u -> u.check("material"));
    }

    private void store(long id, List<Upload> uploads) {
        for (Upload u : uploads) {
            records.file(id, u.material(), u.fileName(), u.check("material"), u.content(), Digests.sha256(u.content()));
        }
    }

    private EnterpriseProfile profileOf(ZhidaUser user) {
        if (user.enterpriseUscc() == null) {
            throw new AccessDeniedException("not bound to an enterprise");
        }
        return profiles.find(user.enterpriseUscc()).orElseThrow(() -> new NotFoundException("平台尚无贵单位的企业画像"));
    }

    /** A sentence to be joined to another with "；": without its own closing mark, so a timeline never reads "。；". */
    static String clause(String text) {
        return text.strip().replaceFirst("[。；;.]+$", "");
    }

    static String money(java.math.BigDecimal amount) {
        return amount == null ? "—" : String.format("%,.2f", amount);
    }

}
