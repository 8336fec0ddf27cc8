package io.zhida.catalog;

import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may review (标准化审查) an item: reviewers and heads of a department that handles it; an item a
 * city-level department handles may also be reviewed by a reviewer or head of a city-level unit.
 * A county reviewer never reviews, approves or returns a city department's item.
 */
@Component
public class ReviewScope {

    private final Organisations organisations;

    ReviewScope(Organisations organisations) {
        this.organisations = organisations;
    }

    public boolean mayReview(ZhidaUser user, PolicyItem item) {
        return reviewer(user).test(item);
    }

    public void require(ZhidaUser user, PolicyItem item) {
        if (!mayReview(user, item)) {
            throw new AccessDeniedException("item " + item.code() + " is outside " + user.getUsername() + "'s review scope");
        }
    }

    /** The review queue as this person may work it. */
    public List<PolicyItem> queueOf(ZhidaUser user, List<PolicyItem> awaiting) {
        return awaiting.stream().filter(reviewer(user)).toList();
    }

    /** The items this person may review; the organisation is read once, not per item. */
    private Predicate<PolicyItem> reviewer(ZhidaUser user) {
        Optional<String> own = organisations.departmentCodeOf(user);
        if (own.isEmpty() || !user.has(Role.REVIEWER) && !user.has(Role.DEPT_HEAD)) {
            return item -> false;
        }
        Set<String> cityLevel = cityDepartments();
        boolean cityReviewer = cityLevel.contains(own.get()) && user.seesWholeCity();
        return item -> item.content().departments().contains(own.get())
                || cityReviewer && item.content().departments().stream().anyMatch(cityLevel::contains);
    }

    private Set<String> cityDepartments() {
        return organisations.cityDepartments().stream().map(Organisations.Department::code).collect(Collectors.toSet());
    }
}
