package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Authors enter policy documents in the UI, with the full text extracted from an uploaded file. */
@ZhidaIntegrationTest
class DocumentPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadedDocxBecomesTheDocumentsFullTextAndIsAudited() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        MockMultipartFile file = new MockMultipartFile("file", "通知.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                io.zhida.support.TestFiles.docx("第一条 支持企业开展技术改造。", "第二条 本办法自发布之日起施行。"));
        mvc.perform(multipart("/catalog/documents").file(file).cookie(author).with(csrf())
                        .param("number", "示测文〔2026〕7号").param("title", "上传测试文件").param("level", "市")
                        .param("issuer", "市经济和信息化局").param("publishedOn", "2026-05-01"))
                .andExpect(status().is3xxRedirection());
        String text = jdbc.sql("SELECT full_text FROM policy_document WHERE doc_number = '示测文〔2026〕7号'").query(String.class).single();
        assertThat(text).contains("第一条 支持企业开展技术改造。").contains("第二条 本办法自发布之日起施行。");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'policy.document.save' AND subject_id = '示测文〔2026〕7号' AND actor = 'author'")
                .query(Long.class).single()).isEqualTo(1);
        long id = jdbc.sql("SELECT id FROM policy_document WHERE doc_number = '示测文〔2026〕7号'").query(Long.class).single();
        // a document the justice department has not passed is not public yet
        mvc.perform(get("/portal/documents/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/portal/policies").param("q", "技术改造 施行"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("上传测试文件"))));
        mvc.perform(multipart("/catalog/legal-review/" + id).cookie(Sessions.login(mvc, "reviewer-sfj")).with(csrf())
                        .param("decision", "pass").param("opinion", "合法"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal/documents/" + id)).andExpect(content().string(Matchers.containsString("第一条 支持企业开展技术改造。")));
        // The document is found by words of its full text, although no item refers to it yet.
        mvc.perform(get("/portal/policies").param("q", "技术改造 施行"))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("相关政策文件"), Matchers.containsString("上传测试文件"))));
    }

    @Test
    void badInputIsShownAndNothingIsWritten() throws Exception {
        Cookie author = Sessions.login(mvc, "author");
        long before = jdbc.sql("SELECT count(*) FROM policy_document").query(Long.class).single();
        mvc.perform(multipart("/catalog/documents").cookie(author).with(csrf())
                        .param("number", "示测文〔2026〕8号").param("title", "").param("level", "乡").param("issuer", "某局"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("标题不能为空"), Matchers.containsString("层级应为"))));
        MockMultipartFile exe = new MockMultipartFile("file", "virus.exe", "application/octet-stream", new byte[] {0x4d, 0x5a, 1, 2});
        mvc.perform(multipart("/catalog/documents").file(exe).cookie(author).with(csrf())
                        .param("number", "示测文〔2026〕9号").param("title", "标题").param("level", "市").param("issuer", "某局"))
                .andExpect(content().string(Matchers.containsString("仅支持 PDF、DOCX、HTML")));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_document").query(Long.class).single()).isEqualTo(before);
        mvc.perform(get("/catalog/documents").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
    }

    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void abolishingADocumentAbolishesItsItemsAndKeepsTheDocumentReadable() throws Exception {
        exchange.importYaml("""
                documents:
                  - {number: "示测文〔2026〕20号", title: "待废止文件", level: 市, issuer: 市科学技术局, industries: [C, I65], regions: ["519902"], published: 2026-02-01}
                items:
                  - code: T-ABOL-1
                    name: 待废止事项
                    document: "示测文〔2026〕20号"
                    departments: [C-KJJ]
                    mode: FULL_REVIEW
                    condition: e.employees >= 1
                    benefit_type: 资金补贴
                """, true);
        assertThat(catalog.onlineItem("T-ABOL-1")).isPresent();
        long id = jdbc.sql("SELECT id FROM policy_document WHERE doc_number = '示测文〔2026〕20号'").query(Long.class).single();
        assertThat(catalog.document(id).orElseThrow().industries()).containsExactly("C", "I65");
        Cookie author = Sessions.login(mvc, "author");

        mvc.perform(multipart("/catalog/documents/" + id + "/abolish").cookie(author).with(csrf()).param("reason", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.document(id).orElseThrow().abolished()).as("a blank reason is refused").isFalse();

        mvc.perform(multipart("/catalog/documents/" + id + "/abolish").cookie(author).with(csrf()).param("reason", "已被新文件替代"))
                .andExpect(status().is3xxRedirection());
        assertThat(catalog.document(id).orElseThrow().status()).isEqualTo("ABOLISHED");
        assertThat(catalog.onlineItem("T-ABOL-1")).as("its item is no longer online").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'policy.document.abolish' AND subject_id = '示测文〔2026〕20号'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'policy.item.abolish' AND subject_id = 'T-ABOL-1'")
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/portal/documents/" + id))
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("已废止"), Matchers.containsString("I65"))));
    }

    @Test
    void aDocumentWithAnUnknownRegionOrIndustryIsRefused() throws Exception {
        mvc.perform(multipart("/catalog/documents").cookie(Sessions.login(mvc, "author")).with(csrf())
                        .param("number", "示测文〔2026〕21号").param("title", "区划错误").param("level", "市").param("issuer", "某局")
                        .param("regions", "999999").param("industries", "Z9"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("区划“999999”不存在"),
                        Matchers.containsString("不是 GB/T 4754"))));
        assertThat(jdbc.sql("SELECT count(*) FROM policy_document WHERE doc_number = '示测文〔2026〕21号'").query(Long.class).single()).isZero();
    }
}
