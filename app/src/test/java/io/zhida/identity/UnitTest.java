package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void aUnitTravelsAsItsKeyAndComesBackTheSame() {
        assertThat(Unit.county("519902").key()).isEqualTo("COUNTY:519902");
        assertThat(Unit.parse("DEPARTMENT:C-JXJ")).contains(Unit.department("C-JXJ"));
        assertThat(Unit.parse(Unit.county("519921").key())).contains(Unit.county("519921"));
        assertThat(Unit.key("DEPARTMENT", "C-CZJ")).isEqualTo(Unit.department("C-CZJ").key());
    }

    @Test
    void anythingElseIsNoUnit() {
        assertThat(Unit.parse(null)).isEmpty();
        assertThat(Unit.parse("519902")).isEmpty();
        assertThat(Unit.parse("TOWN:519902001")).isEmpty();
        assertThat(Unit.parse("COUNTY:")).isEmpty();
        assertThat(Unit.parse("COUNTY:51 99'; DROP TABLE x")).isEmpty();
        assertThatThrownBy(() -> Unit.department("")).isInstanceOf(IllegalArgumentException.class);
    }
}
