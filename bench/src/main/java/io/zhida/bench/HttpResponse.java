package io.zhida.bench;

/** One HTTP exchange as the bench saw it: status, body, where it redirects, and how long it took end to end. */
record HttpResponse(int status, String body, String location, long nanos) {

    boolean ok() {
        return status / 100 == 2;
    }

    double millis() {
        return nanos / 1e6;
    }

    /** The platform has no such endpoint (as opposed to a 404 for a record that does not exist). */
    boolean missingEndpoint() {
        return status == 404 && body != null && body.contains("接口不存在");
    }

    /** Fails the bench with what the platform said, shortened. */
    HttpResponse expect(int expected, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + ": HTTP " + status + (location == null ? "" : " → " + location) + " " + snippet());
        }
        return this;
    }

    /** 200 and the page is the one asked for (it has the element with this id), not an error shown as a page. */
    HttpResponse expectPage(String elementId, String what) {
        expect(200, what);
        if (!body.contains("id=\"" + elementId + "\"")) {
            throw new IllegalStateException(what + ": the page has no #" + elementId + " " + snippet());
        }
        return this;
    }

    String snippet() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
