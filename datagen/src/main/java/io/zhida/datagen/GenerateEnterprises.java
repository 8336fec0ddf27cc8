package io.zhida.datagen;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo city's enterprises to a CSV file, e.g. a million for the benchmarks:
 * {@code java -jar datagen/target/zhida-datagen-cli.jar --count 1000000 --out data/enterprises-1m.csv}.
 */
public final class GenerateEnterprises {

    public static final long DEFAULT_SEED = 20_260_101L;

    private GenerateEnterprises() {
    }

    public static void main(String[] args) throws IOException {
        long count = 1_000_000;
        long seed = DEFAULT_SEED;
        Path out = Path.of("data", "enterprises.csv");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--count" -> count = Long.parseLong(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (use --count, --seed, --out)");
            }
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        long started = System.nanoTime();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            EnterpriseCsv csv = new EnterpriseCsv(writer);
            csv.writeHeader();
            EnterpriseGenerator generator = new EnterpriseGenerator(seed, count);
            long written = 0;
            while (generator.hasNext()) {
                csv.write(generator.next());
                if (++written % 100_000 == 0) {
                    System.out.printf("%,d / %,d%n", written, count);
                }
            }
        }
        System.out.printf("wrote %,d enterprises to %s in %.1f s%n", count, out, (System.nanoTime() - started) / 1e9);
    }
}
