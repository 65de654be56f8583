/** The project's data.py: the run's data read, split (seeded, stratified) and normalized exactly as the app does. */

export const DATA_PY = String.raw`
"""The data of the run, prepared as the app prepares it: the same rows, the same seeded split, the stored normalization.

Sources (the 'source' of config.json or --data): builtin:spiral|circles|xor|gauss (the app's generators, ported),
builtin:iris and builtin:digits (iris.csv and digits.csv.gz beside this file, as the export writes them), a CSV file with a header row, an idx folder (train-* and t10k-* files,
t10k is the test set) or an images.idx3-ubyte,labels.idx1-ubyte pair. Rows are read in file order, classes are
matched by the model's class names, features by its feature names ("col=value" is a one-hot column), so the
seeded split (splitIndices, ported with the app's PRNG) selects the very same rows as in the app.
"""
import csv
import gzip
import math
import os
import re
import struct

import numpy as np

from rng import Rng

DECIMAL = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")  # the app's strict number rule


# --- the app's built-in 2-D generators (src/core/datasets/builtin), one uniform/normal draw at a time ---

def make_spiral(samples=None, noise=None, seed=0, classes=3):
    per_class = 100 if samples is None else samples // classes
    noise = 0.2 if noise is None else noise
    rng, x, y = Rng(seed), [], []
    for j in range(classes):
        for i in range(per_class):
            r = i / (per_class - 1)
            theta = 4 * j + 4 * r + noise * rng.normals(1)[0]
            x.append((r * math.sin(theta), r * math.cos(theta)))
            y.append(j)
    return x, y


def make_circles(samples=None, noise=None, seed=0):
    n, noise, rng, x, y = samples or 200, 0.05 if noise is None else noise, Rng(seed), [], []
    for i in range(n):
        inner = i % 2 == 1
        r = 0.5 * rng.next() if inner else 0.7 + 0.3 * rng.next()
        angle = 2 * math.pi * rng.next()
        a = r * math.sin(angle) + noise * rng.normals(1)[0]
        x.append((a, r * math.cos(angle) + noise * rng.normals(1)[0]))
        y.append(1 if inner else 0)
    return x, y


def make_xor(samples=None, noise=None, seed=0):
    n, noise, rng, x, y = samples or 200, noise or 0.0, Rng(seed), [], []

    def coordinate():
        u = 2 * rng.next() - 1
        return u + (0.05 if u >= 0 else -0.05) * (1 - abs(u))

    for _ in range(n):
        a, b = coordinate(), coordinate()
        y.append(0 if a * b >= 0 else 1)
        xa = a + noise * rng.normals(1)[0]
        x.append((xa, b + noise * rng.normals(1)[0]))
    return x, y


def make_gauss(samples=None, noise=None, seed=0):
    n, noise, rng, x, y = samples or 200, 0.2 if noise is None else noise, Rng(seed), [], []
    for i in range(n):
        centre = 0.4 if i % 2 == 0 else -0.4
        a = centre + noise * rng.normals(1)[0]
        x.append((a, centre + noise * rng.normals(1)[0]))
        y.append(i % 2)
    return x, y


GENERATORS = {"spiral": make_spiral, "circles": make_circles, "xor": make_xor, "gauss": make_gauss}


# --- files ---

def label_key(text):
    """A label as the app names its class: numbers canonical ("1.0" and "01" are class "1"), text as is."""
    t = text.strip()
    if DECIMAL.match(t):
        v = float(t)
        return str(int(v)) if v.is_integer() else repr(v)
    return text


# The built-in datasets that are files: the file beside data.py and how the app imports it (digits has no header:
# 64 pixel columns, then the digit).
BUNDLED = {
    "builtin:iris": ("iris.csv", {"label": "species"}),
    "builtin:digits": ("digits.csv.gz", {"label": 64, "header": False}),
}


def read_csv(path, meta, options):
    """CSV -> (x float32 N x D, labels). Features by the model's names (by position without a header: every column
    but the label's); a row with a bad cell is an error naming it, or is dropped with --drop-invalid (as the app's
    import does)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="", encoding="utf-8-sig") as f:
        lines = f.read().splitlines()[options.get("skipLines", 0):]
    delimiter = options.get("delimiter") or max((",", ";", "\t"), key=lambda d: lines[0].count(d))
    rows = [r for r in csv.reader(lines, delimiter=delimiter) if r]
    names = meta["featureNames"]
    if options.get("header", True) is False:
        label = options["label"]
        features = [j for j in range(len(rows[0])) if j != label]
        if len(features) != len(names):
            raise ValueError("%s: %d feature columns, the model has %d features" % (path, len(features), len(names)))
        # Name the columns as the model does, so that the reader below matches them by name.
        rows = [[names[features.index(j)] if j in features else "label" for j in range(len(rows[0]))]] + rows
        options = dict(options, label="label", skipLines=options.get("skipLines", 0) - 1)
    header = rows[0]
    targets = meta["targetNames"]
    label = options.get("label")
    if label is None:
        used = {n.split("=", 1)[0] if n not in header else n for n in names}
        rest = [h for h in header if h not in used]
        label = targets[0] if targets else (rest[-1] if rest else header[-1])
    label_col = label if isinstance(label, int) else header.index(label) if label in header else None
    if label_col is None:
        raise ValueError("%s: no label column %r in the header %s" % (path, label, header))
    columns = []
    for name in names:
        if name in header:
            columns.append((header.index(name), None))
        elif "=" in name and name.split("=", 1)[0] in header:
            base, value = name.split("=", 1)
            columns.append((header.index(base), value))
        else:
            raise ValueError("%s: no column for the model's feature %r" % (path, name))
    classes = {c: i for i, c in enumerate(meta["classNames"])}
    x, y = [], []
    for line, row in enumerate(rows[1:], start=2 + options.get("skipLines", 0)):
        try:
            values = []
            for j, one_hot in columns:
                cell = row[j]
                if one_hot is not None:
                    values.append(1.0 if cell == one_hot else 0.0)
                elif DECIMAL.match(cell) and math.isfinite(float(cell)):
                    values.append(float(cell))
                else:
                    raise ValueError("column %r: %r is not a number" % (header[j], cell))
            cell = row[label_col]
            if classes:
                if label_key(cell) not in classes:
                    raise ValueError("label %r is not one of the model's classes %s" % (cell, list(classes)))
                target = classes[label_key(cell)]
            elif DECIMAL.match(cell.strip()):
                target = [float(cell)]
            else:
                raise ValueError("target %r is not a number" % cell)
        except (ValueError, IndexError) as err:
            if options.get("dropInvalid"):
                continue
            raise ValueError("%s, line %d: %s" % (path, line, err)) from None
        x.append(values)
        y.append(target)
    return np.array(x, dtype=np.float32).reshape(len(x), len(names)), y


def read_idx(path):
    """An idx file (optionally .gz) -> numpy uint8 array of its shape."""
    with (gzip.open if path.endswith(".gz") else open)(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def idx_pair(images, labels):
    pixels = read_idx(images)
    x = (pixels.reshape(len(pixels), -1).astype(np.float64) * (1 / 255)).astype(np.float32)
    return x, read_idx(labels).astype(np.int64).tolist()


def find_idx(folder, prefix, kind):
    for name in sorted(os.listdir(folder)):
        if name.startswith(prefix) and kind in name and "idx" in name:
            return os.path.join(folder, name)
    raise ValueError("%s: no %s %s idx file" % (folder, prefix, kind))


def load_rows(data, meta, here):
    """The source's rows in the app's order -> (x float32 N x D, labels, published test set or None)."""
    source = data["source"]
    if source is None:
        raise ValueError("no data source: pass --data (builtin:NAME, a CSV file or an idx folder)")
    if source in BUNDLED:
        name, options = BUNDLED[source]
        path = os.path.join(here, name)
        if not os.path.exists(path):
            raise ValueError("%s needs %s beside data.py (the app's resources/datasets/%s)" % (source, name, name))
        return read_csv(path, meta, options) + (None,)
    if not os.path.exists(source.split(",")[0]) and os.path.exists(os.path.join(here, source.split(",")[0])):
        source = ",".join(os.path.join(here, part) for part in source.split(","))  # a file name: beside the project
    if source.startswith("builtin:"):
        x, y = GENERATORS[source[len("builtin:"):]](data.get("samples"), data.get("noise"), data.get("generatorSeed", 0))
        return np.array(x, dtype=np.float32), y, None
    if os.path.isdir(source):
        train = idx_pair(find_idx(source, "train", "images"), find_idx(source, "train", "labels"))
        return train + (idx_pair(find_idx(source, "t10k", "images"), find_idx(source, "t10k", "labels")),)
    if "," in source:
        return idx_pair(*source.split(",", 1)) + (None,)
    return read_csv(source, meta, data) + (None,)


# --- the split and the normalization (src/core/datasets/split.ts, normalize.ts) ---

def js_round(v):
    """Math.round: halves go up (Python's round() goes to even)."""
    return math.floor(v + 0.5)


def split_indices(n, validation, test, rng, classes=None):
    """Train / validation / test row indices (each sorted), stratified by class when 'classes' is given."""
    groups = {}
    for i in range(n):
        groups.setdefault(classes[i] if classes is not None else 0, []).append(i)
    train, val, tst = [], [], []
    for key in sorted(groups):
        idx = rng.shuffle(np.array(groups[key], dtype=np.int64))
        n_test, n_val = js_round(len(idx) * test), js_round(len(idx) * validation)
        tst += idx[:n_test].tolist()
        val += idx[n_test:n_test + n_val].tolist()
        train += idx[n_test + n_val:].tolist()
    return [np.array(sorted(s), dtype=np.int64) for s in (train, val, tst)]


def fit_normalization(x, kind):
    """What the app fits on the training rows (used to check that this split is the app's: see prepare)."""
    if kind == "none" or len(x) == 0:
        return np.zeros(x.shape[1]), np.ones(x.shape[1])
    x = x.astype(np.float64)
    if kind == "minmax":
        lo, hi = x.min(0), x.max(0)
        return lo, np.where(hi > lo, hi - lo, 1.0)
    mean = x.mean(0)
    std = np.sqrt(((x - mean) ** 2).mean(0))
    return mean, np.where(std > 1e-12, std, 1.0)


def normalize(x, norm):
    """x' = (x - offset) * (1 / scale), in float64 then float32, as the app stores its prepared splits."""
    if norm["kind"] == "none":
        return x.astype(np.float32)
    inv = 1 / np.asarray(norm["scale"], dtype=np.float64)
    return ((x.astype(np.float64) - np.asarray(norm["offset"], dtype=np.float64)) * inv).astype(np.float32)


def prepare(data, meta, here="."):
    """-> dict of splits {"train", "validation", "test"}: (x float32 normalized, y) or None, and a note on the split.

    data: {"source", "validation", "test", "seed", "stratify", "normalize", CSV options...}. The stored normalization
    is applied; the one refitted on this train split is compared with it, which checks that the rows are the app's.
    """
    x, y, published = load_rows(data, meta, here)
    classification = bool(meta["classNames"])
    rng = Rng(data["seed"])
    stratify = data.get("stratify", True) and classification
    test_fraction = 0 if published is not None else data["test"]
    parts = split_indices(len(x), data["validation"], test_fraction, rng, y if stratify else None)
    y = np.array(y, dtype=np.int64 if classification else np.float32)
    splits = {name: (x[rows], y[rows]) if len(rows) else None for name, rows in zip(("train", "validation", "test"), parts)}
    if published is not None:
        splits["test"] = (published[0], np.array(published[1], dtype=np.int64))
    norm = meta["normalization"]
    offset, scale = fit_normalization(splits["train"][0], norm["kind"])
    same = np.allclose(offset, norm["offset"], rtol=1e-6, atol=1e-9) and np.allclose(scale, norm["scale"], rtol=1e-6, atol=1e-9)
    note = None if same else "the normalization fitted on this train split differs from the stored one: not the app's rows"
    out = {k: (normalize(v[0], norm), v[1]) if v is not None else None for k, v in splits.items()}
    return out, note
`;
