package io.zhida.demo;

import io.zhida.backtoback.BackToBack;
import io.zhida.datagen.DemoCity;
import io.zhida.datagen.EnterpriseGenerator;
import io.zhida.datagen.EnterpriseRecord;
import io.zhida.enterprise.ProfileUpdates;
import io.zhida.enterprise.TagRules;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.identity.UserAdministration.UserForm;
import io.zhida.platform.Deployment;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo city once, in one transaction, so an interrupted first start leaves nothing
 * half-written and the next start simply seeds again. Later starts keep what is there.
 */
@Component
@Order(10)
class DemoCitySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCitySeeder.class);

    private final Organisations organisations;
    private final UserAdministration users;
    private static final String DEMO_SOURCE = "市大数据中心数据共享交换平台";
    private static final List<String[]> DEMO_TAG_RULES = List.of(
            new String[] {"规上工业企业", "e.industry.matches('^[BCD]') && e.revenue >= 20000000.0",
                    "年主营业务收入 2000 万元及以上的工业企业（采矿业、制造业、电力热力燃气及水生产和供应业）"},
            new String[] {"科技型企业", "'高新技术企业' in e.qualifications || '科技型中小企业' in e.qualifications",
                    "持有高新技术企业或科技型中小企业资质"},
            new String[] {"稳岗重点企业", "e.insured_employees >= 100 && e.layoffs == 0", "参保职工 100 人以上且上年未裁员"});

    private final ProfileUpdates profileUpdates;
    private final BackToBack backToBack;
    private final TagRules tagRules;
    private final TransactionTemplate transaction;
    private final Environment env;
    private final int enterpriseCount;
    private final long seed;
    private final String password;
    private final Clock clock;

    DemoCitySeeder(Organisations organisations, UserAdministration users, ProfileUpdates profileUpdates, TagRules tagRules,
                   BackToBack backToBack, TransactionTemplate transaction, Environment env, @Value("${zhida.demo.enterprises}") int enterpriseCount,
                   @Value("${zhida.demo.seed}") long seed, @Value("${zhida.demo.password}") String password, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.users = users;
        this.profileUpdates = profileUpdates;
        this.tagRules = tagRules;
        this.backToBack = backToBack;
        this.transaction = transaction;
        this.env = env;
        this.enterpriseCount = enterpriseCount;
        this.seed = seed;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Deployment.isDemo(env) || organisations.region(DemoCity.CITY_CODE).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> seed());
        log.info("Demo city {} seeded with {} enterprises in {} ms", DemoCity.CITY_NAME, enterpriseCount,
                (System.nanoTime() - started) / 1_000_000);
    }

    private void seed() {
        for (DemoCity.Region r : DemoCity.regions()) {
            organisations.saveRegion(new Organisations.Region(r.code(), r.name(), r.parentCode(),
                    r.parentCode() == null ? "CITY" : "COUNTY"), true);
        }
        for (DemoCity.Department d : DemoCity.departments()) {
            organisations.saveDepartment(null, d.code(), d.name(), d.regionCode(), d.kind(), true);
        }
        DEMO_TAG_RULES.forEach(rule -> tagRules.define(rule[0], rule[1], rule[2], "demo"));
        importEnterprises();
        backToBack.seedDemo(seed);
        String demoEnterprise = pickDemoEnterprise();
        for (DemoAccounts.Account a : DemoAccounts.ALL) {
            Long departmentId = a.departmentCode() == null ? null
                    : organisations.departmentByCode(a.departmentCode()).orElseThrow().id();
            String region = a.role() == Role.LEADER ? DemoCity.CITY_CODE : null;
            users.create(new UserForm(a.username(), a.displayName(), password, Set.of(a.role()), region, departmentId,
                    a.role() == Role.ENTERPRISE ? demoEnterprise : null, null));
        }
        // every other city department has a reviewer too, so that no application waits for a department nobody staffs
        int reviewers = 0;
        for (DemoCity.Department d : DemoCity.departments()) {
            boolean staffed = DemoAccounts.ALL.stream().anyMatch(a -> a.role() == Role.REVIEWER && d.code().equals(a.departmentCode()));
            if (d.code().startsWith("C-") && !staffed) {
                users.create(new UserForm(DemoAccounts.reviewerOf(d.code()), DemoAccounts.reviewerName(reviewers++, d.name()), password, Set.of(Role.REVIEWER), null,
                        organisations.departmentByCode(d.code()).orElseThrow().id(), null, null));
            }
        }
    }

    /** The generated enterprises go through the same validation, provenance and tagging as an import. */
    private void importEnterprises() {
        EnterpriseGenerator generator = new EnterpriseGenerator(seed, enterpriseCount);
        Iterator<Map<String, Object>> rows = new Iterator<>() {
            public boolean hasNext() {
                return generator.hasNext();
            }

            public Map<String, Object> next() {
                return generator.next().values();
            }
        };
        profileUpdates.mergeTrusted(rows, DEMO_SOURCE, LocalDate.now(clock));
    }

    /** A typical, active limited company: the same one on every machine because the generator is seeded. */
    private String pickDemoEnterprise() {
        EnterpriseGenerator generator = new EnterpriseGenerator(seed, enterpriseCount);
        while (generator.hasNext()) {
            EnterpriseRecord e = generator.next();
            if ("有限责任公司".equals(e.get("entity_type")) && "存续".equals(e.get("status")) && e.industry().startsWith("C")
                    && e.employees() >= 20 && e.get("rd_expense") != null && e.get("revenue_prev") != null) {
                return e.uscc();
            }
        }
        throw new IllegalStateException("the generator produced no typical manufacturing company");
    }
}
