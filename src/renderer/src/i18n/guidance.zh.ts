/** 引导相关的中文文案：“从这里开始”卡片、各训练设置与层类型的说明（书中第 5–6 章）、特征尺度警告、阻止训练的原因、添加层的位置。 */
import type { guidanceEn } from './guidance.en';

export const guidanceZh: Record<keyof typeof guidanceEn, string> = {
  'field.rangeOpen': '{min} 到 {max} 之间的数（不含上限）',
  'field.integerAnd': '{integer}，',
  'help.about': '关于“{label}”',

  'blockers.reason': '无法训练：{message}',
  'blockers.more': '（另有 {count} 处）',
  'blockers.noDataset': '无法训练：请先加载数据集',

  'start.heading': '从这里开始',
  'start.intro': '三步完成第一次训练。有了训练记录后，这张卡片就会消失。',
  'start.dataset': '加载数据集',
  'start.dataset.loaded': '已加载：{name}',
  'start.dataset.open': '打开 CSV…',
  'start.dataset.builtin': '选择内置数据集',
  'start.preset': '选择预设网络',
  'start.preset.choose': '选择预设',
  'start.train': '训练',
  'start.train.go': '立即训练',
  'start.done': '已完成',

  'scale.warning':
    '各特征的取值范围相差 {ratio} 倍：“{wide}”的跨度为 {wideRange}，而“{narrow}”只有 {narrowRange}。不做归一化时，跨度最大的特征会主导梯度，适合某个特征的学习率对另一个特征来说就太大了。',
  'scale.useZscore': '改用 Z-score',

  'wizard.quote': '引号字符',
  'wizard.quote.double': '双引号（"）',
  'wizard.quote.single': "单引号（'）",
  'wizard.quote.none': '无（引号按普通文本处理）',

  'arch.position': '插入位置',
  'arch.position.start': '最前面',
  'arch.position.after': '第 {index} 层之后',
  'arch.select': '选中第 {index} 层',

  'help.optimizer.sgd':
    'SGD：W ← W − η·∂L/∂W，每个小批量沿梯度反方向走一步。简单、可预测，但在平缓方向上前进慢，在陡峭方向上来回振荡（第 6.1 节）。常用学习率 0.01–0.1。',
  'help.optimizer.momentum':
    'Momentum（动量）：速度 v ← αv − η·∂L/∂W 像滚下山坡的小球一样累积过去的梯度，再令 W ← W + v，从而抑制 SGD 的之字形振荡（第 6.1 节）。常用 α = 0.9，学习率 0.01。',
  'help.optimizer.nesterov':
    'Nesterov 动量：与 Momentum 类似，但在速度即将把权重带到的位置计算梯度，因此能更早纠正过冲。常用 α = 0.9，学习率 0.01。',
  'help.optimizer.adagrad':
    'AdaGrad：每个权重有自己的学习率 η/√h，h 累加该权重梯度的平方，更新得越多的权重步子越小（第 6.1 节）。学习率只减不增，训练可能停滞。常用学习率 0.01–0.1。',
  'help.optimizer.rmsprop':
    'RMSprop：会“遗忘”的 AdaGrad——h 是梯度平方的移动平均，旧梯度逐渐淡出，训练不会停滞。常用衰减率 0.99，学习率 0.001–0.01。',
  'help.optimizer.adam':
    'Adam：Momentum 加上 AdaGrad 式的逐权重学习率——对梯度（β₁）及其平方（β₂）做移动平均，并在开始时做偏差修正（第 6.1 节）。稳健的默认选择。常用学习率 0.001–0.01，β₁ = 0.9，β₂ = 0.999。',
  'help.train.learningRate':
    '学习率 η：每次更新沿 −∂L/∂W 移动权重的步长。太大时损失会跳动甚至变成 NaN，太小时几乎不动（第 4、6 章）。SGD 常用 0.01，Adam 常用 0.001；按 10 倍的间隔尝试。',
  'help.train.schedule':
    '学习率调度：训练过程中学习率如何变化。“恒定”保持 η 不变；“阶梯衰减”每 N 次迭代乘以 γ；“余弦”平滑地降到最小值。先大步、后小步往往能得到更低的损失。一般先用“恒定”。',
  'help.train.stepSize': '衰减间隔：两次学习率衰减之间的迭代（小批量更新）次数。一般取几个 epoch 的迭代数。',
  'help.train.gamma': '衰减系数 γ：每次衰减把学习率乘以 γ。常用 0.1–0.5。',
  'help.train.minLr': '最小学习率：余弦调度结束时的学习率。一般取初始学习率的 1/100。',
  'help.train.batchSize':
    '批大小：每个小批量的行数，每次更新沿这么多样本的平均梯度进行（第 4.2 节）。批量越大，梯度越平滑，但每个 epoch 的更新次数越少；批量越小，噪声越大。常用 32–128（书中用 100）。',
  'help.train.epochs':
    'Epoch 数：完整遍历训练数据的次数（一个 epoch = N ÷ 批大小 次迭代）。epoch 越多拟合越好，直到验证损失开始上升——这就是过拟合（第 6.4 节）。小数据常用 20–300；最多 100,000。',
  'help.train.weightDecay':
    '权值衰减 λ：在损失中加上 ½λ‖W‖²（每个权重的梯度加上 λW），把权重拉向 0，以抑制过拟合（第 6.4.2 节）。常用 0（关闭），或 1e-4 到 0.1。',
  'help.train.seed':
    '随机种子：权重初始化、打乱顺序、数据划分和 Dropout 所用随机数的起点。相同的种子和设置得到相同的训练结果；换一个种子可以看出结果的波动有多大。任意整数均可，例如 42。',
  'help.train.precision':
    '精度：float32（默认）速度快，足够训练使用；float64 更慢但更精确。梯度检验始终使用 float64（第 5.7 节）。',
  'help.train.threads':
    '每次运行的线程数：多少个工作线程分担每个小批量。“自动”在网络和批量足够大、能从中获益时使用 2 个线程。一般选“自动”。',
  'help.train.earlyStopping':
    '早停：验证损失连续“耐心”个 epoch 没有改善时停止训练，并保留最佳权重——一种简单的防过拟合手段（第 6.4 节）。需要验证集比例大于 0。',
  'help.train.patience': '耐心：验证损失没有变好的 epoch 数达到该值时停止训练。常用 5–20。',
  'help.dataset.normalize':
    '归一化：只用训练集各行的统计量对每个特征重新缩放。Z-score 使均值为 0、标准差为 1（与 Batch Norm 在网络内部所做的相同，第 6.3 节）；最小–最大把值映射到 [0, 1]。各特征尺度相差很大时，任何一个学习率都无法同时适合它们。一般用 Z-score。',
  'help.dataset.validation':
    '验证集比例：留出的行，每个 epoch 后用来衡量泛化能力；训练损失下降而验证损失上升就是过拟合（第 6.4 节）。常用 0.2。',
  'help.dataset.test': '测试集比例：留作最终评分的行，绝不用于选择设置（第 6.5 节）。常用 0 到 0.2。',
  'help.arch.units':
    '单元数：该 Affine 层的输出数（W 的形状为 输入数 × 单元数）。单元越多能拟合越复杂的函数，但也更早过拟合。常用 16–100（书中的 TwoLayerNet 用 50）。',
  'help.arch.init':
    '权重初始化：随机初始权重的尺度（第 6.2 节）。He（σ = √(2/n)）适合 ReLU；Xavier（σ = √(1/n)）适合 Sigmoid 和 Tanh；固定的 σ（如 0.01）在深层网络中会使激活值消失。权重全部相同则行不通：每个单元都会学到同样的东西。默认：ReLU 之前用 He，否则用 Xavier。',
  'help.arch.std': 'σ：初始权重 N(0, σ²) 的标准差。常用 0.01（书中最初的网络）；太小激活值会消失，太大则会饱和（第 6.2 节）。',
  'help.arch.ratio':
    'Dropout 比例：每个训练步随机关闭的单元所占比例；测试时保留全部单元并按比例缩放，效果相当于对许多更“瘦”的网络取平均（第 6.4.3 节）。常用 0.1–0.5。',
  'help.arch.momentum': 'BN 动量：每一步保留多少运行均值和方差（测试时用它们代替当前批次的统计量）。常用 0.9。',
  'help.layer.affine':
    'Affine：全连接层 Y = X·W + b；反向传播得到 dX = dY·Wᵀ，dW = Xᵀ·dY，db = Σ dY（第 5.6 节）。常用 16–100 个单元，后接激活层。',
  'help.layer.relu':
    'ReLU：y = max(0, x)；反向传播在 x > 0 处传回 dout，其余处为 0（第 5.5 节）。最常用的隐藏层激活函数；搭配 He 初始化。',
  'help.layer.sigmoid':
    'Sigmoid：y = 1 / (1 + e⁻ˣ)；反向传播 dx = dout·y·(1 − y)（第 5.5 节）。其斜率最大只有 0.25，层数多时学习缓慢（梯度消失）；搭配 Xavier 初始化。',
  'help.layer.tanh':
    'Tanh：y = tanh x，以 0 为中心；反向传播 dx = dout·(1 − y²)。与 Sigmoid 一样，|x| 较大时会变平；搭配 Xavier 初始化。',
  'help.layer.dropout':
    'Dropout：训练时每个单元以“比例”的概率被关闭（随机掩码，反向传播时沿用）；测试时全部通过并按比例缩放（第 6.4.3 节）。用于抑制过拟合；常用比例 0.1–0.5，放在激活层之后。',
  'help.layer.batchNormalization':
    'Batch Norm：在小批量上把每个单元归一化为均值 0、方差 1，再乘以 γ、加上 β（第 6.3 节）。训练更快，对初始化不那么敏感，还有一点正则化作用。常放在 Affine 与其激活层之间。',
  'help.layer.softmaxWithLoss':
    'Softmax-with-Loss：把得分转为各类别的概率并计算交叉熵误差；反向传播就是 (y − t) / N（第 5.6.3 节）。分类任务的最后一层。',
  'help.layer.identityWithLoss':
    'Identity-with-Loss：原样输出得分，计算平方误差的一半并对行取平均；反向传播为 (y − t) / N。回归任务的最后一层。',
};
