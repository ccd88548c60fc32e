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
