package io.zhida.identity;

/**
 * The data a handler reaches, as declared in its {@link AccessRule}. The handler (or the service it
 * calls) checks each record against the caller: a detail page follows the same scope as its list.
 */
public enum DataScope {
    PUBLIC("公开数据"),
    OWN_ACCOUNT("本人账户"),
    OWN_ENTERPRISE("本企业"),
    OWN_DEPARTMENT("本部门经办、承办或负责的记录"),
    OWN_COUNTY("本人数据范围：企业为本企业，县（区）单位为本县（区），市级单位为全市"),
    CITY_FIGURES("全市汇总数字与评价结果（不含企业明细）"),
    WHOLE_CITY("全市（仅限数据范围为全市的人员）");

    private final String label;

    DataScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
