package io.gaikan.synth;

/** Locale-free, fast fixed-point formatting for CSV and OBJ numbers (String.format is too slow per value). */
final class Decimals {

    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000};

    private Decimals() {
    }

    /** Appends v rounded to {@code digits} decimals, trailing zeros dropped ("1.5", "-0.0312", "3"). */
    static StringBuilder append(StringBuilder sb, double v, int digits) {
        long scale = POW10[digits];
        long q = Math.round(Math.abs(v) * scale);
        if (q != 0 && v < 0) {
            sb.append('-');
        }
        sb.append(q / scale);
        long frac = q % scale;
        if (frac != 0) {
            sb.append('.');
            String f = Long.toString(frac + scale).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(f, 0, end);
        }
        return sb;
    }
}
