package io.zhida.assistance;

import io.zhida.applications.Applications;
import io.zhida.applications.Upload;
import io.zhida.assistance.internal.RequestRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.People;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.platform.Digests;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 专员 prepares the application with the enterprise's documents and hands it to the enterprise; the enterprise
 * confirms it and signs the 承诺书 itself, which submits it (or sends it back with what to change); then it rates the help.
 */
@Service
public class AssistedApplication {

    private final RequestRows rows;
    private final Assistance assistance;
    private final Applications applications;
    private final People people;
    private final Inbox inbox;
    private final AuditLog audit;

    AssistedApplication(RequestRows rows, Assistance assistance, Applications applications, People people, Inbox inbox, AuditLog audit) {
        this.rows = rows;
        this.assistance = assistance;
        this.applications = applications;
        this.people = people;
        this.inbox = inbox;
        this.audit = audit;
    }

    /** The item's materials the enterprise hands in (those the platform does not hold), in their order. */
    public List<String> materials(AssistanceRequest r) {
        return applications.materialsToUpload(r.itemCode());
    }

    /** The application form as it stands for the enterprise (the estimate, whether a 承诺书 is needed); empty once the item is offline. */
    public java.util.Optional<io.zhida.applications.ApplicationForm> form(AssistanceRequest r) {
        try {
            return java.util.Optional.of(applications.formFor(r.uscc(), r.itemCode()));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /** A document for one material, checked as an enterprise's own upload is; a second one replaces the first. */
    @Transactional
    public void attach(ZhidaUser agent, long id, String material, String fileName, byte[] content) {
        AssistanceRequest r = assistance.locked(id);
        AssistanceAccess.requireAgent(agent, r);
        if (r.status() != AssistanceRequest.Status.PREPARING) {
            throw Assistance.wrongState(r);
        }
        if (material == null || !materials(r).contains(material)) {
            throw new InvalidInputException("material", "请选择本事项要求的申报材料");
        }
        Upload upload = new Upload(material, fileName, content);
        String type = upload.check("file");
        rows.file(id, material, fileName, type, content, Digests.sha256(content), agent.getUsername());
        rows.event(id, agent.getUsername(), "FILE", "收取材料「" + material + "」：" + fileName);
    }

    /** Every material is in: the enterprise is asked to confirm and submit. */
    @Transactional
    public void ready(ZhidaUser agent, long id, String note) {
        new Validation().optionalText(note, "note", "给企业的说明", 1000).throwIfInvalid();
        AssistanceRequest r = assistance.locked(id);
        AssistanceAccess.requireAgent(agent, r);
        List<String> held = rows.files(id).stream().map(AssistanceRequest.File::material).toList();
        List<String> missing = materials(r).stream().filter(m -> !held.contains(m)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("file", "还缺少材料：" + String.join("、", missing));
        }
        Assistance.moved(r, rows.move(id, AssistanceRequest.Status.PREPARING, AssistanceRequest.Status.CONFIRMING, "prepared_at = now()"));
        rows.event(id, agent.getUsername(), "PREPARED", "材料已备齐，请企业确认提交" + (note == null || note.isBlank() ? "" : "：" + note.strip()));
        inbox.send(r.uscc(), "请确认提交申报：" + r.itemName(), "政策专员" + agent.displayName() + "已为您备齐「" + r.itemName()
                + "」的申报材料。请在“帮办代办”中核对材料、签署承诺书并确认提交。");
    }

    /** The enterprise confirms: its own submission, with its own 承诺书; the 专员 follows it from here. */
    @Transactional
    public long confirm(ZhidaUser enterprise, long id, boolean commitmentSigned) {
        AssistanceRequest r = assistance.locked(id);
        AssistanceAccess.requireOwner(enterprise, r);
        if (r.status() != AssistanceRequest.Status.CONFIRMING) {
            throw Assistance.wrongState(r);
        }
        List<Upload> uploads = rows.fileContents(id).stream().map(f -> new Upload(f.material(), f.fileName(), f.content())).toList();
        long application = applications.submitAssisted(enterprise, r.itemCode(), people.name(r.agent()), commitmentSigned, uploads);
        String number = applications.numberOf(application);
        Assistance.moved(r, rows.move(id, AssistanceRequest.Status.CONFIRMING, AssistanceRequest.Status.SUBMITTED,
                "application_id = ?, application_number = ?, submitted_at = now()", application, number));
        rows.event(id, enterprise.getUsername(), "SUBMITTED", "企业确认并提交申报，申报编号 " + number);
        audit.record("assistance.confirm", "assistance_request", r.number(), "企业确认提交", null, number);
        return application;
    }

    /** The enterprise wants something changed before it submits. */
    @Transactional
    public void sendBack(ZhidaUser enterprise, long id, String note) {
        new Validation().requireText(note, "note", "需要修改的内容", 1000).throwIfInvalid();
        AssistanceRequest r = assistance.locked(id);
        AssistanceAccess.requireOwner(enterprise, r);
        Assistance.moved(r, rows.move(id, AssistanceRequest.Status.CONFIRMING, AssistanceRequest.Status.PREPARING, ""));
        rows.event(id, enterprise.getUsername(), "SENT_BACK", "企业退回修改：" + note.strip());
    }

    /** 企业评单: once, after the application went in. */
    @Transactional
    public void rate(ZhidaUser enterprise, long id, int stars, String comment) {
        AssistanceRequest r = assistance.locked(id);
        AssistanceAccess.requireOwner(enterprise, r);
        new Validation().require(stars >= 1 && stars <= 5, "stars", "评价应为 1 到 5 星")
                .require(stars > 2 || (comment != null && !comment.isBlank()), "comment", "不满意请写明原因，便于改进")
                .optionalText(comment, "comment", "评价内容", 500).throwIfInvalid();
        if (!r.rateable() || rows.rate(id, stars, comment == null || comment.isBlank() ? null : comment.strip()) == 0) {
            throw new InvalidInputException("stars", r.stars() != null ? "本次帮办已评价，每件只能评价一次" : "提交申报后才能评价帮办服务");
        }
        rows.event(id, enterprise.getUsername(), "RATED", "企业评价 " + stars + " 星" + (comment == null || comment.isBlank() ? "" : "：" + comment.strip()));
        audit.record("assistance.rate", "assistance_request", r.number(), "帮办评价 " + stars + " 星", null, comment);
    }

    /** A document of the request, for those who may see the request. */
    public RequestRows.StoredFile file(long id, long fileId, ZhidaUser user) {
        assistance.view(id, user);
        RequestRows.StoredFile file = rows.fileContent(fileId).orElseThrow(() -> new NotFoundException("没有这个文件"));
        if (file.requestId() != id) {
            throw new NotFoundException("没有这个文件");
        }
        return file;
    }
}
