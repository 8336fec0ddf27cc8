package io.zhida.identity;

/**
 * The data a handler reaches, as declared in its {@link AccessRule}. The handler (or the service it
 * calls) checks each record against the caller, so a detail page follows the same scope as its list;
 * {@link #WHOLE_CITY} is also enforced before the handler runs.
 */
public enum DataScope {
    PUBLIC("公开", "公开数据，任何人可见"),
    OWN_ACCOUNT("本人", "本人账户的数据"),
    OWN_ENTERPRISE("本企业", "企业用户所属企业的数据"),
    OWN_DEPARTMENT("本部门", "本部门经办、承办或负责的记录；全市范围的督查、领导与管理人员为全部"),
    OWN_COUNTY("本县（区）", "本人数据范围：企业为本企业，县（区）单位为本县（区），市级单位为全市"),
    CITY_FIGURES("全市汇总", "全市汇总数字与评价结果，不含企业明细"),
    WHOLE_CITY("全市", "全市数据，仅限数据范围为全市的人员");

    private final String label;
    private final String description;

    DataScope(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
