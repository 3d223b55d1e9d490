package io.gaikan.cli;

import io.gaikan.synth.DatasetSummary;
import io.gaikan.synth.Domain;
import io.gaikan.synth.Scenes;
import io.gaikan.synth.SynthConfig;
import io.gaikan.synth.Synthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gaikan synth}: renders a synthetic (CG) OK/NG ImageFolder dataset with domain randomisation. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Render synthetic ground-metal images (ok/ = no scratch, ng/ = scratches), or with --scene cast|strip|tile",
            "or --families the scene families (one folder per defect kind), with domain",
            "randomisation, plus labels.csv (lighting, region, family and every drawn scene parameter), sheet.png",
            "(contact sheet) and synth.properties. Same seed -> byte-identical files for any --threads."})
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "output directory (created)")
    Path out;

    @Option(names = "--count", required = true, description = "number of images")
    int count;

    @Option(names = "--size", defaultValue = "224", description = "image width = height in pixels (default 224)")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default 1)")
    long seed;

    @Option(names = "--scene", defaultValue = SynthConfig.DEFAULT_SCENE, description = "scene (default ${DEFAULT-VALUE})")
    String scene;

    @Option(names = "--families", paramLabel = "all|cast,strip,tile,metal", description = "a mixture of scene families "
            + "instead of --scene: each image draws its family; classes are the defect kinds (labels.csv adds the family)")
    String families;

    @Option(names = "--ng-fraction", defaultValue = "0.5", description = "share of NG images (default 0.5)")
    double ngFraction;

    @Option(names = "--domain", defaultValue = "pretrain",
            description = "randomisation ranges: pretrain (CG pretraining) or target (shifted, held-out)")
    String domain;

    @Option(names = "--grey", description = "8-bit grey PNGs instead of RGB")
    boolean grey;

    @Option(names = "--threads", description = "render threads (default: available processors)")
    Integer threads;

    @Option(names = "--obj", description = "also write the surface mesh as Wavefront OBJ (obj/NNNNNN.obj)")
    boolean obj;

    @Option(names = "--masks", paramLabel = "DIR", description = "also write each image's defect mask as DIR/CLASS/NAME.png "
            + "(255 = defect; outside --out, so it is never read as a class), for measuring where anomaly maps point")
    Path masks;

    @Option(names = "--obj-count", defaultValue = "10",
            description = "with --obj: meshes for the first N images only (default 10; a 224 px mesh is ~3 MB)")
    int objCount;

    @Override
    public Integer call() throws Exception {
        ThreadCount.check(threads);
        String sceneName = families != null ? Scenes.mixtureName(families) : scene;
        SynthConfig config = new SynthConfig(sceneName, size, seed, Domain.parse(domain), ngFraction, grey);
        int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        DatasetSummary s = new Synthesizer(config).writeDataset(out, count, t, obj ? objCount : 0, masks);
        System.out.printf(Locale.ROOT, "wrote %d images (%d ok, %d ng) to %s: %.1f MB, %.2f s, %.0f images/s "
                        + "(%d threads)%n", s.count(), s.okCount(), s.ngCount(), s.directory(),
                s.bytesWritten() / 1e6, s.seconds(), s.imagesPerSecond(), t);
        if (s.faintScratches() > 0) {
            System.out.printf(Locale.ROOT, "note: %d NG images have scratches below the visibility threshold "
                    + "(labels.csv scratch_visible = 0)%n", s.faintScratches());
        }
        return 0;
    }
}
