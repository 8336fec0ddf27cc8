package io.zhida.identity.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the deny-by-default check for every path and every handler mapping of the application. */
@Configuration(proxyBeanMethods = false)
class AccessRuleConfiguration implements WebMvcConfigurer {

    private final ClientCallLimit clientLimit;

    AccessRuleConfiguration(ClientCallLimit clientLimit) {
        this.clientLimit = clientLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessRuleInterceptor(clientLimit)).addPathPatterns("/**").order(Integer.MIN_VALUE);
    }
}
