package io.zhida.identity;

/** What a person may do on the platform. A person can hold several roles. */
public enum Role {
    ENTERPRISE("企业用户"),
    CLERK("专窗受理员"),
    REVIEWER("部门审核员"),
    DEPT_HEAD("部门负责人"),
    FINANCE("财政兑付专员"),
    AUTHOR("政策编制员"),
    EVALUATOR("评价督查员"),
    LEADER("领导"),
    ADMIN("系统管理员"),
    /** 惠企政策专员 of the 帮办代办 centre: prepares applications with enterprises that asked for help. */
    AGENT("政策专员"),
    /** 营商环境体验官: tests services online, at the window and by call-back, and records what it found. */
    OFFICER("体验官"),
    /** 纪检监察: reads the supervision figures across the city and hands clues to responsible units. */
    INSPECTOR("纪检监察员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. ROLE_ADMIN. */
    public String authority() {
        return "ROLE_" + name();
    }
}
