package io.zhida.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A module tested on its own: Spring Modulith starts only the module under test and the modules it depends on
 * (never the demo city), on the module's own database ({@link ModuleDatabase}); the test makes its own fixtures.
 * Each test class declares its database:
 * {@code @DynamicPropertySource static void database(DynamicPropertyRegistry r) { ModuleDatabase.register(r, "calendar"); }}
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, verifyAutomatically = false) // ModularityTests verifies
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface ModuleTest {
}
