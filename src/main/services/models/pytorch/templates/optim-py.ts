/** The project's optim.py: the app's six optimizers (book forms) as torch.optim.Optimizer subclasses, and the LR schedules. */

export const OPTIM_PY = String.raw`
"""The app's six optimizers and three learning-rate schedules, as torch.optim.Optimizer subclasses.

They follow "Deep Learning from Scratch" (ch. 6), which differs from torch.optim in places that change a run:
- Momentum keeps v = m*v - lr*dW and adds it (torch's SGD keeps a buffer of raw gradients and multiplies by the
  CURRENT lr: the same only while lr is constant).
- Nesterov is the book's W += m*m*v - (1+m)*lr*dW with the new v; torch's nesterov=True uses the old buffer.
- AdaGrad and RMSprop add 1e-7 to sqrt(h) (torch: eps=1e-10 and 1e-8); RMSprop has no momentum or centring.
- Adam folds both bias corrections into lr_t = lr*sqrt(1 - b2^t)/(1 - b1^t) and adds 1e-7 to sqrt(v), i.e. torch's
  eps would have to be 1e-7*sqrt(1 - b2^t), a different value at every step: no torch.optim.Adam setting matches.
- Weight decay is NOT an optimizer setting: the app adds lambda*W to the gradient of every Affine weight (never
  to biases or BatchNorm parameters) before the optimizer runs, for every optimizer (train.py does the same).
State is float64 whatever the network's precision, and every update is computed in float64 then stored in the
parameter's dtype, exactly as the app's engine does.
"""
import math

import torch

EPSILON = 1e-7


class BookOptimizer(torch.optim.Optimizer):
    """Common loop: for each parameter with a gradient, update(w, g, state, group) on float64 views, then store."""

    @torch.no_grad()
    def step(self, closure=None):
        self.begin_step()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                w, g = p.double(), p.grad.double()  # p itself when it is float64
                self.update(w, g, self.state[p], group)
                if w is not p:
                    p.copy_(w)

    def begin_step(self):
        """Called once per step before any parameter (Adam counts t here)."""

    def buffer(self, state, key, w):
        if key not in state:
            state[key] = torch.zeros_like(w, dtype=torch.float64)
        return state[key]


class SGD(BookOptimizer):
    """W <- W - lr*dW (torch.optim.SGD(lr=lr) is the same update)."""

    def __init__(self, params, lr):
        super().__init__(params, dict(lr=lr))

    def update(self, w, g, state, group):
        w.sub_(group["lr"] * g)


class Momentum(BookOptimizer):
    """v <- m*v - lr*dW; W <- W + v."""

    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    def update(self, w, g, state, group):
        v = self.buffer(state, "v", w)
        v.mul_(group["momentum"]).sub_(group["lr"] * g)
        w.add_(v)


class Nesterov(BookOptimizer):
    """v <- m*v - lr*dW; W <- W + (m*m*v - (1+m)*lr*dW)."""

    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    def update(self, w, g, state, group):
        m, lr = group["momentum"], group["lr"]
        v = self.buffer(state, "v", w)
        v.mul_(m).sub_(lr * g)
        w.add_(m * m * v - (1 + m) * lr * g)


class AdaGrad(BookOptimizer):
    """h <- h + dW^2; W <- W - lr*dW / (sqrt(h) + 1e-7)."""

    def __init__(self, params, lr):
        super().__init__(params, dict(lr=lr))

    def update(self, w, g, state, group):
        h = self.buffer(state, "h", w)
        h.add_(g * g)
        w.sub_(group["lr"] * g / (h.sqrt() + EPSILON))


class RMSprop(BookOptimizer):
    """h <- rho*h + (1 - rho)*dW^2; W <- W - lr*dW / (sqrt(h) + 1e-7)."""

    def __init__(self, params, lr, decay_rate=0.99):
        super().__init__(params, dict(lr=lr, decay_rate=decay_rate))

    def update(self, w, g, state, group):
        rho = group["decay_rate"]
        h = self.buffer(state, "h", w)
        h.mul_(rho).add_((1 - rho) * g * g)
        w.sub_(group["lr"] * g / (h.sqrt() + EPSILON))


class Adam(BookOptimizer):
    """t <- t+1; lr_t = lr*sqrt(1 - b2^t)/(1 - b1^t); m += (1-b1)(dW - m); v += (1-b2)(dW^2 - v); W -= lr_t*m/(sqrt(v)+1e-7)."""

    def __init__(self, params, lr, beta1=0.9, beta2=0.999):
        super().__init__(params, dict(lr=lr, beta1=beta1, beta2=beta2))
        self.t = 0  # one step count for the whole optimizer, as in the app

    def begin_step(self):
        self.t += 1

    def update(self, w, g, state, group):
        b1, b2 = group["beta1"], group["beta2"]
        lr_t = group["lr"] * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
        m, v = self.buffer(state, "m", w), self.buffer(state, "v", w)
        m.add_((1 - b1) * (g - m))
        v.add_((1 - b2) * (g * g - v))
        w.sub_(lr_t * m / (v.sqrt() + EPSILON))


def create_optimizer(params, config):
    """The optimizer a trainingConfig names, with the app's defaults for missing hyper-parameters."""
    lr, name = config["learningRate"], config["optimizer"]
    if name == "sgd":
        return SGD(params, lr)
    if name in ("momentum", "nesterov"):
        return (Momentum if name == "momentum" else Nesterov)(params, lr, config.get("momentum", 0.9))
    if name == "adagrad":
        return AdaGrad(params, lr)
    if name == "rmsprop":
        return RMSprop(params, lr, config.get("decayRate", 0.99))
    if name == "adam":
        return Adam(params, lr, config.get("beta1", 0.9), config.get("beta2", 0.999))
    raise ValueError("unknown optimizer %r; expected sgd, momentum, nesterov, adagrad, rmsprop or adam" % name)


def learning_rate_at(config, iteration):
    """The learning rate of 0-based 'iteration': constant, x gamma every stepSize iterations, or cosine to a minimum.

    torch's StepLR (stepped per iteration) matches 'step'; CosineAnnealingLR does not match 'cosine' exactly: it
    is computed recursively, and it rises again after T_max where the app holds the minimum.
    """
    lr, s = config["learningRate"], config["schedule"]
    if s["kind"] == "constant":
        return lr
    if s["kind"] == "step":
        return lr * s["gamma"] ** (iteration // s["stepSize"])
    if s["kind"] == "cosine":
        progress = min(iteration, s["totalIterations"]) / s["totalIterations"]
        return s["minLearningRate"] + 0.5 * (lr - s["minLearningRate"]) * (1 + math.cos(math.pi * progress))
    raise ValueError("unknown schedule %r" % s["kind"])
`;
