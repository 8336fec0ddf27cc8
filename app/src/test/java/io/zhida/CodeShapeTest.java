package io.zhida;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code a newcomer can read: no class over 300 lines and no method over 60, in the app, the engine, the
 * generator and the benches (tests are exempt). A class that must be longer is listed here with its reason.
 */
class CodeShapeTest {

    static final int CLASS_LINES = 300;
    static final int METHOD_LINES = 60;
    /** Top-level class (file path from the repository root) → why it may be longer. None today. */
    static final Map<String, String> LONG_FOR_A_REASON = Map.of();

    private static final List<Path> SOURCES = Stream.of("app", "engine", "datagen", "bench")
            .map(m -> Path.of("..", m, "src", "main", "java")).filter(Files::isDirectory).toList();

    @Test
    void noClassOverThreeHundredLinesAndNoMethodOverSixty() throws IOException {
        JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        List<String> tooLong = new ArrayList<>();
        int files = 0;
        for (Path root : SOURCES) {
            List<Path> sources;
            try (Stream<Path> walk = Files.walk(root)) {
                sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            for (Path file : sources) {
                files++;
                CompilationUnit unit = parser.parse(file).getResult().orElseThrow(() -> new AssertionError("cannot parse " + file));
                String name = Path.of("..").relativize(file).toString();
                for (TypeDeclaration<?> type : unit.getTypes()) {
                    int lines = lines(type);
                    if (lines > CLASS_LINES && !LONG_FOR_A_REASON.containsKey(name)) {
                        tooLong.add(name + ": " + lines + " lines");
                    }
                }
                unit.findAll(CallableDeclaration.class).forEach(m -> {
                    int lines = lines(m);
                    if (lines > METHOD_LINES) {
                        tooLong.add(name + "#" + m.getNameAsString() + ": " + lines + " lines");
                    }
                });
            }
        }
        assertThat(files).as("the sources were found").isGreaterThan(300);
        assertThat(tooLong).as("split these into classes and methods that each do one thing").isEmpty();
    }

    private static int lines(com.github.javaparser.ast.Node node) {
        return node.getRange().map(r -> r.end.line - r.begin.line + 1).orElse(0);
    }
}
