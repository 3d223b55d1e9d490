package io.gaikan.fewshot;

import io.gaikan.train.RunLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a few-shot run keeps beside run.json: {@code model.safetensors} (the frozen backbone), the head's tensors
 * ({@link LinearHead#FILE}) and {@code fewshot.json} (this record).
 *
 * @param head         the fitted head
 * @param why          why this head (for {@code --method auto}, its rule; else the method asked for)
 * @param stages       the backbone stages pooled into the features (empty: the classifier's pooled features)
 * @param features     how the pooled features were normalised for the head (null in runs made before it was said)
 * @param l2           the logistic head's penalty (NaN for prototypes) and {@code l2Rule} how it was chosen
 * @param temperature  the softmax temperature and {@code temperatureRule} how it was chosen
 * @param testViews    views averaged per classified image (1, or 2 with test-time augmentation)
 * @param transductive whether predictions refine the prototypes with the images classified together
 */
record FewShotFiles(HeadKind head, String why, List<String> stages, String features, int trainingImages, int supportViews, double l2,
                    String l2Rule, double temperature, String temperatureRule, int testViews, boolean transductive) {

    static final String SETTINGS = "fewshot.json";

    void write(Path runDir) throws IOException {
        new RunLayout(runDir).writeMethodFile(SETTINGS, this);
    }

    static FewShotFiles read(Path runDir) throws IOException {
        return new RunLayout(runDir).readMethodFile(SETTINGS, FewShotFiles.class);
    }

    /** The choices as run.json's {@code fitted} entries. */
    Map<String, String> choices() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("head", head.name().toLowerCase(java.util.Locale.ROOT));
        out.put("why", why);
        out.put("stages", String.join(",", stages));
        if (features != null) {
            out.put("features", features);
        }
        if (head == HeadKind.LOGISTIC) {
            out.put("l2", Double.toString(l2));
            out.put("l2_rule", l2Rule);
        }
        out.put("temperature", String.format(java.util.Locale.ROOT, "%.4f", temperature));
        out.put("temperature_rule", temperatureRule);
        out.put("test_views", Integer.toString(testViews));
        out.put("transductive", transductive ? "yes: prototypes refined with the images classified together" : "no");
        return out;
    }
}
