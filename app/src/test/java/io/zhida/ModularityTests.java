package io.zhida;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules talk only through each other's public API, without cycles; writes the module docs.
 * io.zhida.engine and io.zhida.datagen are plain-Java libraries in their own Maven modules, used by
 * the application modules like any other library, so they are not application modules themselves.
 */
class ModularityTests {

    private static final DescribedPredicate<JavaClass> LIBRARIES =
            JavaClass.Predicates.resideInAnyPackage("io.zhida.engine..", "io.zhida.datagen..");

    private final ApplicationModules modules = ApplicationModules.of(ZhidaApplication.class, LIBRARIES);

    @Test
    void modulesAreWellFormed() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
