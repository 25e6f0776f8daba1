import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { lineOpenApiDir } from '../../shared-files';

export type JsonSchema = { [key: string]: unknown };

/** Suffix of the generated copy of a discriminated base schema that carries no discriminator. */
export const BASE_SUFFIX = '__base';
const REF_PREFIX = '#/components/schemas/';

/** Directory holding LINE's official OpenAPI files (dev/shared-files.ts: the copy in dev/shared by default). */
export function openApiDir(): string {
  return lineOpenApiDir();
}

interface Discriminator {
  propertyName: string;
  mapping: Record<string, string>;
}

/**
 * Reads an OpenAPI 3.0 file and returns `components.schemas` rewritten into plain JSON Schema that Ajv
 * understands, keeping every `$ref` path valid (`#/components/schemas/X`).
 *
 * LINE models polymorphism as a base with `discriminator` plus subtypes `allOf: [$ref base, {...}]`.
 * Ajv cannot follow that, so a base `X` becomes a dispatcher that checks the discriminator value and
 * validates against the mapped subtype, and a copy `X__base` (no discriminator) is what the subtypes'
 * `allOf` now point at: otherwise base -> subtype -> base would recurse forever.
 */
export function loadOpenApiSchemas(file: string): Record<string, JsonSchema> {
  const text = readFileSync(file, 'utf8');
  // Parsing the 6000-line YAML takes most of a second; every test file starts a platform, so the
  // converted schemas are cached as JSON, keyed by the YAML and by this converter's own source.
  const key = createHash('sha256')
    .update(text)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  const cacheFile = join(tmpdir(), 'line-platform-schemas', `${key.slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, JsonSchema>;
  } catch {
    const schemas = convertSpec(text);
    try {
      mkdirSync(join(tmpdir(), 'line-platform-schemas'), { recursive: true });
      // Write then rename, so a parallel reader never sees half a file.
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(schemas));
      renameSync(partial, cacheFile);
    } catch {
      // A read-only temp directory only costs speed.
    }
    return schemas;
  }
}

function convertSpec(text: string): Record<string, JsonSchema> {
  const spec = parse(text) as { components?: { schemas?: Record<string, JsonSchema> } };
  const schemas = spec.components?.schemas ?? {};
  const bases = new Set(Object.keys(schemas).filter((name) => schemas[name]?.discriminator));
  const out: Record<string, JsonSchema> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const converted = convert(schema, bases) as JsonSchema;
    if (bases.has(name)) {
      out[name + BASE_SUFFIX] = converted;
      out[name] = dispatcher(schema.discriminator as Discriminator);
    } else {
      out[name] = converted;
    }
  }
  return out;
}

function dispatcher({ propertyName, mapping }: Discriminator): JsonSchema {
  const values = Object.keys(mapping);
  return {
    type: 'object',
    required: [propertyName],
    properties: { [propertyName]: { type: 'string', enum: values } },
    allOf: values.map((value) => ({
      if: { required: [propertyName], properties: { [propertyName]: { const: value } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
      then: { $ref: mapping[value] },
    })),
  };
}

// Keywords that only document the API; dropping them keeps Ajv quiet and the schemas small.
const DOC_KEYWORDS = new Set(['discriminator', 'externalDocs', 'example', 'examples', 'description', 'xml']);

function convert(node: unknown, bases: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => convert(item, bases));
  if (!node || typeof node !== 'object') return node;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DOC_KEYWORDS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === 'allOf' && Array.isArray(value)) {
      result.allOf = value.map((part) => convert(toBaseRef(part, bases), bases));
    } else if (key === 'properties' && value && typeof value === 'object') {
      // Property names are data, not keywords: never strip a property called `description`.
      result.properties = Object.fromEntries(
        Object.entries(value).map(([prop, schema]) => [prop, convert(schema, bases)]),
      );
    } else {
      result[key] = convert(value, bases);
    }
  }
  return (node as JsonSchema).nullable === true ? makeNullable(result) : result;
}

function toBaseRef(part: unknown, bases: Set<string>): unknown {
  const ref = (part as JsonSchema | null)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith(REF_PREFIX)) return part;
  return bases.has(ref.slice(REF_PREFIX.length))
    ? { ...(part as JsonSchema), $ref: ref + BASE_SUFFIX }
    : part;
}

function makeNullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') {
    const enumValues = Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {};
    return { ...schema, ...enumValues, type: [schema.type, 'null'] };
  }
  return { anyOf: [{ type: 'null' }, schema] };
}
