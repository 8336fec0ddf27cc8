package io.zhida.identity.web;

import io.zhida.identity.SessionClock;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows how long a session lasts unused, for the warning before it expires. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class SessionModel implements io.zhida.platform.PageModel {

    private final SessionClock clock;

    SessionModel(SessionClock clock) {
        this.clock = clock;
    }

    @ModelAttribute("sessionSeconds")
    long sessionSeconds() {
        return clock.seconds();
    }

    @Override
    public void addTo(java.util.Map<String, Object> model) {
        model.put("sessionSeconds", sessionSeconds());
    }
}
