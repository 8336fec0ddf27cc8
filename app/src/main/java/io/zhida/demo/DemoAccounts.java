package io.zhida.demo;

import io.zhida.identity.Role;
import java.util.List;

/**
 * One demo account per role (all with the demo password), plus a county reviewer to show data scope; the other
 * city departments get a reviewer each ({@link #reviewerOf}).
 */
public final class DemoAccounts {

    public record Account(String username, String displayName, Role role, String departmentCode) {
    }

    public static final List<Account> ALL = List.of(
            new Account("admin", "周静（系统管理员）", Role.ADMIN, null),
            new Account("enterprise", "李明（企业办事员）", Role.ENTERPRISE, null),
            new Account("clerk", "王芳（专窗受理员）", Role.CLERK, "C-ZWFW"),
            new Account("reviewer", "张伟（经信局审核员）", Role.REVIEWER, "C-JXJ"),
            new Account("head", "陈刚（经信局负责人）", Role.DEPT_HEAD, "C-JXJ"),
            new Account("finance", "刘洋（财政局兑付专员）", Role.FINANCE, "C-CZJ"),
            new Account("author", "杨丽（政策编制员）", Role.AUTHOR, "C-JXJ"),
            new Account("evaluator", "赵强（营商环境督查员）", Role.EVALUATOR, "C-YSHJ"),
            new Account("leader", "黄建国（市领导）", Role.LEADER, null),
            new Account("county", "吴磊（青山县经信局审核员）", Role.REVIEWER, "519921-JXJ"),
            new Account("agent", "钱进（惠企政策专员）", Role.AGENT, "C-ZWFW"),
            new Account("agent2", "孙悦（惠企政策专员）", Role.AGENT, "C-ZWFW"),
            new Account("officer", "孔文（营商环境体验官）", Role.OFFICER, null),
            new Account("inspector", "严正（市纪委监委派驻监督员）", Role.INSPECTOR, null));

    private static final String[] NAMES = {"孙丽", "马超", "朱敏", "胡军", "郭静", "何勇", "高洁", "林涛", "罗娟", "郑浩", "梁红", "谢斌",
        "宋佳", "唐亮", "许燕", "韩磊", "冯雪", "邓鹏", "曹颖", "彭飞"};

    /** A person's name for the demo reviewer of another department, with the post, as people appear on timelines. */
    public static String reviewerName(int index, String departmentName) {
        return NAMES[index % NAMES.length] + "（" + departmentName + "审核员）";
    }

    /** The demo reviewer of any other city department: reviewer-jrj for C-JRJ (市金融局), with the demo password. */
    public static String reviewerOf(String departmentCode) {
        return "reviewer-" + departmentCode.substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private DemoAccounts() {
    }
}
