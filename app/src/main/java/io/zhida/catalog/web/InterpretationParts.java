package io.zhida.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An interpretation (解读) as the author wrote it: text, with image and video links on lines of their
 * own. Each line becomes a part the page renders as a paragraph, an image, a video or a link.
 */
final class InterpretationParts {

    record Part(String kind, String value) {
    }

    private InterpretationParts() {
    }

    static List<Part> of(String interpretation) {
        List<Part> parts = new ArrayList<>();
        if (interpretation == null) {
            return parts;
        }
        for (String raw : interpretation.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            boolean url = (lower.startsWith("https://") || lower.startsWith("http://")) && !line.contains(" ");
            if (url && lower.matches(".*\\.(png|jpe?g|gif|webp|svg)(\\?.*)?$")) {
                parts.add(new Part("image", line));
            } else if (url && lower.matches(".*\\.(mp4|webm|ogg)(\\?.*)?$")) {
                parts.add(new Part("video", line));
            } else if (url) {
                parts.add(new Part("link", line));
            } else {
                parts.add(new Part("text", line));
            }
        }
        return parts;
    }
}
