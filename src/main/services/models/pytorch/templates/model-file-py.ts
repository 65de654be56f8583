/** The project's model_file.py: reads and writes Backprop Studio model files (safetensors + JSON metadata) from Python. */

export const MODEL_FILE_PY = String.raw`
"""Read and write Backprop Studio model files (safetensors + JSON metadata), so weights go both ways unchanged.

Reading uses the 'safetensors' package when it is installed, else the plain NumPy reader below (the one our README
shows). Writing always uses the NumPy writer: contiguous tensors in the network's order, the header padded with
spaces to 8 bytes, exactly what the app writes and accepts.
"""
import json
import os
import struct
import zlib

import numpy as np

FORMAT_KEY = "backprop-studio.format"
CHECKSUM_KEY = "tensor_crc32"  # name -> CRC-32 of the tensor's little-endian bytes, 8 hex digits
DTYPES = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8")}
MAX_HEADER_BYTES = 16 * 1024 * 1024
PLAIN_STRING_KEYS = (FORMAT_KEY, "datasetName")  # every other metadata value is a JSON text


def _read_numpy(path):
    """(tensors by name as numpy arrays, metadata strings) with nothing but json, struct and numpy."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        raise ValueError("%s: too short for a safetensors header" % path)
    (n,) = struct.unpack("<Q", data[:8])
    if n > MAX_HEADER_BYTES or 8 + n > len(data):
        raise ValueError("%s: header length %d is not plausible" % (path, n))
    header = json.loads(data[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        if info["dtype"] not in DTYPES:
            raise ValueError("%s: tensor %s has dtype %s, expected F32 or F64" % (path, name, info["dtype"]))
        dtype = DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        count = int(np.prod(info["shape"], dtype=np.int64))
        if end - begin != count * dtype.itemsize or 8 + n + end > len(data):
            raise ValueError("%s: tensor %s has an inconsistent byte range" % (path, name))
        tensors[name] = np.frombuffer(data, dtype=dtype, count=count, offset=8 + n + begin).reshape(info["shape"]).copy()
    return tensors, meta


def _read_package(path):
    """The same with the 'safetensors' package (raises ImportError when it is absent)."""
    from safetensors import safe_open  # noqa: PLC0415 (optional dependency)

    with safe_open(path, framework="np") as f:
        return {k: f.get_tensor(k) for k in f.keys()}, dict(f.metadata() or {})


def read_model_file(path):
    """Path -> (tensors, metadata) with the JSON metadata values decoded; refuses files that are not ours."""
    try:
        tensors, raw = _read_package(path)
    except ImportError:
        tensors, raw = _read_numpy(path)
    if raw.get(FORMAT_KEY) != "1":
        raise ValueError("%s: not a version-1 Backprop Studio model (metadata %s is %r)" % (path, FORMAT_KEY, raw.get(FORMAT_KEY)))
    meta = {k: (v if k in PLAIN_STRING_KEYS else json.loads(v)) for k, v in raw.items()}
    return tensors, meta


def write_model_file(path, tensors, meta):
    """Write (name, numpy array) pairs and a decoded metadata dict atomically (a temporary file, then rename)."""
    dtype_names = {np.dtype("float32"): "F32", np.dtype("float64"): "F64"}
    header = {"__metadata__": {k: (v if k in PLAIN_STRING_KEYS else json.dumps(v, allow_nan=False)) for k, v in meta.items()}}
    blobs, offset, checksums = [], 0, {}
    for name, array in tensors:
        array = np.ascontiguousarray(array)
        blob = array.astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": dtype_names[array.dtype], "shape": list(array.shape), "data_offsets": [offset, offset + len(blob)]}
        checksums[name] = "%08x" % (zlib.crc32(blob) & 0xFFFFFFFF)
        blobs.append(blob)
        offset += len(blob)
    # Each tensor's CRC-32 of the bytes written (the app verifies them on load; stale ones from the input are replaced).
    header["__metadata__"][CHECKSUM_KEY] = json.dumps(checksums, separators=(",", ":"))
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the tensor data starts 8-byte aligned
    tmp = "%s.tmp-%d" % (path, os.getpid())
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
`;
