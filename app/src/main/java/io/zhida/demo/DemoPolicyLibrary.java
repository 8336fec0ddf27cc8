package io.zhida.demo;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyDocument;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.platform.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads the demo city's policy library (demo/policy-library.yaml) on the first demo start, published. */
@Component
@Order(20)
class DemoPolicyLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPolicyLibrary.class);

    private final PolicyLibraryExchange exchange;
    private final PolicyCatalog catalog;
    private final Environment env;
    private final io.zhida.catalog.PolicyAuthoring authoring;

    DemoPolicyLibrary(PolicyLibraryExchange exchange, PolicyCatalog catalog, Environment env, io.zhida.catalog.PolicyAuthoring authoring) {
        this.authoring = authoring;
        this.exchange = exchange;
        this.catalog = catalog;
        this.env = env;
    }

    /** A document sent for review, not yet split into items: what an author tries 政策智能拆解 on. */
    static final String DRAFT_NUMBER = "示经信发〔2026〕21号";

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Deployment.isDemo(env)) {
            return;
        }
        if (catalog.workingView().isEmpty()) {
            String yaml = new ClassPathResource("demo/policy-library.yaml").getContentAsString(StandardCharsets.UTF_8);
            var report = exchange.importYaml(yaml, true);
            log.info("Demo policy library loaded: {} documents, {} items published", report.documents(), report.published());
        }
        if (catalog.documents().stream().noneMatch(d -> d.number().equals(DRAFT_NUMBER))) {
            String text = new ClassPathResource("demo/draft-document.txt").getContentAsString(StandardCharsets.UTF_8);
            authoring.saveDocument(new PolicyDocument(null, DRAFT_NUMBER, "示范市支持中小企业数字化转型若干措施（送审稿）", "市", "市经济和信息化局",
                    null, null, null, text, java.util.List.of("数字化转型"), java.util.List.of(), java.util.List.of(), "EFFECTIVE"));
        }
    }
}
