import type { ValidationError } from '../route-table.js';

function describeRule(error: ValidationError): string {
  const { keyword, params } = error;
  switch (keyword) {
    case 'pattern':
      return `must match pattern ${String(params.pattern)}`;
    case 'minLength':
      return `must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters long`;
    case 'required':
      return `must have required property '${String(params.missingProperty)}'`;
    case 'additionalProperties':
      return `must not have property '${String(params.additionalProperty)}'`;
    default:
      return error.message ?? `must satisfy ${keyword}`;
  }
}

/**
 * Words a validation failure the way ModelArts' ModelArts.0104 messages do, naming the parameter
 * and the rule, e.g. `Parameter error: path parameter 'id' must match pattern ^…$.`
 *
 * @example
 * describeParameterError("path parameter 'id'", validate.errors);
 */
export function describeParameterError(
  subject: string,
  errors: readonly ValidationError[] | null | undefined,
): string {
  const error = errors?.[0];
  if (error === undefined) return `Parameter error: ${subject} is invalid.`;
  const where = error.instancePath ? ` (at ${error.instancePath})` : '';
  return `Parameter error: ${subject}${where} ${describeRule(error)}.`;
}
