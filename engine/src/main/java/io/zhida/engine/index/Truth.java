package io.zhida.engine.index;

import io.zhida.engine.rule.Outcome;

/** Kleene truth values as bytes, for tight loops: false, true, unknown (an attribute is missing). */
final class Truth {

    static final byte FALSE = 0;
    static final byte TRUE = 1;
    static final byte UNKNOWN = 2;

    private Truth() {
    }

    static byte of(boolean b) {
        return b ? TRUE : FALSE;
    }

    static byte not(byte t) {
        return t == UNKNOWN ? UNKNOWN : t == TRUE ? FALSE : TRUE;
    }

    static Outcome outcome(byte t) {
        return t == TRUE ? Outcome.ELIGIBLE : t == FALSE ? Outcome.INELIGIBLE : Outcome.UNDETERMINED;
    }
}
