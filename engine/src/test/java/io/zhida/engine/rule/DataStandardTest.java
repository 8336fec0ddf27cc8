package io.zhida.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule schema, the derived attributes and the code lists all follow from the one declaration. */
class DataStandardTest {

    @Test
    void theRuleSchemaIsTheStandardWithoutItsContactData() {
        AttributeSchema schema = AttributeSchema.standard();
        for (DataStandard.Entry entry : DataStandard.ENTRIES) {
            if (entry.kind() == DataStandard.Kind.CONTACT) {
                assertThat(schema.find(entry.name())).as(entry.name()).isEmpty();
            } else {
                Attribute a = schema.find(entry.name()).orElseThrow();
                assertThat(a.type()).isEqualTo(entry.type());
                assertThat(a.label()).isEqualTo(entry.label());
                assertThat(a.derived()).isEqualTo(entry.kind() == DataStandard.Kind.DERIVED);
            }
        }
        assertThat(schema.all()).hasSize((int) DataStandard.ENTRIES.stream().filter(e -> e.kind() != DataStandard.Kind.CONTACT).count());
    }

    @Test
    void theDerivedAttributesAreTheOnesThePlatformComputes() {
        List<String> derived = DataStandard.ENTRIES.stream().filter(e -> e.kind() == DataStandard.Kind.DERIVED)
                .map(DataStandard.Entry::name).toList();
        assertThat(derived).containsExactlyInAnyOrder(DerivedAttributes.NAMES);
        assertThat(DataStandard.stored()).extracting(DataStandard.Entry::name).doesNotContainAnyElementsOf(Arrays.asList(DerivedAttributes.NAMES));
    }

    @Test
    void everyReportedAttributeNamesTheSystemAndDepartmentThatAnswerForIt() {
        assertThat(DataStandard.ENTRIES).filteredOn(e -> e.kind() != DataStandard.Kind.DERIVED)
                .allSatisfy(e -> {
                    assertThat(e.source()).as(e.name()).isNotNull();
                    assertThat(e.source().departmentCode()).as(e.name()).startsWith("C-");
                });
    }

    @Test
    void patternsHaveAMessageAndCodeListsAreNotEmptyText() {
        assertThat(DataStandard.ENTRIES).allSatisfy(e -> {
            assertThat(e.values().pattern() == null || e.values().message() != null).as(e.name()).isTrue();
            assertThat(e.values().codes()).as(e.name()).noneMatch(String::isBlank);
            if (!e.values().codes().isEmpty() || e.values().codeList() != null || e.values().maxLength() > 0) {
                assertThat(e.type()).as(e.name()).isEqualTo(AttributeType.STRING);
            }
        });
        assertThat(DataStandard.find("scale").orElseThrow().values().codes()).isEqualTo(DataStandard.SCALES);
    }
}
