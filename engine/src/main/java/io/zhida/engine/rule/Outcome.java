package io.zhida.engine.rule;

/** The three-valued result of a condition for one enterprise. */
public enum Outcome {
    ELIGIBLE("符合"),
    INELIGIBLE("不符合"),
    UNDETERMINED("待补充"),
    /** The rule itself failed for this enterprise (division by zero, an invalid pattern, a limit): a defect to fix, not data to add. */
    ERROR("计算出错");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kleene conjunction: false beats an error, an error beats unknown, unknown beats true (CEL's false && error = false). */
    static Outcome and(Outcome a, Outcome b) {
        if (a == INELIGIBLE || b == INELIGIBLE) {
            return INELIGIBLE;
        }
        if (a == ERROR || b == ERROR) {
            return ERROR;
        }
        return a == UNDETERMINED || b == UNDETERMINED ? UNDETERMINED : ELIGIBLE;
    }

    /** Kleene disjunction: true beats an error, an error beats unknown, unknown beats false. */
    static Outcome or(Outcome a, Outcome b) {
        if (a == ELIGIBLE || b == ELIGIBLE) {
            return ELIGIBLE;
        }
        if (a == ERROR || b == ERROR) {
            return ERROR;
        }
        return a == UNDETERMINED || b == UNDETERMINED ? UNDETERMINED : INELIGIBLE;
    }
}
