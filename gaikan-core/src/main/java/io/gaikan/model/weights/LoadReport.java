package io.gaikan.model.weights;

import java.util.List;

/**
 * What a weight load did.
 *
 * @param naming        which naming the checkpoint used ("timm names" or an alias description)
 * @param consumed      checkpoint names whose values went into the model (as named in the checkpoint)
 * @param loaded        model parameter names that received a value
 * @param ignored       checkpoint names deliberately skipped ({@code *num_batches_tracked})
 * @param reinitialised head parameters left freshly initialised, each with the reason
 */
public record LoadReport(String naming, List<String> consumed, List<String> loaded, List<String> ignored,
                         List<String> reinitialised) {

    public LoadReport {
        consumed = List.copyOf(consumed);
        loaded = List.copyOf(loaded);
        ignored = List.copyOf(ignored);
        reinitialised = List.copyOf(reinitialised);
    }

    public String summary() {
        String s = "loaded " + loaded.size() + " tensors (" + naming + ")";
        return reinitialised.isEmpty() ? s : s + "; head re-initialised: " + String.join(", ", reinitialised);
    }
}
