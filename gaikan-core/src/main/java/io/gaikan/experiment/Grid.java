package io.gaikan.experiment;

import io.gaikan.synth.SynthConfig;
import io.gaikan.train.TrainConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The expanded grid: the cartesian product of the axes (the first axis varies slowest), each point with its labels
 * and its run. Points whose effective settings coincide share one run.
 */
public final class Grid {

    /** The CG images a pretrain step renders and trains on. */
    public record CgSource(SynthConfig synth, int count) {
    }

    /** One cell of the product: axis name to value label, in axis order, and the run that produces it. */
    public record Point(int position, Map<String, String> labels, RunSpec run) {
        public Point {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    private final List<Point> points;
    private final Map<String, RunSpec> pretrainSteps;

    private Grid(List<Point> points, Map<String, RunSpec> pretrainSteps) {
        this.points = List.copyOf(points);
        this.pretrainSteps = Collections.unmodifiableMap(pretrainSteps);
    }

    public static Grid expand(ExperimentConfig config) {
        Map<String, RunSpec> steps = new LinkedHashMap<>();
        List<Point> points = new ArrayList<>();
        int[] index = new int[config.axes().size()];
        do {
            Map<String, String> labels = new LinkedHashMap<>();
            Settings method = Settings.empty();
            Settings others = Settings.empty();
            for (int a = 0; a < index.length; a++) {
                Axis axis = config.axes().get(a);
                Axis.Value value = axis.values().get(index[a]);
                labels.put(axis.name(), value.label());
                if (axis.name().equals(Axis.METHOD)) {
                    method = value.settings();
                } else {
                    others = others.with(value.settings());
                }
            }
            // Precedence: an axis value beats a method preset, which beats the base settings.
            Settings effective = config.base().with(method).with(others);
            String name = describe(labels);
            String step = effective.pretrainStep();
            RunSpec pretrain = step == null ? null : pretrainStep(config, config.pretrain().get(step), effective, steps);
            RunSpec run = RunSpec.train(name, effective.shots(),
                    effective.toConfig(config.workDir(), config.source() + ": run " + name), pretrain);
            points.add(new Point(points.size(), labels, run));
        } while (next(index, config.axes()));
        return new Grid(points, steps);
    }

    /** The instance of a pretrain step a run needs; runs needing the same settings share one. */
    private static RunSpec pretrainStep(ExperimentConfig config, PretrainStep step, Settings runSettings,
                                        Map<String, RunSpec> steps) {
        String context = config.source() + ": pretrain." + step.name();
        TrainConfig train = step.settingsFor(runSettings).toConfig(config.workDir(), context);
        Object source = step.data() != null ? step.data()
                : new CgSource(step.synth().config(train.inputSize() > 0 ? train.inputSize() : 224), step.synth().count());
        RunSpec spec = RunSpec.pretrain("pretrain " + step.name() + " (" + train.model() + ")", step.shots(), train, source);
        RunSpec known = steps.putIfAbsent(spec.id(), spec);
        return known != null ? known : spec;
    }

    /** Odometer increment, last axis fastest; false once every combination was produced. */
    private static boolean next(int[] index, List<Axis> axes) {
        for (int a = index.length - 1; a >= 0; a--) {
            if (++index[a] < axes.get(a).values().size()) {
                return true;
            }
            index[a] = 0;
        }
        return false;
    }

    static String describe(Map<String, String> labels) {
        StringJoiner j = new StringJoiner(" ");
        labels.forEach((axis, label) -> j.add(axis + "=" + label));
        return labels.isEmpty() ? "single run" : j.toString();
    }

    public List<Point> points() {
        return points;
    }

    /** The distinct training runs in grid order. */
    public List<RunSpec> runs() {
        Map<String, RunSpec> unique = new LinkedHashMap<>();
        points.forEach(p -> unique.putIfAbsent(p.run().id(), p.run()));
        return List.copyOf(unique.values());
    }

    /** The pretrain step instances the runs start from, in order of first use. */
    public List<RunSpec> pretrainSteps() {
        return List.copyOf(pretrainSteps.values());
    }

    /** Distinct shots values of the grid in order of first appearance (a baseline run is fitted per value). */
    public List<Integer> shotsValues() {
        return points.stream().map(p -> p.run().shots()).distinct().toList();
    }
}
