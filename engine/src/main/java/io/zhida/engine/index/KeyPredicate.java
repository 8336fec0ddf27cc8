package io.zhida.engine.index;

/** A clause over one attribute, as a function of that attribute's value (null when the enterprise lacks it). */
interface KeyPredicate {

    byte test(Object value, String today);

    /** Whether the result depends on the evaluation date, so tables built from it must be rebuilt daily. */
    boolean usesToday();
}
