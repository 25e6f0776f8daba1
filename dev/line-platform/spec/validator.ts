import { basename, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { lineLimits } from './line-limits';
import { type JsonSchema, loadOpenApiSchemas, openApiDir } from './openapi-schemas';

/** One entry of LINE's `details` array in a 400 answer. */
export interface ErrorDetail {
  message: string;
  property: string;
}

export type BodyValidator = (body: unknown) => ErrorDetail[];

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });
const countGraphemes = (text: string) => {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
};

function createAjv(): Ajv {
  // strict: false because OpenAPI schemas carry keywords (e.g. `components`) that are not JSON Schema.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'binary', 'byte']) ajv.addFormat(format, true);
  ajv.addKeyword({
    keyword: 'lineMaxUtf16',
    type: 'string',
    schemaType: 'number',
    validate: (max: number, data: string) => data.length <= max,
  });
  ajv.addKeyword({
    keyword: 'lineMaxGraphemes',
    type: 'string',
    schemaType: 'number',
    validate: (max: number, data: string) => countGraphemes(data) <= max,
  });
  return ajv;
}

/**
 * Compiles request-body validators for the named schemas of an OpenAPI file (once: compilation is the
 * slow part), with LINE's documented-but-unencoded limits (line-limits.ts) merged in.
 */
export function compileValidators<Name extends string>(
  file: string,
  names: readonly Name[],
  extra: Record<string, JsonSchema> = {},
): Record<Name, BodyValidator> {
  const schemas = loadOpenApiSchemas(file);
  for (const [name, patch] of Object.entries(extra)) {
    const original = schemas[name];
    if (!original) throw new Error(`line-limits: no schema named ${name} in ${file}`);
    schemas[name] = { allOf: [original, patch] };
  }
  const ajv = createAjv();
  const id = `https://line-platform.invalid/${basename(file)}`;
  ajv.addSchema({ $id: id, components: { schemas } });
  const result = {} as Record<Name, BodyValidator>;
  for (const name of names) {
    const validate = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (!validate) throw new Error(`No schema named ${name} in ${file}`);
    result[name] = (body) => (validate(body) ? [] : toDetails(validate));
  }
  return result;
}

const MESSAGING_SCHEMAS = [
  'ReplyMessageRequest',
  'PushMessageRequest',
  'MulticastRequest',
  'ShowLoadingAnimationRequest',
  'RichMenuRequest',
] as const;
export type MessagingSchema = (typeof MESSAGING_SCHEMAS)[number];

let messaging: Record<MessagingSchema, BodyValidator> | undefined;

/**
 * The Messaging API request validators, from messaging-api.yml plus LINE's documented limits. Compiled
 * on first use and shared by every platform in the process (compiling takes most of a second).
 */
export function messagingValidators(): Record<MessagingSchema, BodyValidator> {
  messaging ??= compileValidators(join(openApiDir(), 'messaging-api.yml'), MESSAGING_SCHEMAS, lineLimits);
  return messaging;
}

function toDetails(validate: ValidateFunction): ErrorDetail[] {
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  for (const error of validate.errors ?? []) {
    // `if` only says "the `then` branch failed"; the branch's own errors are reported separately.
    if (error.keyword === 'if') continue;
    const detail = toDetail(error);
    const key = `${detail.property}\u0000${detail.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(detail);
  }
  return details;
}

// `/messages/0/quickReply` -> `messages[0].quickReply`, the way LINE names properties.
function propertyPath(pointer: string, child?: string): string {
  const parts = pointer.split('/').slice(1);
  if (child !== undefined) parts.push(child);
  let path = '';
  for (const raw of parts) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path += /^\d+$/.test(part) ? `[${part}]` : path ? `.${part}` : part;
  }
  return path;
}

function toDetail(error: ErrorObject): ErrorDetail {
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const property = propertyPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return {
        message: 'May not be empty',
        property: propertyPath(error.instancePath, String(params.missingProperty)),
      };
    case 'minItems':
    case 'maxItems':
      return {
        message: `Size must be between ${parent.minItems ?? 0} and ${parent.maxItems ?? 'unlimited'}`,
        property,
      };
    case 'minLength':
      return {
        message: error.data === '' ? 'May not be empty' : `Length must be at least ${params.limit}`,
        property,
      };
    case 'maxLength':
    case 'lineMaxUtf16':
    case 'lineMaxGraphemes':
      return { message: `Length must be between 0 and ${error.schema}`, property };
    case 'enum':
      return {
        message: `Must be one of the following values: [${(params.allowedValues as unknown[]).join(', ')}]`,
        property,
      };
    case 'type':
      return { message: `Must be of type ${params.type}`, property };
    case 'format':
      return {
        message: params.format === 'uri' ? 'Invalid URI' : `Must be a valid ${params.format}`,
        property,
      };
    case 'pattern':
      return {
        message: String(parent.pattern) === '^https://' ? 'Must use the https scheme' : 'Invalid format',
        property,
      };
    case 'maximum':
      return { message: `Must be less than or equal to ${params.limit}`, property };
    case 'minimum':
      return { message: `Must be greater than or equal to ${params.limit}`, property };
    case 'multipleOf':
      return { message: `Must be a multiple of ${params.multipleOf}`, property };
    default:
      return { message: error.message ?? 'Invalid value', property };
  }
}
