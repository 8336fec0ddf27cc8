package io.zhida.support;

import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.standard.Uscc;
import io.zhida.enterprise.ProfileUpdates;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module test's own small city, made through the owners' APIs (never the demo city or its accounts): the city
 * 测试市 with two counties and the departments the data standard and the items name; users with one role each;
 * enterprises; published items from a few lines of library YAML. Only the beans a fixture needs are looked up,
 * so a module test whose context lacks, say, the catalog can still make organisations and users.
 */
public final class ModuleFixtures {

    public static final String PASSWORD = "module-fixture-pass";
    public static final String CITY = "519900";
    public static final String COUNTY = "519921";
    public static final String OTHER_COUNTY = "519922";
    /** Department codes → names, all of the city. */
    public static final Map<String, String> DEPARTMENTS = Map.ofEntries(
            Map.entry("C-JXJ", "市经济和信息化局"), Map.entry("C-CZJ", "市财政局"), Map.entry("C-RSJ", "市人力资源社会保障局"),
            Map.entry("C-KJJ", "市科技局"), Map.entry("C-SCJGJ", "市市场监管局"), Map.entry("C-TJJ", "市统计局"),
            Map.entry("C-SWUJ", "市税务局"), Map.entry("C-SWJ", "市商务局"), Map.entry("C-FGW", "市发展改革委"),
            Map.entry("C-SJJ", "市数据局"), Map.entry("C-YSHJ", "市营商环境建设局"), Map.entry("C-SFJ", "市司法局"));
    public static final String SERVICE_CENTER = "C-ZWFW";

    private final ApplicationContext context;

    public ModuleFixtures(ApplicationContext context) {
        this.context = context;
    }

    /** The city, its counties and departments; a second call finds them there and does nothing. */
    public ModuleFixtures city() {
        Organisations organisations = context.getBean(Organisations.class);
        if (organisations.region(CITY).isPresent()) {
            return this;
        }
        organisations.saveRegion(new Organisations.Region(CITY, "测试市", null, "CITY"), true);
        organisations.saveRegion(new Organisations.Region(COUNTY, "青山县", CITY, "COUNTY"), true);
        organisations.saveRegion(new Organisations.Region(OTHER_COUNTY, "绿水区", CITY, "COUNTY"), true);
        DEPARTMENTS.forEach((code, name) -> organisations.saveDepartment(null, code, name, CITY, "GOVERNMENT", true));
        organisations.saveDepartment(null, SERVICE_CENTER, "市政务服务中心", CITY, "SERVICE_CENTER", true);
        return this;
    }

    /** A user with one role; {@code department} is a department code, {@code uscc} the enterprise of an enterprise user. */
    public UserAdministration.UserSummary user(String username, Role role, String region, String department, String uscc) {
        Organisations organisations = context.getBean(Organisations.class);
        Long departmentId = department == null ? null : organisations.departmentByCode(department).orElseThrow().id();
        return context.getBean(UserAdministration.class).create(new UserAdministration.UserForm(username, username + "（测试）", PASSWORD,
                Set.of(role), region, departmentId, uscc, null));
    }

    /** The application modules whose beans are in the context, e.g. {"identity", "platform"}: what a module test started. */
    public static java.util.Set<String> modulesIn(ApplicationContext context) {
        return java.util.Arrays.stream(context.getBeanDefinitionNames()).map(context::getType).filter(java.util.Objects::nonNull)
                .map(Class::getName).filter(n -> n.startsWith("io.zhida.")).map(n -> n.split("\\.")[2]).filter(m -> m.equals(m.toLowerCase()))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** A valid credit code in 青山县, different for each seed. */
    public static String uscc(int seed) {
        String first17 = "91" + COUNTY + String.format("%08d", 60_000_000 + seed) + "1";
        return first17 + Uscc.checkCharacter(first17);
    }

    /**
     * An enterprise of 青山县 with these values (in the data standard's names) over a small manufacturer's defaults,
     * merged as a trusted extract and announced to the modules that follow enterprise data.
     */
    public String enterprise(int seed, Map<String, Object> values) {
        String uscc = uscc(seed);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("uscc", uscc);
        row.put("name", "测试企业" + seed + "有限公司");
        row.put("region", COUNTY);
        row.put("industry", "C3911");
        row.put("status", "存续");
        row.put("employees", 50);
        row.put("revenue", 20_000_000);
        row.put("total_assets", 30_000_000);
        row.putAll(values);
        ProfileUpdates updates = context.getBean(ProfileUpdates.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            updates.mergeTrusted(List.<Map<String, Object>>of(row).iterator(), "测试数据", LocalDate.of(2026, 6, 30));
            updates.announce(List.of(uscc), false);
        });
        return uscc;
    }

    /** Imports and publishes a library: documents and items in the YAML exchange format (docs/policy-yaml.md). */
    public PolicyLibraryExchange.ImportReport publish(String yaml) {
        return context.getBean(PolicyLibraryExchange.class).importYaml(yaml, true);
    }

    /**
     * A one-document library with one item online from 2026 to 2027: {@code mode} 免申即享 / 即申即享 / 承诺即享 / 综合评审,
     * {@code condition} and {@code amount} CEL, {@code cap} in yuan.
     */
    public static String library(String code, String department, String mode, String condition, String amount, long cap) {
        return """
                documents:
                  - number: "测试发〔2026〕%1$s号"
                    title: "测试市%1$s事项政策"
                    level: 市
                    issuer: "%3$s"
                    published: 2026-01-01
                    valid_from: 2026-01-01
                    valid_to: 2027-12-31
                    full_text: "测试政策全文。"
                items:
                  - code: %1$s
                    name: "测试事项%1$s"
                    document: "测试发〔2026〕%1$s号"
                    clause: 第一条
                    departments: [%2$s]
                    mode: %4$s
                    target: "符合条件的企业"
                    conditions_text: "按测试条件认定。"
                    condition: "%5$s"
                    materials:
                      - {name: 营业执照, shared: true}
                    benefit_type: 资金奖励
                    amount: "%6$s"
                    cap: %7$d
                    time_limit_days: 5
                    apply_from: 2026-01-01
                    apply_to: 2027-12-31
                    valid_from: 2026-01-01
                    valid_to: 2027-12-31
                    contact: "测试咨询电话 0816-1234567"
                    annual_budget: 100000000
                """.formatted(code, department, DEPARTMENTS.getOrDefault(department, department), mode,
                condition.replace("\"", "\\\""), amount.replace("\"", "\\\""), cap);
    }
}
