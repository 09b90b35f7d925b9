import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The standard tfjs LayersModel files: model.json (topology + weight manifest) and weights.bin. */
export function toModelFiles(artifacts: tf.io.ModelArtifacts): { modelJson: string; weights: Uint8Array } {
  if (!artifacts.weightSpecs || !artifacts.weightData)
    throw new Error('model artifacts have no weights; expected a built model');
  const data = artifacts.weightData;
  const buffers = Array.isArray(data) ? data : [data];
  const total = buffers.reduce((n, b) => n + b.byteLength, 0);
  const weights = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    weights.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  const modelJson = JSON.stringify({
    format: 'layers-model',
    generatedBy: artifacts.generatedBy,
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
  });
  return { modelJson, weights };
}

/** Saves a LayersModel into `dir` (file:// saving needs tfjs-node, which we cannot use). Returns the weight bytes. */
export async function saveModelDir(model: tf.LayersModel, dir: string): Promise<number> {
  let bytes = 0;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const { modelJson, weights } = toModelFiles(artifacts);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'model.json'), modelJson);
      writeFileSync(join(dir, 'weights.bin'), weights);
      bytes = weights.byteLength;
      return {
        modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: bytes },
      };
    }),
  );
  return bytes;
}

/** An IOHandler reading model.json + its weight files from a directory. */
export function dirHandler(dir: string): tf.io.IOHandler {
  const path = join(dir, 'model.json');
  let json: {
    modelTopology?: object;
    weightsManifest?: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}; expected a tfjs model.json`);
  }
  if (!json.modelTopology || !Array.isArray(json.weightsManifest))
    throw new Error(`${path} has no modelTopology/weightsManifest; expected a tfjs LayersModel model.json`);
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const parts = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p))));
  const all = Buffer.concat(parts);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData });
}
