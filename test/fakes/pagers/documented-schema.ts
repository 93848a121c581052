import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

const ajv = new Ajv({ strict: false, allErrors: true });

/**
 * A validator for one of the schemas written from a service's documentation
 * (test/fixtures/specs/documented/*.schema.json); `definition` picks one of its definitions.
 */
export function documentedSchema(file: string, definition?: string): (value: unknown) => string[] {
  const url = new URL(`../../fixtures/specs/documented/${file}`, import.meta.url);
  const schema = JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
  const id = `https://tocsin.test/specs/${file}`;
  if (!ajv.getSchema(id)) ajv.addSchema({ ...schema, $id: id });
  const validate = ajv.compile({ $ref: definition ? `${id}#/definitions/${definition}` : id });
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
