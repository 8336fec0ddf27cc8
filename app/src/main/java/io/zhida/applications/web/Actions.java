package io.zhida.applications.web;

import io.zhida.platform.InvalidInputException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a form action and turns a refused one into the page's error message instead of an error page. */
final class Actions {

    private Actions() {
    }

    static String run(Runnable action, String done, String redirect, RedirectAttributes flash) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
        }
        return "redirect:" + redirect;
    }
}
