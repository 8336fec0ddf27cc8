package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The named policies say what they allow, and no module keeps a private requireX of its own. */
class AccessPolicyTest {

    private static ZhidaUser user(Role... roles) {
        return new ZhidaUser(1, "u", "某人", null, Set.of(roles), null, null, null, null, false,
                roles.length == 1 && roles[0] == Role.ENTERPRISE ? "91519900MA0000000X" : null, true);
    }

    @Test
    void eachPolicyAllowsItsRolesOnly() {
        assertThat(AccessPolicy.FUNDS_PAYMENT.allows(user(Role.FINANCE))).isTrue();
        assertThat(AccessPolicy.FUNDS_PAYMENT.allows(user(Role.LEADER))).as("leaders look, finance pays").isFalse();
        assertThat(AccessPolicy.FUNDS_OVERSIGHT.allows(user(Role.LEADER))).isTrue();
        assertThat(AccessPolicy.STAFF.allows(user(Role.CLERK))).isTrue();
        assertThat(AccessPolicy.STAFF.allows(user(Role.ENTERPRISE))).as("an enterprise's user is not staff").isFalse();
        assertThat(AccessPolicy.ADMINISTRATION.allows(null)).isFalse();
        assertThatThrownBy(() -> AccessPolicy.EVALUATION_WORK.require(user(Role.LEADER))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("EVALUATION_WORK");
    }

    @Test
    void noModuleWritesItsOwnRoleCheckHelper() throws IOException {
        List<String> helpers;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "io", "zhida"))) {
            helpers = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).matches("(?s).*static void require\\w*\\(ZhidaUser \\w+\\).*");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(helpers).as("use AccessPolicy instead").isEmpty();
    }
}
