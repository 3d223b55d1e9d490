package io.gaikan.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the one-line pipeline grammar (documented on {@link Pipeline}) into transforms. */
final class PipelineParser {

    private record Op(String usage, Function<SpecArgs, Transform> build) {
    }

    private static final Pattern STEP = Pattern.compile("([a-z]+)\\s*(?:\\((.*)\\))?");

    private static final Map<String, Op> OPS = ops();

    private PipelineParser() {
    }

    static List<Transform> parse(String spec) {
        List<Transform> transforms = new ArrayList<>();
        String trimmed = spec.trim();
        if (trimmed.isEmpty() || trimmed.equals(Pipeline.EMPTY)) {
            return transforms;
        }
        for (String raw : trimmed.split(";", -1)) {
            String token = raw.trim();
            if (!token.isEmpty()) {
                transforms.add(step(token));
            }
        }
        return transforms;
    }

    static Transform step(String token) {
        if (token.equals("rand") || token.startsWith("rand-")) {
            return RandAugment.parse(token);
        }
        Matcher m = STEP.matcher(token);
        if (!m.matches()) {
            throw new AugmentSpecException(token, "expected name or name(arg,...), e.g. hflip(0.5)");
        }
        Op op = OPS.get(m.group(1));
        if (op == null) {
            throw new AugmentSpecException(token, "unknown transform '" + m.group(1) + "' (known: "
                    + String.join(", ", OPS.keySet()) + ", rand-...)");
        }
        String inside = m.group(2) == null ? "" : m.group(2).trim();
        List<String> args = inside.isEmpty() ? List.of()
                : Arrays.stream(inside.split(",", -1)).map(String::trim).toList();
        SpecArgs specArgs = new SpecArgs(token, op.usage, args);
        if (args.stream().anyMatch(String::isEmpty)) {
            throw specArgs.error("empty argument");
        }
        return specArgs.checked(() -> op.build.apply(specArgs), "");
    }

    private static Map<String, Op> ops() {
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("resize", new Op("resize(shorterSide) or resize(height,width)", a -> {
            a.requireCount(1, 2);
            return a.count() == 1 ? Resize.shorterSide(a.integer(0, "size"))
                    : Resize.exact(a.integer(0, "height"), a.integer(1, "width"));
        }));
        ops.put("ccrop", new Op("ccrop(size) or ccrop(height,width)", a -> {
            a.requireCount(1, 2);
            int h = a.integer(0, "height");
            return new CenterCrop(h, a.integer(1, "width", h));
        }));
        ops.put("normalize", new Op("normalize(imagenet) or normalize(mean...,std...)", PipelineParser::normalize));
        ops.put("hflip", new Op("hflip(p)", a -> {
            a.requireCount(0, 1);
            return Flip.horizontal(a.number(0, "probability", 0.5));
        }));
        ops.put("vflip", new Op("vflip(p)", a -> {
            a.requireCount(0, 1);
            return Flip.vertical(a.number(0, "probability", 0.5));
        }));
        ops.put("rot", new Op("rot(maxDegrees[,fill]) or rot(lo-hi[,fill])", a -> {
            a.requireCount(1, 2);
            double fill = a.number(1, "fill", 0);
            if (SpecArgs.rangeDash(a.text(0)) < 0) {
                return RandomRotation.symmetric(a.number(0, "angle"), fill);
            }
            return new RandomRotation(a.range(0, "angle range", null), fill);
        }));
        ops.put("rrc", new Op("rrc(size[,scaleLo-scaleHi[,ratioLo-ratioHi]])", a -> {
            a.requireCount(1, 3);
            return new RandomResizedCrop(a.integer(0, "size"),
                    a.range(1, "scale", RandomResizedCrop.DEFAULT_SCALE),
                    a.range(2, "ratio", RandomResizedCrop.DEFAULT_RATIO));
        }));
        ops.put("jitter", new Op("jitter(brightness[,contrast[,saturation[,hue]]])", a -> {
            a.requireCount(1, 4);
            return new ColorJitter(a.number(0, "brightness"), a.number(1, "contrast", 0),
                    a.number(2, "saturation", 0), a.number(3, "hue", 0));
        }));
        ops.put("cutout", new Op("cutout(holes|lo-hi,height|lo-hi[,width|lo-hi[,fill[,p]]])", a -> {
            a.requireCount(2, 5);
            IntRange height = a.intRange(1, "hole height", null);
            return new Cutout(a.intRange(0, "holes", null), height, a.intRange(2, "hole width", height),
                    a.number(3, "fill", 0), a.number(4, "probability", 1));
        }));
        ops.put("gridshuffle", new Op("gridshuffle(rows[,cols[,p]])", a -> {
            a.requireCount(1, 3);
            int rows = a.integer(0, "rows");
            return new GridShuffle(rows, a.integer(1, "cols", rows), a.number(2, "probability", 1));
        }));
        return Collections.unmodifiableMap(ops); // keeps insertion order for the "known:" list in errors
    }

    private static Transform normalize(SpecArgs a) {
        if (a.count() == 0 || (a.count() == 1 && a.text(0).equals("imagenet"))) {
            return Normalize.IMAGENET;
        }
        if (a.count() % 2 != 0) {
            throw a.error("give a preset name or as many std values as mean values");
        }
        int half = a.count() / 2;
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        for (int i = 0; i < half; i++) {
            mean.add(a.number(i, "mean"));
            std.add(a.number(half + i, "std"));
        }
        return new Normalize(mean, std);
    }
}
