package io.zhida.catalog.web;

import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;

/** Who may write the library: authors (and administrators) edit and import; reviewers and heads review. */
final class CatalogAccess {

    private CatalogAccess() {
    }

    static void requireAuthor(ZhidaUser user) {
        requireAny(user, Role.AUTHOR, Role.ADMIN);
    }

    static void requireReviewer(ZhidaUser user) {
        requireAny(user, Role.REVIEWER, Role.DEPT_HEAD);
    }

    private static void requireAny(ZhidaUser user, Role... roles) {
        if (user == null || Arrays.stream(roles).noneMatch(user::has)) {
            throw new AccessDeniedException("requires one of " + Arrays.toString(roles));
        }
    }
}
