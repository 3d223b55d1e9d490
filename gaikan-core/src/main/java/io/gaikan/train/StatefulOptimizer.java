package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps per-parameter state arrays in one manager, created as zeros on first use. */
abstract class StatefulOptimizer implements Optimizer {

    protected final NDManager manager;
    protected final Map<String, NDArray> state = new LinkedHashMap<>();

    StatefulOptimizer(NDManager manager) {
        this.manager = manager;
    }

    protected NDArray slot(String key, NDArray like) {
        return state.computeIfAbsent(key, k -> manager.zeros(like.getShape(), like.getDataType()));
    }

    /**
     * Attaches a temporary to the step's scratch manager. Every intermediate must go there: an op's result otherwise
     * lands in the manager of its first operand, which for the weight or a state slot lives as long as the run.
     */
    protected static NDArray scratch(NDManager tmp, NDArray temporary) {
        temporary.attach(tmp);
        return temporary;
    }

    @Override
    public Map<String, NDArray> state() {
        return state;
    }

    @Override
    public void load(Map<String, NDArray> saved, NDManager from) {
        state.values().forEach(NDArray::close);
        state.clear();
        saved.forEach((k, v) -> {
            NDArray copy = manager.create(v.getShape(), v.getDataType());
            v.copyTo(copy);
            state.put(k, copy);
        });
    }
}
