// Where an engine validation error is shown: BpxError.path (a spec field such as
// "optimizer.learning_rate" or "layers[2]", or a setter's argument name) → the key of
// the error slot beside the control that sets it (data-err in controls.ts, network.ts).

export function errorKey(path: string, hiddenLayers: number): string {
  const layer = /^(layers|activations)\[(\d+)\]/.exec(path);
  if (layer) {
    const i = Number(layer[2]);
    if (layer[1] === 'layers') {
      if (i === 0) return 'features';
      return i > hiddenLayers ? 'output' : `layer${i}`;
    }
    return i >= hiddenLayers ? 'output' : `layer${i + 1}`;
  }
  if (path === 'layers' || path === 'activations') return 'layers';
  if (path.startsWith('data.features')) return 'features';
  const exact: Record<string, string> = {
    'data.dataset': 'dataset',
    'data.points': 'points',
    'data.noise': 'noise',
    'data.train_fraction': 'split',
    'data.seed': 'regenerate',
    'data.classes': 'classes',
    loss: 'loss',
    'optimizer.type': 'optimizer',
    'optimizer.learning_rate': 'lr',
    learning_rate: 'lr',
    learningRate: 'lr',
    'optimizer.weight_decay': 'l2',
    weight_decay: 'l2',
    weightDecay: 'l2',
    batch_size: 'batch',
    batchSize: 'batch',
    seed: 'init',
  };
  if (path in exact) return exact[path];
  if (path.startsWith('data.inputs') || path.startsWith('data.targets')) return 'edit';
  if (path.startsWith('optimizer')) return 'optimizer';
  if (path.startsWith('init')) return 'init';
  return 'general';
}
