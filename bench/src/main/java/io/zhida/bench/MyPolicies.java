package io.zhida.bench;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One enterprise's 我的政策 as the bench reads it: the matches API when the platform has it
 * ({@code GET /api/v1/enterprises/{uscc}/matches}), else the page itself.
 */
final class MyPolicies {

    private static final Pattern ITEM_LINK = Pattern.compile("/portal/items/([A-Za-z0-9-]+)\"");

    record View(Set<String> eligible, Set<String> undetermined) {
        int size() {
            return eligible.size() + undetermined.size();
        }
    }

    private MyPolicies() {
    }

    static String apiPath(String uscc) {
        return "/api/v1/enterprises/" + uscc + "/matches";
    }

    static View fromApi(String json) {
        Set<String> eligible = new LinkedHashSet<>();
        Set<String> undetermined = new LinkedHashSet<>();
        for (JsonNode item : Jsons.read(json).path("items")) {
            ("ELIGIBLE".equals(item.path("result").asString()) ? eligible : undetermined).add(item.path("code").asString());
        }
        return new View(eligible, undetermined);
    }

    /** The page lists the eligible items under id="eligible" and the undetermined ones under id="undetermined". */
    static View fromPage(String html) {
        int split = html.indexOf("id=\"undetermined\"");
        if (html.indexOf("id=\"eligible\"") < 0 || split < 0) {
            throw new IllegalStateException("not the 我的政策 page");
        }
        return new View(links(html.substring(html.indexOf("id=\"eligible\""), split)), links(html.substring(split)));
    }

    private static Set<String> links(String html) {
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = ITEM_LINK.matcher(html);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
