import { readFile } from 'node:fs/promises';
import { dereference } from '@apidevtools/json-schema-ref-parser';
import { parse } from 'yaml';

/**
 * Parses an OpenAPI document from YAML or JSON text (JSON is YAML) and resolves its `$ref`s, so
 * that rules compare what a consumer sees rather than how the document is factored.
 *
 * @example
 * const doc = await parseSpec(await readFile('spec/openapi.yaml', 'utf8'), 'spec/openapi.yaml');
 */
export async function parseSpec(text: string, source: string): Promise<any> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new SpecInputError(`${source} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || !('openapi' in doc)) {
    throw new SpecInputError(`${source} is not an OpenAPI document (no "openapi" field)`);
  }
  try {
    return await dereference(doc, { mutateInputSchema: true, dereference: { circular: true } });
  } catch (error) {
    throw new SpecInputError(`${source} has an unresolvable $ref: ${(error as Error).message}`);
  }
}

/**
 * Reads and parses an OpenAPI document from a file.
 *
 * @example
 * const doc = await loadSpec('spec/openapi.yaml');
 */
export async function loadSpec(file: string): Promise<any> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SpecInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
  }
  return parseSpec(text, file);
}

/** Bad input the user can fix: printed as one line, exit status 2. */
export class SpecInputError extends Error {
  override name = 'SpecInputError';
}
