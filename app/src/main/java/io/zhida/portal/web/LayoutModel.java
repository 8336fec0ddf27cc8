package io.zhida.portal.web;

import io.zhida.identity.CurrentUser;
import io.zhida.identity.MenuEntry;
import io.zhida.identity.ZhidaUser;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person and their menu (only what their roles may open) into every page's model. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel implements io.zhida.platform.PageModel {

    private final List<MenuEntry> entries;

    LayoutModel(List<MenuEntry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
    }

    @ModelAttribute("currentUser")
    ZhidaUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("menu")
    Map<String, List<MenuEntry>> menu() {
        return CurrentUser.get().map(this::menuFor).orElse(Map.of());
    }

    /** The same for a page rendered outside a controller's model (the 400 page). */
    @Override
    public void addTo(Map<String, Object> model) {
        model.put("currentUser", currentUser());
        model.put("menu", menu());
    }

    Map<String, List<MenuEntry>> menuFor(ZhidaUser user) {
        return entries.stream().filter(e -> e.visibleTo(user))
                .collect(Collectors.groupingBy(MenuEntry::section, LinkedHashMap::new, Collectors.toList()));
    }
}
