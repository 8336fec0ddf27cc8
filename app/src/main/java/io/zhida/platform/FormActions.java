package io.zhida.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Runs a form's action and turns a refused one into the page's error message instead of an error page. */
public final class FormActions {

    private FormActions() {
    }

    /** @return the redirect to {@code redirect}, with {@code done} or the refusal as the flash message */
    public static String run(Runnable action, String done, String redirect, RedirectAttributes flash) {
        try {
            action.run();
            flash.addFlashAttribute("message", done);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("error", String.join("；", e.messagesByField().values()));
        }
        return redirect.startsWith("redirect:") ? redirect : "redirect:" + redirect;
    }
}
