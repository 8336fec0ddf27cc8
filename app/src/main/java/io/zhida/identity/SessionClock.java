package io.zhida.identity;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long a session lasts without use, for the page's warning before it expires. */
@Component
public class SessionClock {

    private final Duration timeout;

    SessionClock(@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        this.timeout = timeout;
    }

    public long seconds() {
        return timeout.toSeconds();
    }
}
