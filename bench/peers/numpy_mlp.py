"""Peer benchmark: the same MLP training step as Backprop Studio's engine, in numpy (float32, SGD, batch 100).

Usage: python3 numpy_mlp.py 784,50,10 SECONDS
Prints one JSON line: {"samplesPerSecond": …, "blas": …}. Forward Affine→ReLU…→Affine→softmax cross-entropy,
backward by hand (the book's layers), SGD update; time is this process's CPU time after a warm-up.
"""
import json
import sys
import time

import numpy as np


def main():
    widths = [int(w) for w in sys.argv[1].split(",")]
    seconds = float(sys.argv[2])
    rng = np.random.default_rng(7)
    n, lr = 100, np.float32(0.1)
    data = rng.random((2000, widths[0]), dtype=np.float32)
    labels = rng.integers(0, widths[-1], 2000)
    params = [(rng.standard_normal((a, b), dtype=np.float32) * np.float32(0.01), np.zeros(b, np.float32))
              for a, b in zip(widths[:-1], widths[1:])]

    def step(batch):
        x, t = data[batch], labels[batch]
        activations = [x]
        for i, (w, b) in enumerate(params):
            z = activations[-1] @ w + b
            activations.append(np.maximum(z, 0) if i + 1 < len(params) else z)
        logits = activations[-1]
        y = np.exp(logits - logits.max(axis=1, keepdims=True))
        y /= y.sum(axis=1, keepdims=True)
        dout = y
        dout[np.arange(n), t] -= 1
        dout /= n
        for i in range(len(params) - 1, -1, -1):
            w, b = params[i]
            x_in = activations[i]
            dw, db = x_in.T @ dout, dout.sum(axis=0)
            if i > 0:
                dout = (dout @ w.T) * (x_in > 0)
            w -= lr * dw
            b -= lr * db

    order = rng.permutation(2000)
    batches = [order[i:i + n] for i in range(0, 2000, n)]
    for k in range(20):
        step(batches[k % len(batches)])
    steps, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        step(batches[steps % len(batches)])
        steps += 1
    elapsed = time.process_time() - start
    try:
        from threadpoolctl import threadpool_info
        blas = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} ×{i.get('num_threads')}"
                for i in threadpool_info() if i.get("user_api") == "blas"]
    except ImportError:
        blas = []
    print(json.dumps({"samplesPerSecond": steps * n / elapsed, "blas": blas}))


if __name__ == "__main__":
    main()
