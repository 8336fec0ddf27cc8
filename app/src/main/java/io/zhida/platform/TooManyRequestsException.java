package io.zhida.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Someone went over a rate limit: answered as 429 with Retry-After; the message says how long to wait, in Chinese. */
@ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
public class TooManyRequestsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** "请 N 秒后再试" with the wait in seconds, minutes or hours, whichever reads best. */
    public static TooManyRequestsException of(String what, long retryAfterSeconds) {
        return new TooManyRequestsException(what + "，请 " + waitText(retryAfterSeconds) + "后再试", retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static String waitText(long seconds) {
        long s = Math.max(1, seconds);
        if (s < 120) {
            return s + " 秒";
        }
        if (s < 2 * 3600) {
            return (s + 59) / 60 + " 分钟";
        }
        return (s + 3599) / 3600 + " 小时";
    }
}
