package io.zhida.identity;

/** The callers an {@link AccessRule} admits. */
public enum Audience {
    PUBLIC("任何人（无需登录）"),
    SIGNED_IN("任何已登录用户"),
    STAFF("工作人员（企业用户以外的任一角色）"),
    ROLES("所列角色"),
    /** Other systems only, by the rule's {@link AccessRule#scopes()}: no person, whatever their roles. */
    SYSTEMS("对接系统（按权限范围）");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
