package io.ballast.app.metrics;

import java.util.Locale;

/** Short human figures for cards and chart axes: "1.2k", "3.4 MB/s". */
public final class Units {

    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB"};
    private static final String[] COUNT_UNITS = {"", "k", "M", "G"};

    private Units() {
    }

    /** 950 → "950", 1234 → "1.2k", 2500000 → "2.5M". */
    public static String count(double value) {
        Scaled s = scale(value, COUNT_UNITS);
        return s.number() + s.unit();
    }

    /** 1234 → "1.2 kB/s". */
    public static String bytesPerSecond(double value) {
        Scaled s = scale(value, BYTE_UNITS);
        return s.number() + " " + s.unit() + "/s";
    }

    private static Scaled scale(double value, String[] units) {
        double v = Math.abs(value);
        int unit = 0;
        while (v >= 999.5 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        String number = unit == 0 || v >= 99.95
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v);
        return new Scaled((value < 0 ? "-" : "") + number, units[unit]);
    }

    private record Scaled(String number, String unit) {
    }
}
