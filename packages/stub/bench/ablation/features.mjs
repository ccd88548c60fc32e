// The stub's per-request features the ablation switches off one at a time, and how: a real option
// where one exists (cors, validateResponses), else a copy of the route table without the feature's
// declarations, else a no-op in place of the runtime part (journal, coverage). Bench-only.

/** Feature name → what switching it off removes, as the ablation table prints it. */
export const FEATURES = {
  cors: 'CORS headers (option cors: false)',
  'response-validation': 'response validation (option validateResponses: false)',
  journal: 'request journal (no-op recorder)',
  coverage: 'coverage counts (no-op recorder)',
  'request-validation': 'request parameter validation (validators that accept anything)',
  auth: 'credential check (operations declared without security)',
  state: 'operation-state lookup (no x-modelarts-operation-read/start)',
  reflection: 'operation_id copied into the answer (the example already carries it)',
};

/** The stub options that switch features off. */
export function optionsWithout(without) {
  return {
    ...(without.has('cors') ? { cors: false } : {}),
    ...(without.has('response-validation') ? { validateResponses: false } : {}),
  };
}

const acceptAnything = Object.assign(() => true, { errors: null });

/**
 * A copy of the route table without the declarations that drive the switched-off features.
 * `reflected` maps path parameters to the value the benchmark requests: with `reflection` off, the
 * examples carry that value already, so the answer stays the static example.
 */
export function routesWithout(routes, without, reflected) {
  const operations = routes.operations.map((operation) => {
    const copy = { ...operation };
    if (without.has('request-validation')) {
      copy.parameters = operation.parameters.map((p) => ({ ...p, validate: acceptAnything }));
    }
    if (without.has('auth')) copy.security = { optional: true, schemes: [] };
    if (without.has('state')) {
      delete copy.reads;
      delete copy.starts;
    }
    if (without.has('reflection')) {
      copy.responses = Object.fromEntries(
        Object.entries(operation.responses).map(([status, response]) => [
          status,
          {
            ...response,
            examples: response.examples.map((example) => ({
              ...example,
              value: withReflected(example.value, reflected),
            })),
          },
        ]),
      );
    }
    return copy;
  });
  return { ...routes, operations };
}

function withReflected(value, reflected) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...value };
  for (const [name, requested] of Object.entries(reflected))
    if (name in copy) copy[name] = requested;
  return copy;
}

/** Replaces the runtime parts of switched-off features with no-ops. */
export function adjustRuntime(runtime, without) {
  if (without.has('journal')) runtime.journal = { ...runtime.journal, record() {} };
  if (without.has('coverage')) {
    runtime.coverage = { ...runtime.coverage, answered() {}, exampleServed() {}, rejected() {} };
  }
}
