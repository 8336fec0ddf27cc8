package io.zhida.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A unit the platform evaluates and holds to account: a county (区县, by its region code) or a department (by its
 * code). Its {@link #key()} ("COUNTY:519902", "DEPARTMENT:C-JXJ") is how a unit travels through forms, maps and
 * SQL; written and read only here.
 */
public record Unit(Kind kind, String code) {

    public enum Kind { COUNTY, DEPARTMENT }

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public Unit {
        if (kind == null || code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a unit: " + kind + " " + code);
        }
    }

    public static Unit county(String regionCode) {
        return new Unit(Kind.COUNTY, regionCode);
    }

    public static Unit department(String code) {
        return new Unit(Kind.DEPARTMENT, code);
    }

    /** A key as {@link #key()} writes it; empty for anything else (a form field, a filter). */
    public static Optional<Unit> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String kind = key.substring(0, colon);
        String code = key.substring(colon + 1);
        if (!(kind.equals("COUNTY") || kind.equals("DEPARTMENT")) || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Unit(Kind.valueOf(kind), code));
    }

    public String key() {
        return kind.name() + ":" + code;
    }

    /** The key of a county or department by the kind's name as stored ("COUNTY", "DEPARTMENT"). */
    public static String key(String kind, String code) {
        return kind + ":" + code;
    }

    /** The SQL expression for a unit's key from a kind literal and a code column, for GROUP BY over many rows. */
    public static String sqlKey(Kind kind, String codeColumn) {
        return "'" + kind.name() + ":' || " + codeColumn;
    }

    @Override
    public String toString() {
        return key();
    }
}
