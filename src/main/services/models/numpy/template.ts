/** The Python source of the NumPy export: a safetensors loader (json + numpy.frombuffer only) and each layer's forward pass. */

export const NUMPY_TEMPLATE = String.raw`
import csv
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8")}
MAX_HEADER_BYTES = 16 * 1024 * 1024


def load_model(path):
    """Read a Backprop Studio model file: returns (tensors by name, metadata with JSON values decoded)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError(path + ": too short for a safetensors header")
    (n,) = struct.unpack("<Q", data[:8])
    if n > MAX_HEADER_BYTES or 8 + n > len(data):
        raise ValueError(path + ": header length %d is not plausible" % n)
    header = json.loads(data[8:8 + n].decode("utf-8"))
    raw_meta = header.pop("__metadata__", {})
    if raw_meta.get("backprop-studio.format") != "1":
        raise ValueError(path + ": not a version-1 Backprop Studio model")
    start = 8 + n
    tensors = {}
    for name, info in header.items():
        dtype = DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        count = int(np.prod(info["shape"], dtype=np.int64))
        if end - begin != count * dtype.itemsize or start + end > len(data):
            raise ValueError("%s: tensor %s has an inconsistent byte range" % (path, name))
        tensors[name] = np.frombuffer(data, dtype=dtype, count=count, offset=start + begin).reshape(info["shape"])
    meta = {k: (v if k in ("datasetName", "backprop-studio.format") else json.loads(v)) for k, v in raw_meta.items()}
    return tensors, meta


# --- one function per layer (inference mode), as in "Deep Learning from Scratch" ch. 5-6 ---

def affine(x, W, b):
    return x @ W + b


def relu(x):
    return np.maximum(x, 0).astype(x.dtype)


def sigmoid(x):
    return (1 / (1 + np.exp(-x))).astype(x.dtype)


def tanh(x):
    return np.tanh(x)


def dropout(x, ratio):
    # Inference in the book's convention: scale by the keep probability.
    return (x * x.dtype.type(1 - ratio)).astype(x.dtype)


def batch_normalization(x, gamma, beta, running_mean, running_var, epsilon):
    return (gamma * (x - running_mean) / np.sqrt(running_var + x.dtype.type(epsilon)) + beta).astype(x.dtype)


def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def normalize(raw, normalization):
    """Raw features (N x D) -> (x - offset) / scale, computed as the app does (float32 result)."""
    x = np.asarray(raw, dtype=np.float32).astype(np.float64)
    offset = np.asarray(normalization["offset"], dtype=np.float64)
    inv = 1.0 / np.asarray(normalization["scale"], dtype=np.float64)
    return ((x - offset) * inv).astype(np.float32)


def forward(tensors, meta, raw):
    """Raw features (N x D) -> class probabilities (N x C), or regression outputs (N x T)."""
    dtype = np.float32 if meta["precision"] == "float32" else np.float64
    x = normalize(raw, meta["normalization"]).astype(dtype)
    for i, layer in enumerate(meta["architecture"]["layers"]):
        p = "layers.%d." % i
        kind = layer["type"]
        if kind == "Affine":
            x = affine(x, tensors[p + "W"], tensors[p + "b"])
        elif kind == "Relu":
            x = relu(x)
        elif kind == "Sigmoid":
            x = sigmoid(x)
        elif kind == "Tanh":
            x = tanh(x)
        elif kind == "Dropout":
            x = dropout(x, layer["ratio"])
        elif kind == "BatchNormalization":
            x = batch_normalization(x, tensors[p + "gamma"], tensors[p + "beta"], tensors[p + "runningMean"],
                                    tensors[p + "runningVar"], layer.get("epsilon", 1e-6))
        elif kind == "SoftmaxWithLoss":
            x = softmax(x)
        elif kind == "IdentityWithLoss":
            pass
        else:
            raise ValueError("unknown layer type %r" % kind)
    return x


def read_features(path, feature_names):
    """The model's feature columns, by header name, from a CSV file (other columns are ignored)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = [r for r in csv.reader(f) if r]
    header = rows[0]
    missing = [n for n in feature_names if n not in header]
    if missing:
        raise ValueError("%s: missing feature column(s) %s" % (path, ", ".join(missing)))
    columns = [header.index(n) for n in feature_names]
    return np.array([[float(r[j]) for j in columns] for r in rows[1:]], dtype=np.float32)


def main(argv):
    if len(argv) < 3:
        print("usage: python3 %s MODEL.safetensors DATA.csv [--json]" % argv[0], file=sys.stderr)
        return 2
    tensors, meta = load_model(argv[1])
    out = forward(tensors, meta, read_features(argv[2], meta["featureNames"]))
    classes = meta["classNames"]
    writer = None if "--json" in argv else csv.writer(sys.stdout, lineterminator="\n")
    if writer:
        writer.writerow(["row", "predicted"] + ["p(%s)" % c for c in classes])
    for i, values in enumerate(out.tolist()):
        predicted = classes[int(np.argmax(values))] if classes else ", ".join(repr(v) for v in values)
        probabilities = values if classes else []
        if writer:
            writer.writerow([i + 1, predicted] + probabilities)
        else:
            print(json.dumps({"row": i + 1, "predicted": predicted, "probabilities": probabilities}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
`;
