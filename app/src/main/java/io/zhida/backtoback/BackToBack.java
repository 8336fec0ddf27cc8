package io.zhida.backtoback;

import io.zhida.backtoback.internal.BackToBackRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.Unit;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** 背靠背直接评价: rounds drawn from the sample library, answered by link, scored 80/20, ranked, with consequences. */
@Service
public class BackToBack {

    /** A unit evaluated: a county or a city department. */
    public record Target(String kind, String code, String name) {
        public String key() {
            return Unit.key(kind, code);
        }
    }

    private static final SecureRandom TOKENS = new SecureRandom();

    private final BackToBackRows rows;
    private final Organisations organisations;
    private final Inbox inbox;
    private final AuditLog audit;
    private final JsonMapper json;
    private final String publicUrl;
    private final BigDecimal minResponseRate;
    private final RoundUnitRanking ranking;
    private final Clock clock;

    BackToBack(BackToBackRows rows, Organisations organisations, Inbox inbox, AuditLog audit, JsonMapper json, RoundUnitRanking ranking,
               @Value("${zhida.public-url:http://localhost:8080}") String publicUrl,
               @Value("${zhida.evaluation.b2b.min-response-rate:30}") BigDecimal minResponseRate, Clock clock) {
        this.clock = clock;
        this.minResponseRate = minResponseRate;
        this.rows = rows;
        this.organisations = organisations;
        this.inbox = inbox;
        this.ranking = ranking;
        this.audit = audit;
        this.json = json;
        this.publicUrl = publicUrl;
    }

    public List<BackToBackRound.Category> categories() {
        return rows.categories();
    }

    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        organisations.counties().forEach(c -> targets.add(new Target("COUNTY", c.code(), c.name())));
        organisations.cityDepartments().forEach(d -> targets.add(new Target("DEPARTMENT", d.code(), d.name())));
        return targets;
    }

    /** Replaces a category's list (the periodic refresh): rows of name, unit, phone, region code. */
    @Transactional
    public int refresh(String category, List<List<String>> lines, String actor) {
        if (rows.categories().stream().noneMatch(c -> c.code().equals(category))) {
            throw new InvalidInputException("category", "没有这个样本类别：" + category);
        }
        Validation v = new Validation();
        for (int i = 0; i < lines.size(); i++) {
            List<String> l = lines.get(i);
            v.require(l.size() >= 3 && !l.get(0).isBlank(), "line" + (i + 1), "第 " + (i + 1) + " 行缺少姓名");
            v.require(l.size() >= 3 && l.get(2).matches("1\\d{10}"), "line" + (i + 1), "第 " + (i + 1) + " 行手机号应为 11 位");
        }
        v.require(!lines.isEmpty(), "file", "名单为空");
        v.throwIfInvalid();
        rows.retire(category, LocalDate.now(clock));
        for (List<String> l : lines) {
            rows.addSample(category, l.get(0).trim(), l.get(1).trim(), l.get(2).trim(), l.size() > 3 && !l.get(3).isBlank() ? l.get(3).trim() : null);
        }
        audit.record("b2b.refresh", "b2b_category", category, "更新样本库类别名单", null, lines.size() + " 人");
        return lines.size();
    }

    /** Fills an empty library up to each category's quota with generated people (demo city only). */
    @Transactional
    public void seedDemo(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈";
        String given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅志文斌玉兰海燕鹏飞婷雪琳浩宇晨阳";
        List<String> counties = organisations.counties().stream().map(io.zhida.identity.Organisations.Region::code).toList();
        for (BackToBackRound.Category c : rows.categories()) {
            for (long i = c.active(); i < c.quota(); i++) {
                String name = "" + surnames.charAt(random.nextInt(surnames.length())) + given.charAt(random.nextInt(given.length()))
                        + (random.nextBoolean() ? "" : String.valueOf(given.charAt(random.nextInt(given.length()))));
                String region = counties.isEmpty() || random.nextInt(5) == 0 ? null : counties.get(random.nextInt(counties.size()));
                rows.addSample(c.code(), name, c.name().replace("代表", ""), "139" + String.format("%08d", random.nextInt(100_000_000)), region);
            }
        }
    }

    /** Starts a round: the proportional draw (seed recorded with the candidates), then an SMS with a personal link to each. */
    @Transactional
    public long startRound(String name, int size, LocalDate from, LocalDate to, Long seed, String actor) {
        new Validation().requireText(name, "name", "轮次名称", 100)
                .require(from != null && to != null && !from.isAfter(to), "periodTo", "评价期间无效")
                .throwIfInvalid();
        Map<String, List<Long>> candidates = rows.activeSamples();
        Map<String, Integer> sizes = new TreeMap<>();
        candidates.forEach((c, ids) -> sizes.put(c, ids.size()));
        Map<String, Integer> seats = ProportionalDraw.allocate(sizes, size);
        long s = seed != null ? seed : TOKENS.nextLong();
        Map<String, List<Long>> drawn = ProportionalDraw.draw(s, candidates, seats);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("seats", seats);
        record.put("candidates", candidates);
        long round = rows.insertRound(name.trim(), s, size, from, to, json.writeValueAsString(record), actor);
        drawn.forEach((category, ids) -> ids.forEach(id -> {
            String token = HexFormat.of().formatHex(randomBytes());
            rows.insertDraw(round, id, category, token);
            inbox.sms(rows.phone(id), "诚邀您参加" + name.trim() + "营商环境背靠背评价，请点击 " + publicUrl + "/portal/b2b/" + token + " 填写，感谢支持。");
        }));
        audit.record("b2b.round", "b2b_round", String.valueOf(round), "发起背靠背评价并抽取样本", null, "seed=" + s + " size=" + size);
        return round;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        TOKENS.nextBytes(b);
        return b;
    }

    /** Re-runs the draw from the recorded seed and candidates; true when it gives exactly the recorded sample. */
    public boolean verify(long roundId) {
        BackToBackRound round = round(roundId);
        Map<String, Object> record = json.readValue(round.allocation(), new TypeReference<Map<String, Object>>() { });
        Map<String, Integer> seats = json.convertValue(record.get("seats"), new TypeReference<Map<String, Integer>>() { });
        Map<String, List<Long>> candidates = json.convertValue(record.get("candidates"), new TypeReference<Map<String, List<Long>>>() { });
        List<Long> again = ProportionalDraw.draw(round.seed(), candidates, seats).values().stream().flatMap(List::stream).sorted().toList();
        return again.equals(rows.drawnSamples(roundId));
    }

    public Map<String, Integer> seats(long roundId) {
        Map<String, Object> record = json.readValue(round(roundId).allocation(), new TypeReference<Map<String, Object>>() { });
        return json.convertValue(record.get("seats"), new TypeReference<Map<String, Integer>>() { });
    }

    public BackToBackRound round(long id) {
        return rows.round(id).orElseThrow(() -> new NotFoundException("没有这一轮评价：" + id));
    }

    public List<BackToBackRound> rounds() {
        return rows.rounds();
    }

    public BackToBackRound.Invitation invitation(String token) {
        return rows.invitation(token == null ? "" : token).orElseThrow(() -> new NotFoundException("评价链接无效或已失效"));
    }

    /** An evaluator's answers: "KIND:code" → 1–5; units they do not know are left out. Once only. */
    @Transactional
    public void answer(String token, Map<String, Integer> scores) {
        BackToBackRound.Invitation invitation = invitation(token);
        if (!"OPEN".equals(invitation.status())) {
            throw new InvalidInputException("round", "本轮评价已结束");
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        targets().forEach(t -> targets.put(t.key(), t));
        Validation v = new Validation().require(!scores.isEmpty(), "scores", "请至少评价一个单位");
        scores.forEach((key, score) -> v.require(targets.containsKey(key), key, "不在评价对象中：" + key)
                .require(score != null && score >= 1 && score <= 5, key, "评分应为 1–5"));
        v.throwIfInvalid();
        if (!rows.markAnswered(token)) {
            throw new InvalidInputException("token", "您已提交过本轮评价，感谢参与");
        }
        scores.forEach((key, score) -> {
            Target t = targets.get(key);
            rows.answer(invitation.roundId(), token, t.kind(), t.code(), score);
        });
    }

    /** The response rate (per cent) below which scoring needs a stated reason. */
    public BigDecimal minResponseRate() {
        return minResponseRate;
    }

    /**
     * Scores the round once: 80/20, ranks per kind, consequences across rounds, ledger entries for the last places.
     * Units nobody evaluated are flagged, not ranked. Below the minimum response rate the officer must say why.
     */
    @Transactional
    public List<BackToBackRound.Result> score(long roundId, String actor, String reason) {
        BackToBackRound round = round(roundId);
        String why = reason == null ? "" : reason.strip();
        if (!"OPEN".equals(round.status())) {
            throw new InvalidInputException("round", "本轮已计分，结果不再变动");
        }
        if (round.responseRate().compareTo(minResponseRate) < 0 && why.length() < 5) {
            throw new InvalidInputException("reason", "本轮回收率 " + round.responseRate() + "%，低于 " + minResponseRate.stripTrailingZeros().toPlainString()
                    + "%：如仍要计分排名，请说明理由（不少于 5 个字）");
        }
        Consequences.Rules rules = rules();
        Map<String, long[]> concentrated = rows.concentrated(roundId);
        Map<String, long[]> realtime = rows.realtime(round.periodFrom(), round.periodTo());
        if (!rows.markScored(roundId, why.isEmpty() ? null : why)) {
            throw new InvalidInputException("round", "本轮已计分，结果不再变动");
        }
        for (String kind : List.of("COUNTY", "DEPARTMENT")) {
            ranking.rankUnits(round, kind, targets(), concentrated, realtime, rules, actor);
        }
        audit.record("b2b.score", "b2b_round", String.valueOf(roundId), "背靠背评价计分排名（回收率 " + round.responseRate() + "%"
                + (why.isEmpty() ? "" : "，理由：" + why) + "）", "OPEN", "SCORED");
        return results(roundId);
    }

    public List<BackToBackRound.Result> results(long roundId) {
        Map<String, String> names = organisations.unitNames();
        return rows.results(roundId).stream().map(r -> new BackToBackRound.Result(r.kind(), r.code(),
                names.getOrDefault(Unit.key(r.kind(), r.code()), r.code()), r.concentrated(), r.realtime(), r.total(), r.rank(), r.answers(),
                r.ratings(), r.consequence(), r.points())).toList();
    }

    public Consequences.Rules rules() {
        Map<String, String> r = rows.rules();
        return new Consequences.Rules(Integer.parseInt(r.get("concentratedWeight")), Integer.parseInt(r.get("lastCounties")),
                Integer.parseInt(r.get("lastDepartments")), Integer.parseInt(r.get("topCounties")), Integer.parseInt(r.get("topDepartments")),
                steps(r.get("bonusPoints")), steps(r.get("penaltyPoints")));
    }

    public Map<String, String> ruleValues() {
        return rows.rules();
    }

    @Transactional
    public void setRules(Map<String, String> values, String actor) {
        Map<String, String> current = rows.rules();
        Validation v = new Validation();
        values.forEach((k, val) -> {
            v.require(current.containsKey(k), k, "未知规则：" + k);
            if (k.endsWith("Points")) {
                v.require(val != null && val.matches("\\d+(\\.\\d+)?(,\\d+(\\.\\d+)?){0,4}"), k, "分值应为逗号分隔的数字，如 0.2,0.5,0.8");
            } else {
                v.require(val != null && val.matches("\\d{1,3}") && Integer.parseInt(val) <= ("concentratedWeight".equals(k) ? 100 : 50),
                        k, "应为整数" + ("concentratedWeight".equals(k) ? "（0–100）" : "（0–50）"));
            }
        });
        v.throwIfInvalid();
        values.forEach(rows::setRule);
        audit.record("b2b.rules", "b2b_rule", "all", "修改背靠背结果运用规则", current.toString(), values.toString());
    }

    private static List<BigDecimal> steps(String csv) {
        List<BigDecimal> steps = new ArrayList<>();
        for (String s : csv.split(",")) {
            steps.add(new BigDecimal(s.trim()));
        }
        return steps;
    }
}
