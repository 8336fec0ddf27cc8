package io.zhida.demo;

import io.zhida.assistance.Assistance;
import io.zhida.callback.CallbackCentre;
import io.zhida.catalog.HandlingMode;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.discipline.Clue;
import io.zhida.discipline.Clues;
import io.zhida.experience.ExperienceTask;
import io.zhida.experience.Findings;
import io.zhida.experience.Member;
import io.zhida.experience.Pool;
import io.zhida.experience.Tasks;
import io.zhida.identity.ZhidaUser;
import io.zhida.liaison.Demands;
import io.zhida.liaison.Tiers;
import io.zhida.monitoring.Monitoring;
import io.zhida.monitoring.MonitoringPoints;
import io.zhida.platform.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Today's supervision work for the demo accounts, through each module's own services acting as the demo people: the
 * 体验官 pool and a task waiting for `officer`, a verified finding on the ledger; the three levels drawn and their officials
 * assigned, a demand waiting for its official; a clue waiting for the 经信局's head; a monitoring point; today's call-backs.
 */
@Component
class SupervisionDemo {

    private static final Logger log = LoggerFactory.getLogger(SupervisionDemo.class);

    record Services(Pool pool, Tasks tasks, Findings findings, Tiers tiers, Demands demands, Clues clues, MonitoringPoints monitoring,
                    CallbackCentre callbacks, Assistance assistance) {
    }

    private final Services s;
    private final io.zhida.assistance.AssistedApplication assisted;
    private final PolicyCatalog catalog;
    private final io.zhida.enterprise.EnterpriseProfiles profiles;
    private final UserDetailsService users;
    private final Clock clock;

    SupervisionDemo(Pool pool, Tasks tasks, Findings findings, Tiers tiers, Demands demands, Clues clues, MonitoringPoints monitoring,
                    CallbackCentre callbacks, Assistance assistance, io.zhida.assistance.AssistedApplication assisted, PolicyCatalog catalog,
                    io.zhida.enterprise.EnterpriseProfiles profiles, UserDetailsService users, Clock clock) {
        this.assisted = assisted;
        this.profiles = profiles;
        this.s = new Services(pool, tasks, findings, tiers, demands, clues, monitoring, callbacks, assistance);
        this.catalog = catalog;
        this.users = users;
        this.clock = clock;
    }

    void seed() {
        ZhidaUser evaluator = user("evaluator");
        LocalDate today = LocalDate.now(clock);
        experience(evaluator, today);
        liaison(evaluator);
        s.clues().open(user("inspector"), Clue.Source.OTHER, null, "部分申报超期未交办", "近一个月经信局有多件申报在部门审核环节超过承诺时限，"
                + "请核查原因并说明整改措施。", "C-JXJ", 5);
        ZhidaUser enterprise = user("enterprise");
        String name = profiles.find(enterprise.enterpriseUscc()).map(io.zhida.enterprise.EnterpriseProfile::name).orElse("示范企业");
        long point = s.monitoring().register(evaluator, name + "（企业监测点）", Monitoring.PointKind.ENTERPRISE, null, "enterprise", null);
        s.monitoring().report(enterprise, Monitoring.ObservationKind.OBSERVATION, "部分政策的申报材料清单在网站和窗口说法不一致，建议统一。", null);
        assistedApplicationToConfirm(enterprise);
        int drawn = s.callbacks().draw(today);
        log.info("Demo supervision seeded: 体验官 tasks, 帮包 tiers, a clue, monitoring point {}, {} call-backs", point, drawn);
    }

    private void experience(ZhidaUser evaluator, LocalDate today) {
        long officer = s.pool().apply(new Member.Application(Member.Kind.OFFICER, "孔文", "13900000001", Member.Background.ENTREPRENEUR,
                "示范市青年企业家协会", "企业开办、惠企政策申报、工程建设项目审批"));
        s.pool().decide(evaluator, officer, true, "officer", today.minusMonths(2), today.plusMonths(10));
        s.pool().apply(new Member.Application(Member.Kind.EXPERT, "许明", "13900000002", Member.Background.SCHOLAR, "示范市营商环境研究院",
                "政策评估、财政资金绩效"));
        s.pool().apply(new Member.Application(Member.Kind.OFFICER, "赵琳", "13900000003", Member.Background.INTERMEDIARY, "示范会计师事务所",
                "研发费用加计扣除、高新技术企业认定"));
        List<PolicyItem> items = catalog.onlineItems().stream().filter(i -> i.content().mode() != HandlingMode.NO_APPLICATION).limit(2).toList();
        if (items.size() < 2) {
            return;
        }
        s.tasks().create(evaluator, items.get(0).code(), ExperienceTask.Channel.ONLINE, "officer", today.plusDays(7));
        long done = s.tasks().create(evaluator, items.get(1).code(), ExperienceTask.Channel.WINDOW_SELF, "officer", today.plusDays(3));
        ZhidaUser officerUser = user("officer");
        int questions = s.tasks().view(done, officerUser).questions().size();
        List<Tasks.Report> reports = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            reports.add(new Tasks.Report(i == 1 ? ExperienceTask.Verdict.NOT_OK : ExperienceTask.Verdict.OK,
                    i == 1 ? "窗口要求另行提交营业执照复印件，未一次性告知其他材料" : null, null, null));
        }
        s.tasks().submit(officerUser, done, reports, "窗口总体热情，但材料告知不够一次到位。");
        s.tasks().findings(done).forEach(f -> s.findings().verify(evaluator, f.id(), true, items.get(1).content().departments().get(0), 10,
                "经调取窗口记录核实"));
    }

    private void liaison(ZhidaUser evaluator) {
        try {
            s.tiers().recompute();
        } catch (InvalidInputException e) {
            log.warn("帮包 tiers not drawn for the demo: {}", e.getMessage());
            return;
        }
        s.tiers().assignInTurn(evaluator, "CITY", List.of("head", "leader"));
        s.tiers().assignInTurn(evaluator, "COUNTY", List.of("county", "reviewer"));
        s.tiers().assignInTurn(evaluator, "TOWN", List.of("clerk", "county"));
        ZhidaUser enterprise = user("enterprise");
        try {
            s.tiers().assign(evaluator, enterprise.enterpriseUscc(), "county"); // the demo enterprise's official is a demo account
            s.demands().raise(enterprise, enterprise.enterpriseUscc(), "新厂房用电增容报装进度慢，希望帮助协调供电公司。");
        } catch (InvalidInputException e) {
            log.warn("No demo 帮包 demand: {}", e.getMessage()); // the demo enterprise is in no tier
        }
    }

    /** A 帮办 request of the demo enterprise that `agent` has prepared: the enterprise confirms it and signs the 承诺书. */
    private void assistedApplicationToConfirm(ZhidaUser enterprise) {
        ZhidaUser agent = user("agent");
        for (PolicyItem item : catalog.onlineItems()) {
            if (item.content().mode() != HandlingMode.COMMITMENT && item.content().mode() != HandlingMode.FULL_REVIEW) {
                continue;
            }
            long id;
            try {
                id = s.assistance().ask(enterprise, item.code(), "第一次申报，请专员帮忙准备材料", null);
            } catch (InvalidInputException e) {
                continue; // not open to this enterprise
            }
            s.assistance().dispatch(user("clerk"), id, "agent");
            s.assistance().accept(agent, id);
            var request = s.assistance().view(id, agent);
            for (String material : assisted.materials(request)) {
                assisted.attach(agent, id, material, material + ".pdf", "%PDF-1.4\n% demo\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            assisted.ready(agent, id, "材料已按办事指南备齐，请核对后签署承诺书并确认提交。");
            return;
        }
    }

    private ZhidaUser user(String username) {
        return (ZhidaUser) users.loadUserByUsername(username);
    }
}
