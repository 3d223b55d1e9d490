package io.gaikan.baseline;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.blur.BlurImageOps;
import boofcv.alg.misc.ImageStatistics;
import boofcv.alg.misc.PixelMath;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayF32;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;

import java.util.List;

/** Grey image -> |DoG| -> binary -> clean-up -> labelled regions, with BoofCV doing all the image processing. */
public final class RegionExtractor {

    /** Regions smaller than this are dropped: one or two pixels are noise at every setting and only cost memory. */
    public static final int MIN_REGION_AREA = 3;

    private RegionExtractor() {
    }

    /** The absolute Difference-of-Gaussians response |G(small) * I - G(large) * I|, grey levels. */
    public static GrayF32 dogResponse(GrayF32 grey, DogSigmas sigmas) {
        GrayF32 fine = BlurImageOps.gaussian(grey, null, sigmas.small(), -1, null);
        GrayF32 coarse = BlurImageOps.gaussian(grey, null, sigmas.large(), -1, null);
        GrayF32 response = new GrayF32(grey.width, grey.height);
        PixelMath.subtract(fine, coarse, response);
        PixelMath.abs(response, response);
        return response;
    }

    /** Binarise and clean the response, label 8-connected regions and measure them. */
    public static List<Region> regions(GrayF32 response, Binarisation binarisation, Cleanup cleanup) {
        GrayU8 binary = cleanup.apply(binarisation.apply(response));
        GrayS32 labels = new GrayS32(response.width, response.height);
        int count = BinaryImageOps.contour(binary, ConnectRule.EIGHT, labels).size();
        return RegionMeasurement.measure(labels, count, response, MIN_REGION_AREA);
    }

    public static Extraction extract(GrayF32 grey, Preprocessing p) {
        return fromResponse(dogResponse(grey, p.dog()), p);
    }

    /** The rest of the pipeline on a DoG response already computed with {@code p}'s sigmas. */
    static Extraction fromResponse(GrayF32 response, Preprocessing p) {
        return new Extraction(regions(response, p.binarisation(), p.cleanup()), ImageStatistics.mean(response),
                response.width, response.height);
    }

    /** All regions of one image under one preprocessing, with the image-wide mean response and the image size. */
    public record Extraction(List<Region> regions, double meanResponse, int width, int height) {
    }
}
