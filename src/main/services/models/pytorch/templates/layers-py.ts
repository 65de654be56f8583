/** The project's layers.py: the book's Dropout and BatchNorm1d semantics as torch modules (no exact built-in counterpart). */

export const LAYERS_PY = String.raw`
"""The two layers whose semantics differ from PyTorch's built-ins, written to match the app exactly.

Dropout (the book's convention): training keeps each element with probability 1 - ratio and does NOT rescale
(out = x * mask); inference multiplies by (1 - ratio). torch.nn.Dropout rescales by 1 / (1 - ratio) in training
and is the identity at inference: the same network up to a factor, but not the same training run.

BatchNorm1d (the book's semantics): running = momentum * running + (1 - momentum) * batch with the batch's biased
variance, eps added to the variance. torch.nn.BatchNorm1d weights the new batch by 'momentum' instead and keeps
the unbiased variance in its running estimate, so it is subclassed here with the app's forward.
"""
import numpy as np
import torch
from torch import nn


class BookDropout(nn.Module):
    """x: N x D -> x * mask (train, mask ~ Bernoulli(1 - ratio)) or x * (1 - ratio) (eval)."""

    def __init__(self, ratio, rng):
        super().__init__()
        self.ratio = float(ratio)
        self.rng = rng  # shared by every Dropout of the network, like the app's dropout stream; None: torch's RNG

    def forward(self, x):
        if not self.training:
            return x * (1 - self.ratio)
        if self.rng is None:
            keep = torch.rand(x.shape, device=x.device) >= self.ratio
        else:  # the app's draws, row-major, one uniform per element: bit-exact masks (drawn on the CPU)
            keep = torch.from_numpy(self.rng.uniforms(x.numel()).reshape(tuple(x.shape)) >= self.ratio).to(x.device)
        return x * keep.to(x.dtype)

    def extra_repr(self):
        return "ratio=%g (book scaling: no 1/(1-p) in training, x(1-p) at inference)" % self.ratio


class BatchNorm1d(nn.BatchNorm1d):
    """nn.BatchNorm1d (same weight/bias/running_mean/running_var) with the app's momentum and variance rules.

    'book_momentum' is the app's momentum (weight of the OLD running value, default 0.9); torch's own 'momentum'
    attribute is set to 1 - book_momentum for tools that read it, but this forward never uses it.
    """

    def __init__(self, size, momentum=0.9, eps=1e-6, dtype=None):
        super().__init__(size, eps=eps, momentum=1 - momentum, dtype=dtype)
        self.book_momentum = float(momentum)

    def forward(self, x):
        if self.training:
            mean = x.mean(0)
            var = ((x - mean) ** 2).mean(0)  # biased (divide by N), as the book
            with torch.no_grad():
                m = self.book_momentum
                self.running_mean.copy_(m * self.running_mean + (1 - m) * mean)
                self.running_var.copy_(m * self.running_var + (1 - m) * var)
                self.num_batches_tracked += 1
        else:
            mean, var = self.running_mean, self.running_var
        return self.weight * ((x - mean) / torch.sqrt(var + self.eps)) + self.bias


def fill_normal_(weight, std, rng):
    """Draw an nn.Linear weight (M x D) as the app draws its W (D x M, row-major): N(0, std^2) from 'rng'."""
    m, d = weight.shape
    w = std * rng.normals(d * m).reshape(d, m)
    with torch.no_grad():
        weight.copy_(torch.from_numpy(np.ascontiguousarray(w.T)).to(weight.dtype))
`;
