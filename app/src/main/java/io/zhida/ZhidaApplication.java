package io.zhida;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Zhida 直达: the 惠企政策直达 platform, a modular monolith; each direct sub-package is a module. */
@Modulithic(systemName = "Zhida 直达", sharedModules = "platform")
@SpringBootApplication
public class ZhidaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhidaApplication.class, args);
    }
}
