package io.zhida.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a module's SQL script kept beside its classes: statements separated by a line holding only {@code --;}, in the
 * caller's transaction. For the demo city's history, which each module writes into its own tables.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** @param owner a class of the module; the script is looked up in its package */
    public static void run(JdbcClient jdbc, Class<?> owner, String name) {
        String script;
        try {
            script = new ClassPathResource(name, owner).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String statement : script.split("\n--;\n")) {
            String code = statement.replaceAll("(?m)^--.*$", "").trim();
            if (code.startsWith("SELECT")) {
                jdbc.sql(statement).query((rs, n) -> null).list();
            } else if (!code.isEmpty()) {
                jdbc.sql(statement).update();
            }
        }
    }
}
