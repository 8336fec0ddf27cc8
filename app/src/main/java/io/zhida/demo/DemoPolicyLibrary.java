package io.zhida.demo;

import io.zhida.catalog.PolicyCatalog;
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

    DemoPolicyLibrary(PolicyLibraryExchange exchange, PolicyCatalog catalog, Environment env) {
        this.exchange = exchange;
        this.catalog = catalog;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Deployment.isDemo(env) || !catalog.workingView().isEmpty()) {
            return;
        }
        String yaml = new ClassPathResource("demo/policy-library.yaml").getContentAsString(StandardCharsets.UTF_8);
        var report = exchange.importYaml(yaml, true);
        log.info("Demo policy library loaded: {} documents, {} items published", report.documents(), report.published());
    }
}
