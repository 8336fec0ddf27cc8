package io.zhida.applications.web;

import io.zhida.platform.FormActions;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The applications' form actions: {@link FormActions}. */
final class Actions {

    private Actions() {
    }

    static String run(Runnable action, String done, String redirect, RedirectAttributes flash) {
        return FormActions.run(action, done, redirect, flash);
    }
}
