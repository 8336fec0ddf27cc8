package io.zhida.platform.internal;

import io.zhida.platform.BusinessClock;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one business clock every service is given; tests move it through {@link BusinessClock}. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    BusinessClock businessClock() {
        return BusinessClock.current();
    }
}
