package io.gaikan.experiment;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment: the data and its fixed split, the base training settings, the axes to vary, and how to report.
 * Parsed from YAML; every mistake is reported as {@code file: key.path: what is wrong}.
 *
 * <pre>{@code
 * name: Few-shot sweep, casting-product (seed 001, Table 1)
 * data:                        # the DataOptions fields; the split is drawn once into DIR/split.csv
 *   path: ../shared/datasets/casting-product
 *   val: 0                     # fraction per class (0 = no validation set)
 *   test: 0.1                  # fraction per class, fixed and disjoint from every training subset
 *   normal_classes: [ok_front]
 *   seed: 1                    # seed of the split and of the nested k-shot subsets
 * base:                        # TrainConfig fields by name (as the train command's flags)
 *   model: mobilenetv2_100
 *   size: 64
 *   epochs: 10
 *   batch_size: 16
 *   lr: 0.001
 *   augment: "hflip(0.5);vflip(0.5)"
 * methods:                     # presets the 'method' axis names; 'label' is what the table shows
 *   scratch:  {label: Scratch, mode: scratch, init: none}
 *   imagenet: {label: ImageNet Pretrain, mode: finetune, init: imagenet,
 *              weights: "${GAIKAN_WEIGHTS:-../shared/weights}/mobilenetv2_100.imagenet.safetensors"}
 *   cg:       {label: CG Pretrain, mode: finetune, init: "pretrain:cg"}
 * pretrain:                    # models trained first; 'init: pretrain:NAME' starts from one
 *   cg: {data: out/cg-images, epochs: 5, init: none, mode: scratch}
 * axes:                        # the grid is their cartesian product, in this order
 *   shots: [1, 2, 4, 8, 16, 32, 64, 128]
 *   method: [scratch, imagenet, cg]
 *   seed: [1, 2, 3]
 * report:
 *   rows: shots                # default: the first axis that is not averaged over
 *   columns: method            # default: method, when there is such an axis
 *   metric: accuracy           # accuracy | defect_accuracy | normal_accuracy | miss_rate | over_detection_rate
 *   aggregate: [seed]          # mean ± std over these axes (default: seed)
 * baseline: true               # also the classical baseline on the same split (per shots value)
 * }</pre>
 *
 * Axis values override method presets, which override {@code base}. Special axes and settings: {@code shots}
 * (training images per class, nested subsets, 0 = all), {@code schedule} ({@code "N/M"} transfer then fine-tune
 * epochs), {@code tasks} (a list of {@code name=source[*weight]} auxiliary tasks; write combinations as a map of label
 * to list), {@code seed}. Relative paths are resolved against the directory gaikan runs in (the repository root for
 * the ready-made configs); {@code ${VAR}} and {@code ${VAR:-default}} are taken from the environment.
 */
public final class ExperimentConfig {

    static final Set<String> KEYS = Set.of("name", "data", "base", "methods", "pretrain", "axes", "report", "baseline");

    private final String name;
    private final String source;
    private final String text;
    private final Path workDir;
    private final DataSpec data;
    private final Settings base;
    private final Map<String, Axis.Preset> methods;
    private final Map<String, PretrainStep> pretrain;
    private final List<Axis> axes;
    private final ReportSpec report;
    private final BaselineSpec baseline;

    private ExperimentConfig(String name, String source, String text, Path workDir, DataSpec data, Settings base,
                             Map<String, Axis.Preset> methods, Map<String, PretrainStep> pretrain, List<Axis> axes,
                             ReportSpec report, BaselineSpec baseline) {
        this.name = name;
        this.source = source;
        this.text = text;
        this.workDir = workDir;
        this.data = data;
        this.base = base;
        this.methods = Collections.unmodifiableMap(methods);
        this.pretrain = Collections.unmodifiableMap(pretrain);
        this.axes = List.copyOf(axes);
        this.report = report;
        this.baseline = baseline;
    }

    /** Reads a YAML file; relative paths inside resolve against the current directory. */
    public static ExperimentConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read experiment config " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.getFileName().toString(), Path.of("").toAbsolutePath(), System.getenv());
    }

    /**
     * @param source  the name errors start with (usually the file name)
     * @param workDir what relative paths resolve against
     * @param env     environment variables for {@code ${VAR}}
     */
    public static ExperimentConfig parse(String text, String source, Path workDir, Map<String, String> env) {
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            tree = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new ConfigException(source + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        Node root = Node.root(source, tree, env);
        if (!root.isMap()) {
            throw root.error("an experiment config is a map with data:, base:, axes:, ...");
        }
        root.allowOnly(KEYS);
        DataSpec data = DataSpec.read(root.require("data"), workDir);
        Settings base = root.has("base") ? Settings.read(root.get("base"), Set.of()) : Settings.empty();
        Map<String, Axis.Preset> methods = new LinkedHashMap<>();
        if (root.has("methods")) {
            root.get("methods").entries().forEach((n, node) -> methods.put(n, Axis.Preset.read(n, node)));
        }
        Map<String, PretrainStep> pretrain = new LinkedHashMap<>();
        if (root.has("pretrain")) {
            root.get("pretrain").entries().forEach((n, node) -> pretrain.put(n, PretrainStep.read(n, node, base, workDir)));
        }
        List<Axis> axes = new ArrayList<>();
        if (root.has("axes")) {
            root.get("axes").entries().forEach((n, node) -> axes.add(Axis.read(n, node, methods)));
        }
        if (!methods.isEmpty() && axes.stream().noneMatch(a -> a.name().equals(Axis.METHOD))) {
            throw root.get("methods").error("methods are defined but there is no 'method' axis naming them");
        }
        String name = root.has("name") ? root.get("name").asString() : source.replaceFirst("\\.ya?ml$", "");
        ReportSpec report = ReportSpec.read(root.get("report"), name, axes);
        BaselineSpec baseline = BaselineSpec.read(root.get("baseline"));
        ExperimentConfig config = new ExperimentConfig(name, source, text, workDir, data, base, methods, pretrain, axes,
                report, baseline);
        config.checkPretrainReferences();
        return config;
    }

    private void checkPretrainReferences() {
        List<Settings> all = new ArrayList<>();
        all.add(base);
        methods.values().forEach(p -> all.add(p.settings()));
        axes.forEach(a -> a.values().forEach(v -> all.add(v.settings())));
        for (Settings s : all) {
            String step = s.pretrainStep();
            if (step != null && !pretrain.containsKey(step)) {
                throw s.node("init").error("no pretrain step named '" + step + "' (have " + pretrain.keySet() + ")");
            }
        }
    }

    public String name() {
        return name;
    }

    /** The file name errors and reports refer to. */
    public String source() {
        return source;
    }

    /** The YAML as written, kept in the output directory beside the results. */
    public String text() {
        return text;
    }

    public DataSpec data() {
        return data;
    }

    public ReportSpec report() {
        return report;
    }

    /** Null when the classical baseline is not part of the experiment. */
    public BaselineSpec baseline() {
        return baseline;
    }

    public List<String> axisNames() {
        return axes.stream().map(Axis::name).toList();
    }

    Path workDir() {
        return workDir;
    }

    Settings base() {
        return base;
    }

    List<Axis> axes() {
        return axes;
    }

    Map<String, PretrainStep> pretrain() {
        return pretrain;
    }
}
