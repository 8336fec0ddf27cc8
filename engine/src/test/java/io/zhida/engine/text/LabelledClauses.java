package io.zhida.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The hand-labelled clauses in policy-text/clauses.txt: each text with the items a policy author would make of it. */
record LabelledClauses(List<Case> cases) {

    record Expected(List<String> atoms, String formula, String cap) {
    }

    record Case(int line, String text, List<Expected> items) {
    }

    static LabelledClauses load() throws IOException {
        try (InputStream in = LabelledClauses.class.getResourceAsStream("/policy-text/clauses.txt")) {
            List<Case> cases = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            String text = null;
            int at = 0;
            List<Expected> items = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("text:")) {
                    if (text != null) {
                        cases.add(new Case(at, text, List.copyOf(items)));
                    }
                    text = line.substring(5).strip();
                    at = i + 1;
                    items = new ArrayList<>();
                } else if (line.equals("none")) {
                    continue;
                } else if (line.startsWith("item:")) {
                    String[] parts = line.substring(5).split(" \\| ", -1);
                    if (parts.length != 3) {
                        throw new IllegalStateException("line " + (i + 1) + ": an item needs atoms | formula | cap");
                    }
                    List<String> atoms = new ArrayList<>();
                    for (String a : parts[0].split(" ; ")) {
                        if (!a.isBlank()) {
                            atoms.add(a.strip());
                        }
                    }
                    items.add(new Expected(atoms, parts[1].strip(), parts[2].strip()));
                } else {
                    throw new IllegalStateException("line " + (i + 1) + ": not a text, item or none line");
                }
            }
            if (text != null) {
                cases.add(new Case(at, text, List.copyOf(items)));
            }
            return new LabelledClauses(List.copyOf(cases));
        }
    }
}
