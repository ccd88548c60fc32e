/**
 * The shape of a route table: everything the stub knows about the API, produced from the OpenAPI
 * document by `scripts/generate-routes.mjs`. The app is built from it and nothing else, so a new
 * operation in the spec is served after `pnpm generate` with no code change.
 */

/** One error reported by a precompiled Ajv validator. */
export interface ValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled (Ajv standalone) validator: returns whether `data` is valid, errors in `.errors`. */
export interface Validator {
  (data: unknown): boolean;
  errors?: ValidationError[] | null;
}

/** Where a parameter travels. Cookie parameters are not supported. */
export type ParameterLocation = 'path' | 'query' | 'header';

/** A parameter of an operation, with the validator of its schema. */
export interface ParameterRoute {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** The schema's `type`, used to turn the raw string into a value before validating it. */
  type?: string;
  /** For `type: array`, the items' `type`. */
  itemType?: string;
  validate: Validator;
}

/** The JSON request body of an operation. */
export interface RequestBodyRoute {
  required: boolean;
  mediaTypes: string[];
  validate?: Validator;
}

/** A named example of a response. */
export interface ExampleRoute {
  name: string;
  value: unknown;
}

/** A response header, validated on every answer. */
export interface HeaderRoute {
  /** Lowercase header name. */
  name: string;
  required: boolean;
  validate?: Validator;
}

/** One declared response of an operation. */
export interface ResponseRoute {
  status: string;
  /** The JSON media type of the body, or undefined for a response without a body. */
  mediaType?: string;
  validate?: Validator;
  /** The body schema with `$ref`s inlined and annotations removed, for `Prefer: dynamic=true`. */
  schema?: unknown;
  examples: ExampleRoute[];
  /** Name of the example answered by default (`x-stub-default-example`); else the first one. */
  defaultExample?: string;
  headers: HeaderRoute[];
}

/** A security scheme an operation accepts. */
export interface SecuritySchemeRoute {
  name: string;
  /** `token`: an API key header; `aksk`: an API Gateway SDK-HMAC-SHA256 signature. */
  kind: 'token' | 'aksk';
  /** Lowercase name of the header carrying the credential. */
  header: string;
}

/** Which credentials an operation accepts; `optional` when a requirement is empty. */
export interface SecurityRoute {
  optional: boolean;
  schemes: SecuritySchemeRoute[];
}

/** A fixed error answer the spec documents (an example of a 4xx response). */
export interface ErrorAnswerRoute {
  status: string;
  body: unknown;
}

/** How a started operation's status moves (`x-modelarts-operation-lifecycle`). */
export interface LifecycleRoute {
  /** The status at creation, e.g. `pending`. */
  initialStatus: string;
  /** The status while running, e.g. `running`. */
  runningStatus: string;
  success: string;
  failure: string;
  runningAfterMs: number;
  finishedAfterMs: number;
  /** Default `operation_error` of a failed operation. */
  error?: { code?: string; message?: string };
}

/** A GET that reads operations (`x-modelarts-operation-read`). */
export interface OperationReadRoute {
  /** Kind of the entity the operations run on, e.g. `server` or `hyperinstance`. */
  owner: string;
  /** Path parameter carrying the owner's id. */
  ownerParameter: string;
  /** Path parameter carrying the operation id. */
  operationParameter: string;
  ownerNotFound?: ErrorAnswerRoute;
  operationNotFound?: ErrorAnswerRoute;
}

/** A call that starts an operation (`x-modelarts-operation-start` and its 200 link). */
export interface OperationStartRoute {
  /** The `operation_type` of the operations it starts. */
  type: string;
  /** operationId of the GET that reads the operation (the link's target). */
  readBy: string;
  /** The link's parameters: a parameter of the reader → a runtime expression. */
  readParameters: Record<string, string>;
  lifecycle: LifecycleRoute;
  /** The owner must exist (once any is registered) and be in one of `statuses`. */
  owner?: { statuses?: string[]; notFound?: ErrorAnswerRoute; notReady?: ErrorAnswerRoute };
  /** The volume named by the runtime expression `id` must be `free` or `attached` to the owner. */
  volume?: {
    id: string;
    state: 'free' | 'attached';
    effect?: 'attach' | 'detach';
    notFound?: ErrorAnswerRoute;
    conflict?: ErrorAnswerRoute;
  };
}

/** One operation of the API. */
export interface OperationRoute {
  operationId: string;
  /** Uppercase HTTP method. */
  method: string;
  /** OpenAPI path template, e.g. `/v1/{project_id}/dev-servers/{id}`. */
  path: string;
  /** The same path in Hono's syntax, e.g. `/v1/:project_id/dev-servers/:id`. */
  honoPath: string;
  parameters: ParameterRoute[];
  requestBody?: RequestBodyRoute;
  /** Responses by status code (`"200"`, `"400"`, `"default"`…). */
  responses: Record<string, ResponseRoute>;
  /** The status answered by default: the lowest 2xx. */
  successStatus: string;
  security: SecurityRoute;
  /**
   * The request constraints a rejection can exercise, as validation names them (e.g.
   * `path.id.pattern`, `body.volume_id.required`), listed by contract coverage.
   */
  constraints?: string[];
  /** Set when this operation reads asynchronous operations. */
  reads?: OperationReadRoute;
  /** Set when this operation starts an asynchronous operation. */
  starts?: OperationStartRoute;
}

/** Everything the stub serves. */
export interface RouteTable {
  title: string;
  version: string;
  /**
   * The OpenAPI document, serialised, served at `GET /openapi.json`; or a function loading it, so
   * that a large document is not parsed at start (the generated table imports it on first use).
   */
  openapiJson: string | (() => Promise<string>);
  operations: OperationRoute[];
}
