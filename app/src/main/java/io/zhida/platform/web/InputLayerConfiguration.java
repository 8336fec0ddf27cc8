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
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(new SecurityHeadersFilter());
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
