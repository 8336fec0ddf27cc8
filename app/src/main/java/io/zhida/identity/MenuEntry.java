package io.zhida.identity;

import java.util.Set;

/**
 * One entry of the navigation and of the workbench, shown to the roles given. Modules declare their
 * entries as beans, so the menu grows with the modules and never lists what a role cannot open.
 */
public record MenuEntry(String section, String label, String href, String description, Set<Role> roles, int order) {

    public boolean visibleTo(ZhidaUser user) {
        return user.roles().stream().anyMatch(roles::contains);
    }
}
