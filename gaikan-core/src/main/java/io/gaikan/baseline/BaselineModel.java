package io.gaikan.baseline;

import boofcv.struct.image.GrayF32;

import java.nio.file.Path;
import java.util.List;

/** A fitted baseline applied to single images. Immutable and safe to share between threads. */
public final class BaselineModel {

    private final BaselineParams params;

    public BaselineModel(BaselineParams params) {
        this.params = params;
    }

    public BaselineParams params() {
        return params;
    }

    /**
     * The verdict on one image with the regions behind it.
     *
     * @param predicted class index
     * @param passing   regions that reached every threshold (empty for the multi-class classifier)
     */
    public record Judgement(int predicted, RegionExtractor.Extraction extraction, List<Region> passing) {
    }

    public Judgement judge(Path file) {
        return judge(GreyImages.read(file, params.workingSize()));
    }

    /** Judges an image already at working size (see {@link GreyImages#toWorkingSize}). */
    public Judgement judge(GrayF32 workingGrey) {
        RegionExtractor.Extraction e = RegionExtractor.extract(workingGrey, params.preprocessing());
        if (params.mode() == BaselineParams.Mode.REGION_RULE) {
            BaselineParams.Rule rule = params.rule();
            List<Region> passing = e.regions().stream().filter(rule.thresholds()::passes).toList();
            return new Judgement(passing.isEmpty() ? rule.normalClass() : rule.defectClass(), e, passing);
        }
        return new Judgement(params.classifier().predict(RegionStatistics.summarise(e)), e, List.of());
    }
}
