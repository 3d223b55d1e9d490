package io.gaikan.synth;

/**
 * The pixels near one line segment, row by row: for each row, the x range whose pixels lie within {@code reach}
 * of the segment's line and within [-endReach, length + endReach] along it. Both bounds are linear in y, so
 * they are set up once per segment and each row costs a few multiply-adds (no divisions).
 */
final class SegmentStrip {

    final double x0;
    final double y0;
    final double dx;
    final double dy;
    final double length;
    final int yFirst;
    final int yLast;
    private final int width;
    private final double xScale;
    private final boolean steep;
    private final boolean flat;
    private final double perpCentreSlope;
    private final double perpHalf;
    private final double alongSlope;
    private final double alongA;
    private final double alongB;
    private final double perpLimit;
    private final double alongLo;
    private final double alongHi;
    int xFirst;
    int xLast;

    SegmentStrip(double x0, double y0, double x1, double y1, double reach, double endReach, int width, int height) {
        this(x0, y0, x1, y1, reach, endReach, width, height, 1);
    }

    /**
     * As above on a row sampled every {@code 1 / xScale} pixels: xFirst..xLast are then sample indices
     * (x = sample / xScale), and {@code width} is the number of samples.
     */
    SegmentStrip(double x0, double y0, double x1, double y1, double reach, double endReach, int width, int height,
                 double xScale) {
        this.xScale = xScale;
        this.x0 = x0;
        this.y0 = y0;
        this.width = width;
        double len = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        this.length = len;
        this.dx = len > 0 ? (x1 - x0) / len : 1;
        this.dy = len > 0 ? (y1 - y0) / len : 0;
        // perp(x) = ry*dx - rx*dy in [-reach, reach]; along(x) = rx*dx + ry*dy in [-endReach, len + endReach]
        steep = Math.abs(dy) > 1e-9;
        flat = Math.abs(dx) > 1e-9;
        perpCentreSlope = steep ? dx / dy : 0;
        perpHalf = steep ? reach / Math.abs(dy) : 0;
        alongSlope = flat ? -dy / dx : 0;
        alongA = flat ? -endReach / dx : 0;
        alongB = flat ? (len + endReach) / dx : 0;
        perpLimit = reach;
        alongLo = -endReach;
        alongHi = len + endReach;
        double ext = reach + endReach;
        yFirst = Math.max(0, (int) Math.floor(Math.min(y0, y1) - ext));
        yLast = Math.min(height - 1, (int) Math.ceil(Math.max(y0, y1) + ext));
    }

    /** Sets xFirst..xLast for row y; false when the row has no pixel near the segment. */
    boolean row(int y) {
        double ry = y - y0;
        double lo = 0;
        double hi = (width - 1) / xScale;
        if (steep) {
            double c = x0 + ry * perpCentreSlope;
            lo = Math.max(lo, c - perpHalf);
            hi = Math.min(hi, c + perpHalf);
        } else if (Math.abs(ry * dx) > perpLimit) {
            return false;
        }
        if (flat) {
            double base = x0 + ry * alongSlope;
            double a = base + alongA;
            double b = base + alongB;
            lo = Math.max(lo, Math.min(a, b));
            hi = Math.min(hi, Math.max(a, b));
        } else if (ry * dy < alongLo || ry * dy > alongHi) {
            return false;
        }
        xFirst = (int) Math.ceil(lo * xScale);
        xLast = (int) Math.floor(hi * xScale);
        return xFirst <= xLast;
    }
}
