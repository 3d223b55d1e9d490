package io.gaikan.model.vggse;

import io.gaikan.model.ModelFamily;
import io.gaikan.model.ModelSpec;

import java.util.List;

/** {@code vggse}: the lab's VGG-style SE branch as a single-input model (160 px, no pretrained weights). */
public final class VggSeFamily implements ModelFamily {

    public static final String NAME = "vggse";

    @Override
    public List<ModelSpec> models() {
        return List.of(new ModelSpec(NAME, NAME, 160, null, VggSe::new));
    }
}
