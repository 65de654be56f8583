/** The project's model.py: the architecture as an nn.Module, load_model(path) and predict_proba(x) on raw features. */

export const MODEL_PY = String.raw`
"""The network of a Backprop Studio model as a torch nn.Module, and load_model(path) for inference.

    from model import load_model
    net = load_model("model.safetensors")          # eval mode, weights and normalization from the file
    p = net.predict_proba(torch.tensor(raw_rows, dtype=torch.float32))   # N x D raw features -> N x C

Layer i of the app's architecture is 'net.layers[i]': Affine -> nn.Linear, Relu/Sigmoid/Tanh -> nn.ReLU/Sigmoid/Tanh,
Dropout -> BookDropout, BatchNormalization -> BatchNorm1d (both in layers.py). The loss layer (SoftmaxWithLoss or
IdentityWithLoss) is 'net.loss'. Weight layout: the app's W is D x M (out = x.W + b, as the book); nn.Linear keeps
weight = W transposed (M x D). The file is read and written in the app's layout, so nothing else changes.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from layers import BatchNorm1d, BookDropout, fill_normal_
from model_file import read_model_file, write_model_file
from rng import Rng, derive_seed

DTYPES = {"float32": torch.float32, "float64": torch.float64}


def init_std(layers, index, fan_in):
    """The std of layer 'index''s weights: its own init, else He before a Relu, else Xavier (the app's default)."""
    init = layers[index].get("init")
    if init is None:
        init = {"kind": "xavier"}
        for later in layers[index + 1:]:
            if later["type"] == "Affine":
                break
            if later["type"] in ("Relu", "Sigmoid", "Tanh"):
                init = {"kind": "he" if later["type"] == "Relu" else "xavier"}
                break
    if init["kind"] == "std":
        return init["std"]
    return math.sqrt(2 / fan_in) if init["kind"] == "he" else 1 / math.sqrt(fan_in)


class Network(nn.Module):
    """Hidden layers in the app's order ('layers'), the loss layer's kind ('loss') and the stored normalization."""

    def __init__(self, meta, dropout_rng=None):
        super().__init__()
        arch = meta["architecture"]
        self.meta = meta
        self.dtype = DTYPES[meta["precision"]]
        self.loss = arch["layers"][-1]["type"]
        if self.loss not in ("SoftmaxWithLoss", "IdentityWithLoss"):
            raise ValueError("the last layer must be SoftmaxWithLoss or IdentityWithLoss, got %s" % self.loss)
        self.dropout_rng = dropout_rng
        size, modules = arch["inputSize"], []
        for spec in arch["layers"][:-1]:
            kind = spec["type"]
            if kind == "Affine":
                modules.append(nn.Linear(size, spec["units"], dtype=self.dtype))
                size = spec["units"]
            elif kind in ("Relu", "Sigmoid", "Tanh"):
                modules.append({"Relu": nn.ReLU, "Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh}[kind]())
            elif kind == "Dropout":
                modules.append(BookDropout(spec["ratio"], dropout_rng))
            elif kind == "BatchNormalization":
                modules.append(BatchNorm1d(size, spec.get("momentum", 0.9), spec.get("epsilon", 1e-6), dtype=self.dtype))
            else:
                raise ValueError("unknown layer type %r" % kind)
        self.layers = nn.ModuleList(modules)
        norm = meta["normalization"]
        self.register_buffer("offset", torch.tensor(norm["offset"], dtype=torch.float64))
        self.register_buffer("inv_scale", 1 / torch.tensor(norm["scale"], dtype=torch.float64))

    def forward(self, x):
        """Normalized features x: N x D -> scores N x C (before softmax)."""
        for layer in self.layers:
            x = layer(x)
        return x

    def normalize(self, raw):
        """Raw features (N x D) -> (x - offset) / scale, computed like the app: float64, then float32, then our dtype."""
        x = torch.as_tensor(raw, dtype=torch.float32).to(self.offset.device).double()
        if self.meta["normalization"]["kind"] != "none":
            x = (x - self.offset) * self.inv_scale
        return x.float().to(self.dtype)

    def predict_proba(self, raw):
        """Raw features (float32 N x D) -> class probabilities N x C (regression: the N x T predictions)."""
        with torch.no_grad():
            scores = self(self.normalize(raw))
            return torch.softmax(scores, dim=1) if self.loss == "SoftmaxWithLoss" else scores

    def data_loss(self, scores, t):
        """Mean cross-entropy over the rows (t: class indices), or 1/2 * mean over rows of the summed squared error."""
        if self.loss == "SoftmaxWithLoss":
            return F.cross_entropy(scores, t)
        return 0.5 * ((scores - t) ** 2).sum() / scores.shape[0]

    def linear_weights(self):
        return [m.weight for m in self.layers if isinstance(m, nn.Linear)]

    def init_weights(self, seed):
        """The app's seeded initialisation: W ~ N(0, std^2) layer by layer from Rng(seed); b = 0, gamma = 1, beta = 0."""
        rng, layers = Rng(seed), self.meta["architecture"]["layers"]
        for i, m in enumerate(self.layers):
            if isinstance(m, nn.Linear):
                fill_normal_(m.weight, init_std(layers, i, m.in_features), rng)
                nn.init.zeros_(m.bias)
            elif isinstance(m, BatchNorm1d):
                m.reset_parameters()
                m.running_var.fill_(1)

    def load_app_tensors(self, tensors):
        """Copy the file's tensors ("layers.0.W", "layers.2.runningMean"...) into the modules, checking every shape."""
        def put(target, name, array):
            if name not in tensors:
                raise ValueError("the model file has no tensor %s" % name)
            value = torch.from_numpy(np.ascontiguousarray(array(tensors[name])))
            if tuple(value.shape) != tuple(target.shape):
                raise ValueError("tensor %s has shape %s, expected %s" % (name, tuple(value.shape), tuple(target.shape)))
            with torch.no_grad():
                target.copy_(value.to(target.dtype))

        for i, m in enumerate(self.layers):
            p = "layers.%d." % i
            if isinstance(m, nn.Linear):
                put(m.weight, p + "W", lambda a: a.T)  # the app's W is D x M, nn.Linear's weight M x D
                put(m.bias, p + "b", np.asarray)
            elif isinstance(m, BatchNorm1d):
                for target, name in ((m.weight, "gamma"), (m.bias, "beta"), (m.running_mean, "runningMean"), (m.running_var, "runningVar")):
                    put(target, p + name, np.asarray)

    def app_tensors(self):
        """(name, numpy array) pairs in the app's names, layout and order, ready for write_model_file."""
        named = []
        for i, m in enumerate(self.layers):
            p = "layers.%d." % i
            if isinstance(m, nn.Linear):
                named += [(p + "W", m.weight.T), (p + "b", m.bias)]
            elif isinstance(m, BatchNorm1d):
                named += [(p + "gamma", m.weight), (p + "beta", m.bias), (p + "runningMean", m.running_mean), (p + "runningVar", m.running_var)]
        return [(name, t.detach().cpu().numpy()) for name, t in named]

    def save(self, path, meta_updates=None):
        """Write this network as a Backprop Studio model file (the metadata it was built from, plus 'meta_updates')."""
        meta = dict(self.meta, **(meta_updates or {}))
        meta["seed"] = meta["trainingConfig"]["seed"]
        write_model_file(path, self.app_tensors(), meta)


def load_model(path, device="cpu"):
    """A Backprop Studio model file -> its Network in eval mode (weights, running statistics, normalization loaded)."""
    tensors, meta = read_model_file(path)
    net = Network(meta, Rng(derive_seed(meta["trainingConfig"]["seed"], 1)))
    net.load_app_tensors(tensors)
    return net.to(device).eval()
`;
