/** The project's train.py: the app's training loop on CPU, one GPU or torchrun (DDP + DistributedSampler). */

export const TRAIN_PY = String.raw`
"""Train the exported network as the app does: on the CPU, one GPU (--device cuda), or many (torchrun).

    python3 train.py                                  # the run's settings from config.json, the app's seeded init
    python3 train.py --from-weights model.safetensors --epochs 20   # continue from the exported weights
    torchrun --nproc_per_node 4 train.py --device cuda               # data-parallel (DistributedDataParallel)

Single process: the batch order (the app's shuffle), Dropout masks, initialisation, optimizer and schedule are
the app's, so a float64 run follows the app's run to rounding. With N processes, a DistributedSampler deals each
global batch of --batch-size rows (the app's batch) over the ranks, batch-size / N rows each, and DDP averages the
gradients: the same update, up to summation order, except that BatchNorm and Dropout see per-process batches.
Rank 0 logs, writes OUT/model.safetensors (opens in Backprop Studio) and OUT/epochs.csv (with the seconds spent in
training steps and the rows trained on so far), OUT/losses.csv.
"""
import argparse
import csv
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import BatchSampler, DistributedSampler

import data as data_module
from model import Network
from model_file import read_model_file
from optim import create_optimizer, learning_rate_at
from rng import Rng, derive_seed

HERE = os.path.dirname(os.path.abspath(__file__))


class AppOrderSampler(DistributedSampler):
    """DistributedSampler whose epoch order is the app's: Rng(seed) shuffles 0..n-1 once, then again (in place,
    continuing the same stream) after every epoch. Ranks take every num_replicas-th index, as DistributedSampler
    does, so with per-rank batches of B / N rows, global batch k is exactly the app's batch k."""

    def __init__(self, n, seed, num_replicas, rank):
        super().__init__(range(n), num_replicas=num_replicas, rank=rank, shuffle=False)
        self.rng = Rng(seed)
        self.orders = [self.rng.shuffle(torch.arange(n).numpy().copy())]

    def __iter__(self):
        while len(self.orders) <= self.epoch:
            self.orders.append(self.rng.shuffle(self.orders[-1].copy()))
        order = self.orders[self.epoch].tolist()
        order += order[: self.total_size - len(order)]  # pad like DistributedSampler (a no-op with one process)
        return iter(order[self.rank : self.total_size : self.num_replicas])


def parse_args(config):
    t, d = config["trainingConfig"], config["data"]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--model", default=os.path.join(HERE, "model.safetensors"), help="the exported model file (architecture, normalization)")
    p.add_argument("--from-weights", nargs="?", const="", default=None, metavar="FILE",
                   help="start from these weights (default: the exported model's) instead of the app's seeded init")
    p.add_argument("--data", default=d.get("source"), help="builtin:NAME, a CSV file, an idx folder or images,labels idx pair")
    p.add_argument("--label", default=d.get("label"), help="CSV label column (name)")
    p.add_argument("--delimiter", default=d.get("delimiter"))
    p.add_argument("--skip-lines", type=int, default=d.get("skipLines", 0))
    p.add_argument("--drop-invalid", action="store_true", default=d.get("dropInvalid", False))
    p.add_argument("--val", type=float, default=d.get("validation", 0.1))
    p.add_argument("--test", type=float, default=d.get("test", 0.1))
    p.add_argument("--split-seed", type=int, default=d.get("seed", t["seed"]))
    p.add_argument("--epochs", type=int, default=t["epochs"])
    p.add_argument("--max-iterations", type=int, default=t.get("maxIterations"))
    p.add_argument("--batch-size", type=int, default=t["batchSize"])
    p.add_argument("--lr", type=float, default=t["learningRate"])
    p.add_argument("--seed", type=int, default=t["seed"], help="init, batch order and Dropout seed")
    p.add_argument("--patience", type=int, default=t.get("patience"), help="early stopping (epochs without a better validation loss)")
    p.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N (with torchrun: each rank uses cuda:LOCAL_RANK)")
    p.add_argument("--out", default="trained", help="folder for model.safetensors, epochs.csv and losses.csv")
    p.add_argument("--quiet", action="store_true")
    return p.parse_args()


def evaluate(net, split, batch=1024):
    """Inference-mode mean data loss and accuracy (None for regression) over a split."""
    x, y = split
    net.eval()
    loss, correct = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(x), batch):
            xb, yb = x[start:start + batch], y[start:start + batch]
            scores = net(xb)
            loss += net.data_loss(scores, yb).item() * len(xb)
            if net.loss == "SoftmaxWithLoss":
                correct += int((scores.argmax(1) == yb).sum())
    net.train()
    return {"loss": loss / len(x), "accuracy": correct / len(x) if net.loss == "SoftmaxWithLoss" else None}


def train_step(net, model, optimizer, xb, yb, lr, weight_decay):
    """One batch: loss, backward, L2 on the Affine weights (lambda*W added to dW, the app's way), finite check, update.

    'model' is 'net' or its DDP wrapper. Returns the loss (with the lambda/2 * sum W^2 term), or None when the loss
    or a gradient is not finite (the update is then skipped, as the app does).
    """
    optimizer.zero_grad(set_to_none=True)
    loss = net.data_loss(model(xb), yb)
    loss.backward()
    with torch.no_grad():
        if weight_decay:
            for w in net.linear_weights():
                w.grad.add_(weight_decay * w)
            loss = loss + 0.5 * weight_decay * sum((w * w).sum() for w in net.linear_weights())
        if not math.isfinite(loss.item()) or any(not torch.isfinite(p.grad).all() for p in net.parameters() if p.grad is not None):
            return None
    for group in optimizer.param_groups:
        group["lr"] = lr
    optimizer.step()
    return loss.item()


def main():
    with open(os.path.join(HERE, "config.json")) as f:
        config = json.load(f)
    args = parse_args(config)
    distributed = "WORLD_SIZE" in os.environ and int(os.environ["WORLD_SIZE"]) > 1
    rank, world = (int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])) if distributed else (0, 1)
    device = torch.device(args.device)
    if distributed:
        if device.type == "cuda":
            device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", 0)))
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    if args.batch_size % world:
        sys.exit("--batch-size %d is not a multiple of the %d processes" % (args.batch_size, world))
    log = (lambda *a: None) if rank or args.quiet else print

    tensors, meta = read_model_file(args.model)
    tc = dict(config["trainingConfig"], epochs=args.epochs, batchSize=args.batch_size, learningRate=args.lr, seed=args.seed,
              patience=args.patience)
    if args.max_iterations is None:
        tc.pop("maxIterations", None)
    else:
        tc["maxIterations"] = args.max_iterations
    meta = dict(meta, trainingConfig=tc)
    data_opts = dict(config["data"], source=args.data, label=args.label, delimiter=args.delimiter, skipLines=args.skip_lines,
                     dropInvalid=args.drop_invalid, validation=args.val, test=args.test, seed=args.split_seed)
    splits, note = data_module.prepare(data_opts, meta, HERE)
    if note:
        log("warning:", note)
    dtype = torch.float32 if meta["precision"] == "float32" else torch.float64
    ydtype = torch.int64 if meta["classNames"] else dtype
    splits = {k: (torch.from_numpy(v[0]).to(dtype).to(device), torch.from_numpy(v[1]).to(ydtype).to(device)) if v else None
              for k, v in splits.items()}

    net = Network(meta, Rng(derive_seed(args.seed, 1 + rank)))  # rank 0: the app's Dropout stream
    if args.from_weights is None:
        net.init_weights(args.seed)
    else:
        net.load_app_tensors(read_model_file(args.from_weights or args.model)[0])
    net.to(device).train()
    model = DistributedDataParallel(net) if distributed else net
    optimizer = create_optimizer(net.parameters(), tc)
    x, y = splits["train"]
    sampler = AppOrderSampler(len(x), args.seed, world, rank)
    batches = BatchSampler(sampler, args.batch_size // world, drop_last=False)

    os.makedirs(args.out, exist_ok=True)
    losses, epochs, iteration, best, waited, reason = [], [], 0, math.inf, 0, "completed"
    # The time spent in training steps (evaluations left out) and the rows trained on, all processes together.
    train_seconds, samples = 0.0, 0
    for epoch in range(tc["epochs"]):
        sampler.set_epoch(epoch)
        started, epoch_rows = time.perf_counter(), 0
        for rows in batches:
            loss = train_step(net, model, optimizer, x[rows], y[rows], learning_rate_at(tc, iteration), tc["weightDecay"])
            if loss is None:
                reason = "nan"
                break
            iteration += 1
            epoch_rows += len(rows)
            losses.append((iteration, loss))
            if tc.get("maxIterations") and iteration >= tc["maxIterations"]:
                reason = "max-iterations"
                break
        if reason == "nan":
            break
        train_seconds += time.perf_counter() - started
        if distributed:
            count = torch.tensor([epoch_rows], dtype=torch.int64, device=device)
            dist.all_reduce(count)
            epoch_rows = int(count.item())
        samples += epoch_rows
        row = {"epoch": epoch + 1, "iteration": iteration, "train": evaluate(net, splits["train"]),
               "validation": evaluate(net, splits["validation"]) if splits["validation"] else None,
               "train_seconds": train_seconds, "samples": samples}
        epochs.append(row)
        log("epoch %d  iteration %d  train loss %.4f%s" % (epoch + 1, iteration, row["train"]["loss"],
            "  validation loss %.4f" % row["validation"]["loss"] if row["validation"] else ""))
        if reason == "max-iterations":
            break
        if row["validation"] and tc.get("patience") is not None:
            if row["validation"]["loss"] < best:
                best, waited = row["validation"]["loss"], 0
            else:
                waited += 1
                if waited >= tc["patience"]:
                    reason = "early-stopped"
                    break

    if rank == 0:
        metrics = {k: evaluate(net, v) if v else None for k, v in splits.items()}
        net.save(os.path.join(args.out, "model.safetensors"), {"metrics": metrics})
        write_curves(args.out, losses, epochs)
        log("%s after %d iterations; wrote %s" % (reason, iteration, os.path.join(args.out, "model.safetensors")))
    if distributed:
        dist.destroy_process_group()
    return 1 if reason == "nan" else 0


def write_curves(out, losses, epochs):
    with open(os.path.join(out, "losses.csv"), "w", newline="") as f:
        csv.writer(f).writerows([("iteration", "loss")] + losses)
    with open(os.path.join(out, "epochs.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(("epoch", "iteration", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy",
                    "train_seconds", "samples"))
        for e in epochs:
            v = e["validation"] or {"loss": "", "accuracy": ""}
            w.writerow((e["epoch"], e["iteration"], e["train"]["loss"], e["train"]["accuracy"], v["loss"], v["accuracy"],
                        "%.6f" % e["train_seconds"], e["samples"]))


if __name__ == "__main__":
    sys.exit(main())
`;
