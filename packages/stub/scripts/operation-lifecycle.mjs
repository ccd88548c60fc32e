// Reads the spec's declaration of asynchronous operations for the route table: which calls start an
// operation (`x-modelarts-operation-start`, with the 200 link naming the GET that reads it), which
// GETs read one (`x-modelarts-operation-read`), and how the lifecycle runs
// (`info.x-modelarts-operation-lifecycle`). Error names are resolved to the example bodies of the
// operation's own responses, so the stub answers exactly what the spec documents.

const DEFAULT_LIFECYCLE = {
  statuses: ['pending', 'running'],
  success: 'success',
  failure: 'failed',
  runningAfterMs: 1000,
  finishedAfterMs: 5000,
};

function errorAnswer(responses, name, where) {
  if (name === undefined) return undefined;
  for (const [status, response] of Object.entries(responses)) {
    if (!/^4\d\d$/.test(status)) continue;
    const example = response.examples.find((e) => e.name === name);
    if (example !== undefined) return { status, body: example.value };
  }
  throw new Error(`${where}: no 4xx response has an example named ${name}`);
}

function lifecycleOf(doc, declared, where) {
  const { description: _, ...base } = doc.info?.['x-modelarts-operation-lifecycle'] ?? {};
  const lifecycle = { ...DEFAULT_LIFECYCLE, ...base, ...(declared ?? {}) };
  if (!Array.isArray(lifecycle.statuses) || lifecycle.statuses.length !== 2) {
    throw new Error(`${where}: lifecycle.statuses must list the initial and the running status`);
  }
  for (const key of ['runningAfterMs', 'finishedAfterMs']) {
    if (!Number.isFinite(lifecycle[key]) || lifecycle[key] < 0) {
      throw new Error(`${where}: lifecycle.${key} must be a non-negative number`);
    }
  }
  // The route table names the two statuses: a tuple would lose its type where the generated code
  // declares a lifecycle shared by several operations once (literal-pool.mjs).
  const { statuses, ...rest } = lifecycle;
  return { initialStatus: statuses[0], runningStatus: statuses[1], ...rest };
}

/**
 * The `reads` and `starts` entries of one operation's route, or an empty object.
 *
 * @param {any} doc the OpenAPI document
 * @param {any} operation the Operation Object
 * @param {string} operationId
 * @param {Record<string, any>} responses the operation's generated response routes
 * @param {(raw: any) => any} resolve follows `$ref`s of the document
 * @example
 * Object.assign(route, operationLifecycle(doc, op, 'AttachDevServerVolume', responses, resolve));
 */
export function operationLifecycle(doc, operation, operationId, responses, resolve) {
  const result = {};
  const read = operation['x-modelarts-operation-read'];
  if (read !== undefined) {
    if (typeof read.owner !== 'string' || typeof read.ownerParameter !== 'string') {
      throw new Error(`${operationId}: x-modelarts-operation-read needs owner and ownerParameter`);
    }
    result.reads = {
      owner: read.owner,
      ownerParameter: read.ownerParameter,
      operationParameter: read.operationParameter ?? 'operation_id',
      ownerNotFound: errorAnswer(responses, read.notFound?.owner, operationId),
      operationNotFound: errorAnswer(responses, read.notFound?.operation, operationId),
    };
  }
  const start = operation['x-modelarts-operation-start'];
  if (start !== undefined) {
    const success = Object.keys(operation.responses ?? {})
      .filter((s) => /^2\d\d$/.test(s))
      .sort()[0];
    const link = resolve(resolve(operation.responses[success])?.links?.[start.link]);
    if (typeof start.type !== 'string' || link === undefined) {
      throw new Error(
        `${operationId}: x-modelarts-operation-start needs a type and a link of its ${success} response`,
      );
    }
    if (typeof link.operationId !== 'string') {
      throw new Error(`${operationId}: link ${start.link} must name its target by operationId`);
    }
    const owner = start.requires?.owner;
    const volume = start.requires?.volume;
    result.starts = {
      type: start.type,
      readBy: link.operationId,
      readParameters: link.parameters ?? {},
      lifecycle: lifecycleOf(doc, start.lifecycle, operationId),
      ...(owner === undefined
        ? {}
        : {
            owner: {
              statuses: owner.statuses,
              notFound: errorAnswer(responses, owner.notFound, operationId),
              notReady: errorAnswer(responses, owner.notReady, operationId),
            },
          }),
      ...(volume === undefined
        ? {}
        : {
            volume: {
              id: volume.id,
              state: volume.state,
              effect: start.effect?.volume,
              notFound: errorAnswer(responses, volume.notFound, operationId),
              conflict: errorAnswer(responses, volume.conflict, operationId),
            },
          }),
    };
  }
  return result;
}
