package io.zhida.evaluation;

import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.evaluation.internal.SurveyRows;
import io.zhida.identity.Organisations;
import io.zhida.matching.MatchRow;
import io.zhida.matching.MatchingService;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业家评: questionnaires built by the evaluation officer, sent as a personal link (in-site message, which
 * also goes out by SMS, or SMS only) to the enterprises eligible for the item, or filled in by staff
 * during phone interviews. One answer per respondent per survey; quotas per county with progress.
 */
@Service
public class Surveys {

    private static final SecureRandom TOKENS = new SecureRandom();

    private final SurveyRows rows;
    private final MatchingService matching;
    private final EnterpriseProfiles profiles;
    private final Organisations organisations;
    private final Inbox inbox;
    private final String publicUrl;

    Surveys(SurveyRows rows, MatchingService matching, EnterpriseProfiles profiles, Organisations organisations, Inbox inbox,
            @Value("${zhida.public-url:http://localhost:8080}") String publicUrl) {
        this.rows = rows;
        this.matching = matching;
        this.profiles = profiles;
        this.organisations = organisations;
        this.inbox = inbox;
        this.publicUrl = publicUrl;
    }

    @Transactional
    public long create(String title, Long campaignId, String itemCode, int quota, List<Survey.NewQuestion> questions, String actor) {
        Validation v = new Validation().requireText(title, "title", "问卷标题", 200)
                .require(quota >= 0 && quota <= 100_000, "quota", "配额应为 0–100000")
                .require(!questions.isEmpty(), "questions", "问卷至少要有一道题");
        for (int i = 0; i < questions.size(); i++) {
            Survey.NewQuestion q = questions.get(i);
            String f = "q" + (i + 1);
            v.require(q.kind() != null, f, "第 " + (i + 1) + " 题未选择题型")
                    .require(q.text() != null && !q.text().isBlank(), f, "第 " + (i + 1) + " 题没有题干");
            if (q.kind() == Survey.Kind.SINGLE || q.kind() == Survey.Kind.MULTIPLE) {
                v.require(q.options().size() >= 2, f, "第 " + (i + 1) + " 题至少需要两个选项");
            }
            v.require(q.measure() == null || ("AWARENESS".equals(q.measure()) && q.kind() == Survey.Kind.SINGLE)
                    || ("SATISFACTION".equals(q.measure()) && q.kind() == Survey.Kind.RATING), f,
                    "第 " + (i + 1) + " 题：知晓题须为单选（第一个选项表示知晓），满意度题须为 1–5 评分");
        }
        v.throwIfInvalid();
        long id = rows.insert(title.trim(), campaignId, itemCode == null || itemCode.isBlank() ? null : itemCode.trim(), quota, actor);
        for (int i = 0; i < questions.size(); i++) {
            Survey.NewQuestion q = questions.get(i);
            rows.insertQuestion(id, i + 1, new Survey.NewQuestion(q.kind(), q.text().trim(),
                    q.kind() == Survey.Kind.RATING || q.kind() == Survey.Kind.TEXT ? List.of() : q.options(), q.measure(), q.required()));
        }
        return id;
    }

    public Survey get(long id) {
        return rows.find(id).orElseThrow(() -> new NotFoundException("没有这份问卷：" + id));
    }

    public List<Survey> all(Long campaignId) {
        return rows.all(campaignId);
    }

    /** Sends the link to up to {@code limit} enterprises eligible for the survey's item; returns how many were newly invited. */
    @Transactional
    public int send(long surveyId, String channel, int limit) {
        Survey s = get(surveyId);
        if (s.itemCode() == null) {
            throw new InvalidInputException("itemCode", "不针对具体事项的问卷请通过电话访问录入");
        }
        if (!"INBOX".equals(channel) && !"SMS".equals(channel)) {
            throw new InvalidInputException("channel", "发放渠道应为站内信或短信");
        }
        int sent = 0;
        for (MatchRow m : matching.forItem(s.itemCode(), Outcome.ELIGIBLE, null, 0, Math.max(1, Math.min(limit, 5000)))) {
            String token = HexFormat.of().formatHex(bytes());
            if (!rows.invite(token, surveyId, m.uscc(), m.region(), channel)) {
                continue; // invited before
            }
            String text = "邀请您参加问卷“" + s.title() + "”：" + publicUrl + "/portal/surveys/" + token;
            if (channel.equals("INBOX")) {
                inbox.send(m.uscc(), "问卷邀请：" + s.title(), text);
            } else {
                profiles.find(m.uscc()).map(p -> p.contactPhone()).filter(p -> p != null && !p.isBlank()).ifPresent(p -> inbox.sms(p, text));
            }
            sent++;
        }
        return sent;
    }

    public SurveyRows.Invitation invitation(String token) {
        return rows.invitation(token == null ? "" : token).orElseThrow(() -> new NotFoundException("问卷链接无效"));
    }

    /** An answer through a personal link: the enterprise is the respondent. */
    @Transactional
    public void answer(String token, Map<Long, List<String>> values) {
        SurveyRows.Invitation inv = invitation(token);
        store(get(inv.survey()), inv.uscc(), inv.uscc(), inv.region(), inv.channel(), null, values);
    }

    /** A phone interview entered by staff: the enterprise, or else the phone number, is the respondent. */
    @Transactional
    public void phone(long surveyId, String uscc, String phone, String region, Map<Long, List<String>> values, String staff) {
        Survey s = get(surveyId);
        String u = uscc == null || uscc.isBlank() ? null : uscc.trim();
        String r = region;
        if (u != null) {
            var p = profiles.find(u).orElseThrow(() -> new InvalidInputException("uscc", "没有这家企业：" + u));
            r = p.region();
        } else if (phone == null || !phone.trim().matches("1\\d{10}")) {
            throw new InvalidInputException("phone", "请填写受访企业的统一社会信用代码，或 11 位手机号");
        }
        if (r == null || organisations.region(r).isEmpty()) {
            throw new InvalidInputException("region", "请选择受访者所在县（区）");
        }
        store(s, u != null ? u : "tel:" + phone.trim(), u, r, "PHONE", staff, values);
    }

    private void store(Survey s, String respondent, String uscc, String region, String channel, String staff, Map<Long, List<String>> values) {
        if (!"OPEN".equals(s.status())) {
            throw new InvalidInputException("survey", "问卷已结束");
        }
        Validation v = new Validation();
        for (Survey.Question q : s.questions()) {
            List<String> given = values.getOrDefault(q.id(), List.of()).stream().filter(x -> x != null && !x.isBlank()).toList();
            String f = "q" + q.position();
            v.require(!q.required() || !given.isEmpty(), f, "第 " + q.position() + " 题未作答");
            switch (q.kind()) {
                case SINGLE -> v.require(given.size() <= 1 && q.options().containsAll(given), f, "第 " + q.position() + " 题答案无效");
                case MULTIPLE -> v.require(q.options().containsAll(given), f, "第 " + q.position() + " 题答案无效");
                case RATING -> v.require(given.size() <= 1 && given.stream().allMatch(x -> x.matches("[1-5]")), f, "第 " + q.position() + " 题应为 1–5 分");
                case TEXT -> v.require(given.stream().allMatch(x -> x.length() <= 1000), f, "第 " + q.position() + " 题不超过 1000 字");
            }
        }
        v.throwIfInvalid();
        long answer = rows.insertAnswer(s.id(), respondent, uscc, region, channel, staff)
                .orElseThrow(() -> new InvalidInputException("respondent", "该受访者已经答过这份问卷（每人一次）"));
        for (Survey.Question q : s.questions()) {
            for (String value : values.getOrDefault(q.id(), List.of())) {
                if (value != null && !value.isBlank()) {
                    rows.insertValue(answer, q.id(), value.trim());
                }
            }
        }
    }

    public List<Survey.Progress> progress(long surveyId) {
        Survey s = get(surveyId);
        Map<String, Long> counts = rows.answersByRegion(surveyId);
        List<Survey.Progress> progress = new ArrayList<>();
        organisations.counties().forEach(c -> progress.add(new Survey.Progress(c.code(), c.name(), counts.getOrDefault(c.code(), 0L), s.quota())));
        return progress;
    }

    public long invitations(long surveyId) {
        return rows.invitations(surveyId);
    }

    public Map<Long, Map<String, Long>> tallies(long surveyId) {
        return rows.tallies(surveyId);
    }

    private static byte[] bytes() {
        byte[] b = new byte[12];
        TOKENS.nextBytes(b);
        return b;
    }
}
