"""Writes silu.pt, relu_.pt and relu6_.pt, the one-op TorchScript modules behind io.gaikan.model.blocks.FusedActivations.

DJL's NDArray API has no SiLU and no hardtanh, so without these a SiLU is sigmoid + mul (backward: two muls, a
sigmoid backward and an add) and a ReLU6 is clamp (backward: ge, le, logical_and, where): several passes over every
activation instead of one fused kernel each way. Regenerate with any PyTorch >= 1.13 (the archives load in newer
versions):  python3 fused_activations.py

ReLU and ReLU6 run in place (relu_, hardtanh_), as torchvision's inplace=True: their backward needs only the result,
and writing into the input saves allocating (and page-faulting) a fresh activation-sized tensor per call.
"""
import torch


class SiLU(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.aten.silu(x)


class ReLUInPlace(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.aten.relu_(x)


class ReLU6InPlace(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.aten.hardtanh_(x, 0.0, 6.0)


torch.jit.save(torch.jit.script(SiLU()), "silu.pt")
torch.jit.save(torch.jit.script(ReLUInPlace()), "relu_.pt")
torch.jit.save(torch.jit.script(ReLU6InPlace()), "relu6_.pt")
