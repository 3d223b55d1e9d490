package io.gaikan.eval;

import java.util.Locale;

/**
 * Two thresholds on the defect score instead of one, as a line that sends doubtful parts to a person does: a score
 * below {@code low} is OK, at or above {@code high} NG, and in between REVIEW. The automatic verdicts outside the band
 * are the ones that count for the miss and over-detection rates; the band's share is the inspectors' work.
 */
public record ReviewBand(double low, double high) {

    /** The verdict on one image. */
    public enum Verdict { OK, NG, REVIEW }

    public ReviewBand {
        if (!(low >= 0 && low <= high && high <= 1)) {
            throw new IllegalArgumentException("--review-band must be LOW,HIGH with 0 <= LOW <= HIGH <= 1, got " + low + "," + high);
        }
    }

    /** Parses {@code LOW,HIGH}, e.g. {@code 0.2,0.8}. */
    public static ReviewBand parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("--review-band must be LOW,HIGH (two defect scores), got '" + text + "'");
        }
        try {
            return new ReviewBand(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--review-band must be LOW,HIGH (two numbers), got '" + text + "'");
        }
    }

    public Verdict verdict(double defectScore) {
        return defectScore < low ? Verdict.OK : defectScore >= high ? Verdict.NG : Verdict.REVIEW;
    }

    /**
     * What the band does on labelled images.
     *
     * @param inBand            images sent to review
     * @param missRate          defects outside the band judged OK, over the defects outside the band (NaN if none)
     * @param overDetectionRate normal images outside the band judged NG, over those outside the band (NaN if none)
     */
    public record Outcome(int images, int inBand, int defectsOutside, int normalsOutside, double missRate,
                          double overDetectionRate) {

        public String summary(ReviewBand band) {
            return String.format(Locale.ROOT, "review band [%.4f, %.4f): %d of %d images (%.1f%%) to review; outside it "
                            + "miss rate %.2f%% of %d defects, over-detection %.2f%% of %d normal images",
                    band.low(), band.high(), inBand, images, 100.0 * inBand / Math.max(1, images), 100 * missRate,
                    defectsOutside, 100 * overDetectionRate, normalsOutside);
        }
    }

    /** The band's outcome on images with defect scores {@code scores} and truth {@code defect} (true = a defect). */
    public Outcome outcome(double[] scores, boolean[] defect) {
        int inBand = 0;
        int defects = 0;
        int normals = 0;
        int missed = 0;
        int overDetected = 0;
        for (int i = 0; i < scores.length; i++) {
            Verdict v = verdict(scores[i]);
            if (v == Verdict.REVIEW) {
                inBand++;
            } else if (defect[i]) {
                defects++;
                missed += v == Verdict.OK ? 1 : 0;
            } else {
                normals++;
                overDetected += v == Verdict.NG ? 1 : 0;
            }
        }
        return new Outcome(scores.length, inBand, defects, normals, defects == 0 ? Double.NaN : missed / (double) defects,
                normals == 0 ? Double.NaN : overDetected / (double) normals);
    }
}
