package io.zhida.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform bench's command line, with its defaults. The platform-bench Maven profile passes every
 * option; the defaults are for running the class by hand from the repository's root.
 */
record PlatformSettings(int enterprises, int items, int samples, Path work, Path out, Path jar, String heap,
        List<String> jvmArgs, boolean keepData) {

    static PlatformSettings parse(String[] args) {
        Map<String, String> options = options(args);
        return new PlatformSettings(
                Integer.parseInt(options.getOrDefault("enterprises", "1000000")),
                Integer.parseInt(options.getOrDefault("items", "10000")),
                Integer.parseInt(options.getOrDefault("samples", "200")),
                Path.of(options.getOrDefault("work", "bench/target/platform-bench")),
                Path.of(options.getOrDefault("out", "bench/target/platform-bench.json")),
                Path.of(options.getOrDefault("app-jar", "app/target/zhida-app.jar")),
                options.getOrDefault("app-heap", "12g"),
                // the profile passes --app-jvm-args= even when there are none
                Arrays.stream(options.getOrDefault("app-jvm-args", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList(),
                Boolean.parseBoolean(options.getOrDefault("keep-data", "false")));
    }

    /** --name=value (or --name value). */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i].replaceFirst("^--", "");
            int eq = a.indexOf('=');
            if (eq >= 0) {
                options.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(a, args[++i]);
            }
        }
        return options;
    }
}
