package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.identity.Role;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleFixtures;
import io.zhida.support.ModuleTest;
import io.zhida.support.Sessions;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The policy catalog on its own (with enterprise, identity and the platform): an author imports an item from YAML as a
 * draft, a reviewer of its department publishes it after the whole checklist, search finds it and the calculator
 * computes its amount up to the cap; a rule that does not compile is refused in words and an enterprise user cannot
 * author. The library and the people are the test's own.
 */
@ModuleTest
class CatalogModuleTest {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "catalog");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    ApplicationContext context;

    ModuleFixtures fixtures;

    @BeforeEach
    void city() {
        fixtures = new ModuleFixtures(context).city();
    }

    @Test
    void anImportedItemIsReviewedPublishedFoundAndCalculatedUpToItsCap() throws Exception {
        assertThat(context.getBeanProvider(io.zhida.enterprise.EnterpriseProfiles.class).getIfAvailable()).as("a dependency").isNotNull();
        assertThat(context.getBeanProvider(io.zhida.matching.MatchingService.class).getIfAvailable()).as("not a dependency").isNull();
        assertThat(context.getBeanProvider(io.zhida.applications.Applications.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();

        fixtures.user("cat-author", Role.AUTHOR, null, "C-JXJ", null);
        fixtures.user("cat-reviewer", Role.REVIEWER, null, "C-JXJ", null);
        String author = "Bearer " + Sessions.token(mvc, "cat-author", ModuleFixtures.PASSWORD);
        importYaml(author, ModuleFixtures.library("CAT-101", "C-JXJ", "即申即享", "e.revenue >= 5000000", "e.revenue * 0.005", 50_000))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documents").value(1)).andExpect(jsonPath("$.items").value(1)).andExpect(jsonPath("$.published").value(0));
        assertThat(working("CAT-101")).get().satisfies(item -> {
            assertThat(item.state()).isEqualTo(PolicyItem.State.DRAFT);
            assertThat(item.author()).isEqualTo("cat-author");
        });
        assertThat(catalog.onlineItem("CAT-101")).as("a draft is not online").isEmpty();

        Cookie authorSession = Sessions.login(mvc, "cat-author", ModuleFixtures.PASSWORD);
        mvc.perform(post("/catalog/items/CAT-101/submit").cookie(authorSession).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "已提交标准化审查"));
        mvc.perform(post("/catalog/review/CAT-101/approve").cookie(authorSession).with(csrf()).param("checklist", checklist()))
                .andExpect(status().isForbidden());

        Cookie reviewer = Sessions.login(mvc, "cat-reviewer", ModuleFixtures.PASSWORD);
        mvc.perform(post("/catalog/review/CAT-101/approve").cookie(reviewer).with(csrf()).param("checklist", "0", "1"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/review/CAT-101"))
                .andExpect(flash().attribute("error", "请逐项确认全部审查要点后再通过"));
        assertThat(catalog.onlineItem("CAT-101")).as("half a checklist publishes nothing").isEmpty();
        mvc.perform(post("/catalog/review/CAT-101/approve").cookie(reviewer).with(csrf()).param("checklist", checklist()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("合法性审查")));
        fixtures.user("cat-justice", Role.REVIEWER, null, "C-SFJ", null);
        long documentId = catalog.documents().stream().filter(d -> d.number().equals("测试发〔2026〕CAT-101号")).findFirst().orElseThrow().id();
        mvc.perform(post("/catalog/legal-review/" + documentId).cookie(Sessions.login(mvc, "cat-justice", ModuleFixtures.PASSWORD)).with(csrf())
                        .param("decision", "pass").param("opinion", "合法"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", org.hamcrest.Matchers.containsString("已通过")));
        mvc.perform(post("/catalog/review/CAT-101/approve").cookie(reviewer).with(csrf()).param("checklist", checklist()).param("note", "已核对"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/catalog/review"))
                .andExpect(flash().attribute("message", "审查通过，已发布 CAT-101"));
        PolicyItem online = catalog.onlineItem("CAT-101").orElseThrow();
        assertThat(online.version()).isEqualTo(1);
        assertThat(online.reviewedBy()).isEqualTo("cat-reviewer");
        assertThat(online.content().cap()).isEqualByComparingTo("50000");

        mvc.perform(get("/api/v1/policy-items").param("q", "测试事项").param("department", "市经济和信息化局"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", Matchers.hasItem("CAT-101")))
                .andExpect(jsonPath("$.facets.mode.即申即享").value(Matchers.greaterThanOrEqualTo(1)));

        calculate("{\"item\":\"CAT-101\",\"enterprise\":{\"revenue\":6000000}}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ELIGIBLE")).andExpect(jsonPath("$.amount").value(30000.00));
        calculate("{\"item\":\"CAT-101\",\"enterprise\":{\"revenue\":20000000}}")
                .andExpect(jsonPath("$.result").value("ELIGIBLE")).andExpect(jsonPath("$.amount").value(50000.00));
        calculate("{\"item\":\"CAT-101\",\"enterprise\":{\"revenue\":1000000}}")
                .andExpect(jsonPath("$.result").value("INELIGIBLE")).andExpect(jsonPath("$.amount").value(Matchers.nullValue()));
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedInWordsAndNothingIsWritten() throws Exception {
        fixtures.user("cat-author-2", Role.AUTHOR, null, "C-KJJ", null);
        String author = "Bearer " + Sessions.token(mvc, "cat-author-2", ModuleFixtures.PASSWORD);
        int documents = catalog.documents().size();
        String broken = ModuleFixtures.library("CAT-201", "C-KJJ", "综合评审", "e.revenue >= 1 && e.revnue > 2", "e.revenue * 0.01", 10_000);
        importYaml(author, broken)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("导入被拒绝"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已整体拒绝，未写入任何内容")))
                .andExpect(jsonPath("$.errors[?(@.item == 'CAT-201' && @.field == 'condition')].message")
                        .value(Matchers.contains(Matchers.containsString("revnue"))));
        assertThat(working("CAT-201")).isEmpty();
        assertThat(catalog.documents()).as("not even the document of the refused file").hasSize(documents);

        calculate("{\"condition\":\"e.revenue >\",\"enterprise\":{}}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("表达式有误"))
                .andExpect(jsonPath("$.errors[0].line").value(1));

        importYaml(author, broken.replace("e.revnue > 2", "e.revenue > 2"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items").value(1));
        assertThat(working("CAT-201")).get().extracting(i -> i.content().condition()).isEqualTo("e.revenue >= 1 && e.revenue > 2");
    }

    @Test
    void anEnterpriseUserCannotAuthorNorReview() throws Exception {
        String uscc = fixtures.enterprise(301, Map.of());
        fixtures.user("cat-enterprise", Role.ENTERPRISE, ModuleFixtures.COUNTY, null, uscc);
        int documents = catalog.documents().size();
        importYaml("Bearer " + Sessions.token(mvc, "cat-enterprise", ModuleFixtures.PASSWORD), ModuleFixtures.library("CAT-301", "C-JXJ", "承诺即享", "true", "1000", 1000))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(working("CAT-301")).isEmpty();
        assertThat(catalog.documents()).hasSize(documents);

        Cookie enterprise = Sessions.login(mvc, "cat-enterprise", ModuleFixtures.PASSWORD);
        mvc.perform(get("/catalog/items").cookie(enterprise)).andExpect(status().isForbidden());
        mvc.perform(get("/catalog/review").cookie(enterprise)).andExpect(status().isForbidden());
        mvc.perform(post("/catalog/items/CAT-301/abolish").cookie(enterprise).with(csrf()).param("reason", "企业无权废止"))
                .andExpect(status().isForbidden());
    }

    private Optional<PolicyItem> working(String code) {
        return catalog.workingView().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private static String[] checklist() {
        return java.util.stream.IntStream.range(0, PolicyAuthoring.CHECKLIST.size()).mapToObj(Integer::toString).toArray(String[]::new);
    }

    private ResultActions importYaml(String authorization, String yaml) throws Exception {
        return mvc.perform(post("/api/v1/policy-items/import").contentType(YAML).content(yaml).header("Authorization", authorization));
    }

    private ResultActions calculate(String body) throws Exception {
        return mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
