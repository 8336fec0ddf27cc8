package io.zhida.platform;

import org.springframework.core.env.Environment;

/** Demo or production: decided once from configuration, read by the modules that seed data. */
public final class Deployment {

    private Deployment() {
    }

    /** An external database means production unless zhida.demo.enabled says otherwise. */
    public static boolean usesEmbeddedDatabase(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    public static boolean isDemo(Environment env) {
        return env.getProperty("zhida.demo.enabled", Boolean.class, usesEmbeddedDatabase(env));
    }
}
