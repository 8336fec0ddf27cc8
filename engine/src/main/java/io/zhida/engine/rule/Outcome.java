package io.zhida.engine.rule;

/** The three-valued result of a condition for one enterprise. */
public enum Outcome {
    ELIGIBLE("符合"),
    INELIGIBLE("不符合"),
    UNDETERMINED("待补充");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kleene conjunction: false beats unknown, unknown beats true. */
    static Outcome and(Outcome a, Outcome b) {
        if (a == INELIGIBLE || b == INELIGIBLE) {
            return INELIGIBLE;
        }
        return a == UNDETERMINED || b == UNDETERMINED ? UNDETERMINED : ELIGIBLE;
    }

    /** Kleene disjunction: true beats unknown, unknown beats false. */
    static Outcome or(Outcome a, Outcome b) {
        if (a == ELIGIBLE || b == ELIGIBLE) {
            return ELIGIBLE;
        }
        return a == UNDETERMINED || b == UNDETERMINED ? UNDETERMINED : INELIGIBLE;
    }
}
