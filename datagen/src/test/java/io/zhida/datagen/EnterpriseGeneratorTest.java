package io.zhida.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhida.engine.standard.Uscc;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnterpriseGeneratorTest {

    private static List<EnterpriseRecord> generate(long seed, int count) {
        List<EnterpriseRecord> all = new ArrayList<>();
        new EnterpriseGenerator(seed, count).forEachRemaining(all::add);
        return all;
    }

    @Test
    void sameSeedGivesTheSameEnterprises() {
        assertThat(generate(7, 500)).isEqualTo(generate(7, 500));
        assertThat(generate(7, 50)).isNotEqualTo(generate(8, 50));
    }

    @Test
    void codesAreValidAndUnique() {
        List<EnterpriseRecord> all = generate(1, 20_000);
        Set<String> codes = new HashSet<>();
        for (EnterpriseRecord e : all) {
            assertThat(Uscc.isValid(e.uscc())).as(e.uscc()).isTrue();
            assertThat(e.uscc().substring(2, 8)).isEqualTo(e.region());
            assertThat(codes.add(e.uscc())).as("duplicate %s", e.uscc()).isTrue();
        }
    }

    @Test
    void distributionsLookLikeARealRegister() {
        List<EnterpriseRecord> all = generate(3, 20_000);
        Map<String, Long> bySection = all.stream().collect(Collectors.groupingBy(e -> e.industry().substring(0, 1), Collectors.counting()));
        assertThat(bySection.keySet()).contains("A", "C", "E", "F", "H", "I", "K", "M");
        Set<String> regions = DemoCity.counties().stream().map(DemoCity.Region::code).collect(Collectors.toSet());
        assertThat(all).allSatisfy(e -> assertThat(regions).contains(e.region()));
        long micro = all.stream().filter(e -> e.employees() < 20).count();
        assertThat(micro).isBetween(12_000L, 17_000L);
        long hitech = all.stream().filter(e -> e.qualifications().contains("高新技术企业")).count();
        assertThat(hitech).isBetween(100L, 2_000L);
        long missingRd = all.stream().filter(e -> e.get("rd_expense") == null).count();
        assertThat(missingRd).isGreaterThan(1_000L);
        Map<String, Long> byRegion = all.stream().collect(Collectors.groupingBy(EnterpriseRecord::region, Collectors.counting()));
        assertThat(byRegion).hasSize(7);
        assertThat(all.stream().map(EnterpriseRecord::uscc).collect(Collectors.toMap(Function.identity(), u -> 1))).hasSize(20_000);
    }

    @Test
    void csvQuotesCellsThatNeedIt() throws Exception {
        StringWriter out = new StringWriter();
        EnterpriseCsv csv = new EnterpriseCsv(out);
        csv.writeHeader();
        generate(5, 3).forEach(e -> {
            try {
                csv.write(e);
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        });
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("uscc,name,entity_type");
        assertThat(EnterpriseCsv.cell("专精特新\"小巨人\"企业")).isEqualTo("\"专精特新\"\"小巨人\"\"企业\"");
        assertThat(EnterpriseCsv.cell(1234567.5)).isEqualTo("1234567.5");
        assertThat(EnterpriseCsv.cell(2.0E7)).isEqualTo("20000000");
        assertThat(EnterpriseCsv.cell(null)).isEmpty();
    }
}
