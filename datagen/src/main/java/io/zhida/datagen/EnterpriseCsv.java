package io.zhida.datagen;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes enterprises as CSV (RFC 4180 quoting), columns named as in the enterprise data standard;
 * list attributes are joined with '|'. An absent attribute is an empty cell.
 */
public final class EnterpriseCsv {

    public static final List<String> COLUMNS = List.of("uscc", "name", "entity_type", "status", "founded",
            "registered_capital", "region", "industry", "employees", "revenue", "revenue_prev", "total_assets",
            "tax_paid", "rd_expense", "export_value", "insured_employees", "unemployment_insurance_paid",
            "layoffs", "youth_hires", "qualifications", "hitech_certified", "tax_credit_rating", "dishonest",
            "tags", "contact_phone");

    private final Writer out;

    public EnterpriseCsv(Writer out) {
        this.out = out;
    }

    public void writeHeader() throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write('\n');
    }

    public void write(EnterpriseRecord e) throws IOException {
        Object[] cells = {e.uscc(), e.name(), e.entityType(), e.status(), e.founded(), e.registeredCapital(),
                e.region(), e.industry(), e.employees(), e.revenue(), e.revenuePrev(), e.totalAssets(),
                e.taxPaid(), e.rdExpense(), e.exportValue(), e.insuredEmployees(), e.unemploymentInsurancePaid(),
                e.layoffs(), e.youthHires(), String.join("|", e.qualifications()), e.hitechCertified(),
                e.taxCreditRating(), e.dishonest(), String.join("|", e.tags()), e.phone()};
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write('\n');
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? plain(d) : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : java.math.BigDecimal.valueOf(d).toPlainString();
    }
}
