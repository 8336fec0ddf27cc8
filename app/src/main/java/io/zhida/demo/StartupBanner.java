package io.zhida.demo;

import io.zhida.platform.Deployment;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the platform is and how to sign in. */
@Component
class StartupBanner {

    private final Environment env;
    private final String password;

    StartupBanner(Environment env, @Value("${zhida.demo.password}") String password) {
        this.env = env;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder text = new StringBuilder("\n\n  Zhida 直达 is up: http://localhost:" + port + "\n");
        if (Deployment.isDemo(env)) {
            text.append("  Demo accounts (password: ").append(password).append("):\n");
            for (DemoAccounts.Account a : DemoAccounts.ALL) {
                text.append(String.format("    %-11s %s%n", a.username(), a.role().label() + " · " + a.displayName()));
            }
        }
        System.out.println(text);
    }
}
