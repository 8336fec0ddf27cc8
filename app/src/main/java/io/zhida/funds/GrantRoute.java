package io.zhida.funds;

/** How a grant came about. */
public enum GrantRoute {
    APPLICATION("申报审批"), NO_APPLICATION("免申即享"), INSTANT("即申即享（秒批）");

    private final String label;

    GrantRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
