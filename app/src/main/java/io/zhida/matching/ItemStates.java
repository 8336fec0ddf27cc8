package io.zhida.matching;

import java.util.Map;

/**
 * Where an enterprise stands with each item it has dealt with this year (申报 in progress, paid, …), told to
 * 我的政策 by the module that keeps those records, so the page offers the next step instead of 在线申报 again.
 */
public interface ItemStates {

    /** @param label e.g. 审核中, 本年度已享受; href the page to follow it; canApply whether a new 申报 is possible */
    record State(String label, String action, String href, boolean canApply) {
    }

    /** item code → state, for the items this enterprise has something on this year. */
    Map<String, State> of(String uscc);
}
