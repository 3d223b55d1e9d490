package io.gaikan.model.blocks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * SiLU, ReLU and ReLU6 as single PyTorch ops ({@code aten::silu}, {@code aten::relu_}, {@code aten::hardtanh_(0, 6)}),
 * which DJL's NDArray API lacks: each is a one-op TorchScript module shipped as a resource ({@code silu.pt},
 * {@code relu_.pt}, {@code relu6_.pt}, written by {@code fused_activations.py} beside them). One fused kernel forward
 * and one backward instead of a chain of elementwise ops roughly halves the time SiLU and ReLU6 take in training,
 * which is a large share of MobileNetV2's and EfficientNet's step. ReLU and ReLU6 overwrite their input, as
 * torchvision's {@code inplace=True} does (their backward needs only the result): an out-of-place activation
 * allocates and page-faults a fresh tensor per call, 12 % of a ResNet-50 inference pass (engine profiler,
 * docs/speed.md). The input must not be a view (an in-place op on a view makes autograd copy it back in the backward
 * pass), which is why {@code BatchNorm2d} calls DJL's batch norm so that it returns no view.
 *
 * <p>The modules run with autograd following the caller's grad mode, like any other op. When they cannot be loaded
 * (another engine) or {@code -Dgaikan.fusedActivations=false} is set (to measure the difference), {@link #get()} is
 * empty and {@link Activation} falls back to the composite ops, which compute the same function.
 */
final class FusedActivations {

    /** The loaded modules for the process: immutable once built, shared by every model. */
    private static final class Holder {
        static final Optional<FusedActivations> INSTANCE = load();
    }

    private final PtSymbolBlock silu;
    private final PtSymbolBlock reluInPlace;
    private final PtSymbolBlock relu6InPlace;

    private FusedActivations(PtSymbolBlock silu, PtSymbolBlock reluInPlace, PtSymbolBlock relu6InPlace) {
        this.silu = silu;
        this.reluInPlace = reluInPlace;
        this.relu6InPlace = relu6InPlace;
    }

    static Optional<FusedActivations> get() {
        return Holder.INSTANCE;
    }

    NDArray silu(NDArray x) {
        return run(silu, x);
    }

    /** In place: overwrites x, the result shares its storage. */
    NDArray relu(NDArray x) {
        return run(reluInPlace, x);
    }

    /** In place: overwrites x, the result shares its storage. */
    NDArray relu6(NDArray x) {
        return run(relu6InPlace, x);
    }

    /** Training mode only means "leave grad mode alone": inference callers have it off already. */
    private static NDArray run(PtSymbolBlock module, NDArray x) {
        return IValueUtils.forward(module, new NDList(x), true).singletonOrThrow();
    }

    private static Optional<FusedActivations> load() {
        if (!Boolean.parseBoolean(System.getProperty("gaikan.fusedActivations", "true"))
                || !"PyTorch".equals(Engine.getInstance().getEngineName())) {
            return Optional.empty();
        }
        // a manager for the life of the process: the modules are shared by every model
        NDManager manager = NDManager.newBaseManager();
        try {
            return Optional.of(new FusedActivations(module(manager, "silu.pt"), module(manager, "relu_.pt"),
                    module(manager, "relu6_.pt")));
        } catch (IOException | RuntimeException e) {
            manager.close();
            return Optional.empty();
        }
    }

    private static PtSymbolBlock module(NDManager manager, String resource) throws IOException {
        try (InputStream in = FusedActivations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return JniUtils.loadModule((PtNDManager) manager, in, true, false);
        }
    }
}
