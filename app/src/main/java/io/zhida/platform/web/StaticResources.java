package io.zhida.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Static files at their own paths only (spring.web.resources.add-mappings=false turns off Boot's "/**"). With
 * "/**", every link a page writes (a 我的政策 of hundreds of items) was looked up as a file on the class path
 * by the resource chain, found missing and looked up again on the next page: three quarters of the page's time.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(ONE_HOUR).resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(ONE_HOUR).resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/").setCacheControl(ONE_HOUR)
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
