package io.zhida.enterprise.web;

import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import org.springframework.security.access.AccessDeniedException;

/** Enterprise data administration (imports, attributes, tag rules) is for administrators. */
final class DataAdminAccess {

    private DataAdminAccess() {
    }

    static void require(ZhidaUser user) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }
}
