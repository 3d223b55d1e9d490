package io.gaikan.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a heat map explains, on the logits of task {@code task} (0 = the main task): the log-odds of a set of classes
 * against the others, log P(set) - log P(rest). For a two-class OK/NG model and the set {NG} that is the logit
 * difference; for the defect classes together it is the log-odds of the defect score, so the map answers "where does
 * this image look defective". An empty set means each image's most probable class.
 */
public record CamTarget(int task, Set<Integer> classes) {

    public CamTarget {
        if (task < 0) {
            throw new IllegalArgumentException("task index must be >= 0, got " + task);
        }
        classes = Set.copyOf(new TreeSet<>(classes));
    }

    /** Each image's most probable class of the main task. */
    public static CamTarget predicted() {
        return new CamTarget(0, Set.of());
    }

    /** The given classes of the main task together (e.g. the defect classes: indices into the task's class list). */
    public static CamTarget group(List<Integer> classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("a heat map's class group needs at least one class");
        }
        return new CamTarget(0, Set.copyOf(classes));
    }

    /**
     * The explained score of every image, shape (N), differentiable in {@code logits}; temporaries stay on the logits'
     * manager (a per-batch manager that the caller closes).
     */
    NDArray score(NDList logits) {
        NDArray z = logits.get(task);
        int n = (int) z.getShape().get(0);
        int k = (int) z.getShape().get(1);
        if (classes.size() >= k || classes.stream().anyMatch(c -> c >= k)) {
            throw new IllegalArgumentException("classes " + classes + " are not a proper subset of the task's " + k + " classes");
        }
        float[] argmax = classes.isEmpty() ? z.argMax(1).toType(DataType.FLOAT32, false).toFloatArray() : null;
        float[] inSet = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                inSet[i * k + c] = (argmax != null ? c == (int) argmax[i] : classes.contains(c)) ? 1 : 0;
            }
        }
        NDArray mask = z.getManager().create(inSet, new Shape(n, k));
        // shifted by the row maximum so that exp cannot overflow; the shift cancels in the difference
        NDArray e = z.sub(z.max(new int[]{1}, true).stopGradient()).exp();
        return e.mul(mask).sum(new int[]{1}).log().sub(e.mul(mask.neg().add(1)).sum(new int[]{1}).log());
    }
}
