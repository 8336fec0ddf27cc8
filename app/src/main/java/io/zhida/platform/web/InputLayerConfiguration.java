package io.zhida.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input layer's servlet filters, outside Spring Security and the session (which read parameters
 * and headers themselves), right after the character encoding filter; strict decimals for forms, and strict paging
 * ({@link io.zhida.platform.PageQuery} as a handler argument).
 */
@Configuration(proxyBeanMethods = false)
class InputLayerConfiguration implements WebMvcConfigurer {

    private static final int FIRST = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<ApiErrorFilter> apiErrorFilter(JsonMapper json) {
        FilterRegistrationBean<ApiErrorFilter> registration = new FilterRegistrationBean<>(new ApiErrorFilter(json));
        registration.setOrder(FIRST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(org.springframework.core.env.Environment env) {
        // with single sign-on, signing out continues at the identity provider's end-session page
        String issuer = env.getProperty("spring.security.oauth2.client.provider." + env.getProperty("zhida.oidc.registration-id", "province")
                + ".issuer-uri");
        String origin = null;
        if (issuer != null && !issuer.isBlank()) {
            java.net.URI uri = java.net.URI.create(issuer.trim());
            origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        }
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(origin));
        registration.setOrder(FIRST + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ControlCharacterFilter> controlCharacterFilter(JsonMapper json) {
        FilterRegistrationBean<ControlCharacterFilter> registration = new FilterRegistrationBean<>(new ControlCharacterFilter(json));
        registration.setOrder(FIRST + 2);
        return registration;
    }

    @Override
    public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
        registry.addInterceptor(ControlCharacterFilter.interceptor()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new PageQueryResolver());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, java.math.BigDecimal.class, StrictDecimal::parse);
    }
}
