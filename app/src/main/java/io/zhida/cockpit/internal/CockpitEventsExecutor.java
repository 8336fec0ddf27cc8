package io.zhida.cockpit.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The cockpit's listeners' thread (see {@link CockpitListener}); spring.task.execution.mode=force keeps the shared one. */
@Configuration(proxyBeanMethods = false)
class CockpitEventsExecutor {

    @Bean(CockpitListener.EXECUTOR)
    ThreadPoolTaskExecutor cockpitEvents() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("cockpit-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }
}
