package io.zhida.platform;

import java.util.Map;

/**
 * What every page's layout needs (the signed-in person, their menu) for a page no controller built — the 400 page
 * an exception handler renders gets no {@code @ModelAttribute}s, and would otherwise show a signed-in person "登录".
 */
public interface PageModel {

    void addTo(Map<String, Object> model);
}
