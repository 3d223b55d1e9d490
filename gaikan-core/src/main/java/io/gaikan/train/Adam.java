package io.gaikan.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam, or AdamW ({@code decoupled}): PyTorch's update with bias correction; Adam adds weight decay to the gradient,
 * AdamW shrinks the weight directly.
 */
final class Adam extends StatefulOptimizer {

    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final boolean decoupled;

    Adam(NDManager manager, float beta1, float beta2, float eps, float weightDecay, boolean decoupled) {
        super(manager);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    @Override
    public void update(String name, NDArray weight, NDArray gradient, float lr, boolean decay) {
        NDArray stepCount = state.computeIfAbsent(name + ".step", k -> manager.create(0f));
        float t = stepCount.getFloat() + 1;
        stepCount.addi(1f);
        try (NDManager tmp = manager.newSubManager()) {
            NDArray g = gradient;
            if (decay && weightDecay > 0) {
                if (decoupled) {
                    weight.muli(1 - lr * weightDecay);
                } else {
                    g = scratch(tmp, g.add(scratch(tmp, weight.mul(weightDecay))));
                }
            }
            NDArray m = slot(name + ".exp_avg", weight);
            NDArray v = slot(name + ".exp_avg_sq", weight);
            m.muli(beta1).addi(scratch(tmp, g.mul(1 - beta1)));
            v.muli(beta2).addi(scratch(tmp, g.square()).muli(1 - beta2));
            double bias1 = 1 - Math.pow(beta1, t);
            double bias2 = 1 - Math.pow(beta2, t);
            NDArray denom = scratch(tmp, v.sqrt()).divi((float) Math.sqrt(bias2)).addi(eps);
            weight.subi(scratch(tmp, m.div(denom)).muli((float) (lr / bias1)));
        }
    }
}
