package io.zhida.identity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handler whose module forgot to declare an {@link AccessRule}: it must be refused to everyone,
 * signed in or not, even under a path Spring Security leaves open. {@link AccessRulesIT} excludes
 * only this class from its enumeration.
 */
@RestController
class RuleLessController {

    static final String OPEN_PATH = "/portal/rule-less";
    static final String API_PATH = "/api/v1/rule-less";

    @GetMapping(OPEN_PATH)
    String page() {
        return "served without a rule";
    }

    @GetMapping(API_PATH)
    String api() {
        return "served without a rule";
    }
}
