// A "Playground-style JS engine": the algorithm that TensorFlow Playground's nn.ts
// documents, written here from that description (not from its code), so the benchmark
// can run the Playground's way of training beside ours in one process.
//
// The algorithm: every unit is an object with its input links and output links; every
// link is an object with its weight and its accumulated derivative. Training goes one
// example at a time: a forward pass through all units, then backpropagation of the
// squared error that adds each example's derivatives to the accumulators; every
// `batchSize` examples the weights and biases move by the learning rate times the mean
// accumulated derivative. The per-frame work (Playground's oneStep + loss + heatmaps):
// one pass over the training data, the loss on the training and the test data (one
// forward pass per point), and a forward pass at each of 100 x 100 grid points that
// keeps every unit's output for its heatmap.

/** tanh and its derivative as Playground defines them (the derivative from the input). */
export const TANH = {
  output: (x) => Math.tanh(x),
  der: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
};

/** Half the squared error, as Playground's square loss. */
export const SQUARE_ERROR = {
  error: (output, target) => 0.5 * (output - target) * (output - target),
  der: (output, target) => output - target,
};

class Unit {
  constructor(id, activation) {
    this.id = id;
    this.activation = activation;
    this.inLinks = [];
    this.outLinks = [];
    this.bias = 0.1;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0; // dE/d(output)
    this.inputDer = 0; // dE/d(totalInput)
    this.accInputDer = 0; // inputDer summed over the examples of the batch
    this.numAccumulatedDers = 0;
  }

  forward() {
    let z = this.bias;
    for (const link of this.inLinks) z += link.weight * link.source.output;
    this.totalInput = z;
    this.output = this.activation.output(z);
    return this.output;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.errorDer = 0; // dE/d(weight) for the current example
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

/**
 * A network as a list of layers of units. sizes = [n0, n1, ..., nL]; weights[l][j][i]
 * and biases[l][j] (layer l = 0 is the first layer after the input) when given, else
 * Playground's initialisation (weights uniform in [-0.5, 0.5], biases 0.1) from `random`.
 */
export function buildNetwork(sizes, { activation = TANH, outputActivation = TANH, weights, biases, random = Math.random } = {}) {
  const network = [];
  let id = 0;
  for (let l = 0; l < sizes.length; l++) {
    const isOutput = l === sizes.length - 1;
    const layer = [];
    for (let j = 0; j < sizes[l]; j++) {
      const unit = new Unit(l === 0 ? `x${j + 1}` : String(++id), isOutput ? outputActivation : activation);
      if (l > 0) {
        unit.bias = biases ? biases[l - 1][j] : 0.1;
        network[l - 1].forEach((source, i) => {
          const link = new Link(source, unit, weights ? weights[l - 1][j][i] : random() - 0.5);
          source.outLinks.push(link);
          unit.inLinks.push(link);
        });
      }
      layer.push(unit);
    }
    network.push(layer);
  }
  return network;
}

/** Forward pass for one example; returns the output of the (single) output unit. */
export function forwardProp(network, inputs) {
  const inputLayer = network[0];
  for (let i = 0; i < inputLayer.length; i++) inputLayer[i].output = inputs[i];
  for (let l = 1; l < network.length; l++) {
    for (const unit of network[l]) unit.forward();
  }
  return network[network.length - 1][0].output;
}

/** Backpropagation of one example's error; adds its derivatives to the accumulators. */
export function backProp(network, target, errorFunc = SQUARE_ERROR) {
  const outputUnit = network[network.length - 1][0];
  outputUnit.outputDer = errorFunc.der(outputUnit.output, target);
  for (let l = network.length - 1; l >= 1; l--) {
    const layer = network[l];
    for (const unit of layer) {
      unit.inputDer = unit.outputDer * unit.activation.der(unit.totalInput);
      unit.accInputDer += unit.inputDer;
      unit.numAccumulatedDers++;
    }
    for (const unit of layer) {
      for (const link of unit.inLinks) {
        link.errorDer = unit.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) continue; // the inputs need no derivative
    for (const unit of network[l - 1]) {
      let der = 0;
      for (const link of unit.outLinks) der += link.weight * link.dest.inputDer;
      unit.outputDer = der;
    }
  }
}

/** Moves every weight and bias by the mean accumulated derivative, then clears them. */
export function updateWeights(network, learningRate) {
  for (let l = 1; l < network.length; l++) {
    for (const unit of network[l]) {
      if (unit.numAccumulatedDers > 0) {
        unit.bias -= (learningRate * unit.accInputDer) / unit.numAccumulatedDers;
        unit.accInputDer = 0;
        unit.numAccumulatedDers = 0;
      }
      for (const link of unit.inLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

/** The features of a point, built per call as Playground builds them (x1, x2). */
function inputsOf(x, y) {
  return [x, y];
}

/** Mean half squared error over points [{x, y, label}] (one forward pass each). */
export function getLoss(network, points, errorFunc = SQUARE_ERROR) {
  let loss = 0;
  for (const p of points) loss += errorFunc.error(forwardProp(network, inputsOf(p.x, p.y)), p.label);
  return loss / points.length;
}

/** One pass over the training points in order, updating every `batchSize` examples. */
export function trainEpoch(network, points, batchSize, learningRate) {
  points.forEach((p, i) => {
    forwardProp(network, inputsOf(p.x, p.y));
    backProp(network, p.label);
    if ((i + 1) % batchSize === 0) updateWeights(network, learningRate);
  });
}

/**
 * Every non-input unit's output over a density x density grid of [lo, hi]^2 (one forward
 * pass per cell). maps: unit id -> Float64Array(density^2), row 0 at y = lo.
 */
export function unitMaps(network, density, lo, hi, maps = new Map()) {
  const units = network.slice(1).flat();
  for (const unit of units) if (!maps.has(unit.id)) maps.set(unit.id, new Float64Array(density * density));
  const step = (hi - lo) / (density - 1);
  for (let r = 0; r < density; r++) {
    const y = lo + r * step;
    for (let c = 0; c < density; c++) {
      forwardProp(network, inputsOf(lo + c * step, y));
      const k = r * density + c;
      for (const unit of units) maps.get(unit.id)[k] = unit.output;
    }
  }
  return maps;
}

/** The whole Playground frame: one epoch, both losses, every unit's heatmap. */
export function playgroundFrame(network, train, test, { batchSize, learningRate, density = 100, lo = -6, hi = 6, maps }) {
  trainEpoch(network, train, batchSize, learningRate);
  const lossTrain = getLoss(network, train);
  const lossTest = getLoss(network, test);
  unitMaps(network, density, lo, hi, maps);
  return { lossTrain, lossTest };
}
