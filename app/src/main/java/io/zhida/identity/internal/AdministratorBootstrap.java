package io.zhida.identity.internal;

import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.identity.UserAdministration.UserForm;
import io.zhida.platform.Deployment;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production starts with exactly one administrator, whose password comes from ZHIDA_ADMIN_PASSWORD.
 * Runs after the demo seeding, so in demo mode the demo accounts are already there.
 */
@Component
@Order(100)
class AdministratorBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAdministration users;
    private final Environment env;
    private final String password;

    AdministratorBootstrap(UserAdministration users, Environment env, @Value("${zhida.admin.password}") String password) {
        this.users = users;
        this.env = env;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0 || Deployment.isDemo(env)) {
            return;
        }
        if (password == null || password.length() < 12) {
            throw new IllegalStateException("No users yet: set ZHIDA_ADMIN_PASSWORD (at least 12 characters) for the first administrator");
        }
        users.create(new UserForm("admin", "系统管理员", password, Set.of(Role.ADMIN), null, null, null, null));
        log.info("Created the administrator account 'admin' with the password from ZHIDA_ADMIN_PASSWORD");
    }
}
