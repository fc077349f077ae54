import type { OpenAPIObject } from '@nestjs/swagger';
import { PRODUCTS } from '@hub/domain/subscriptions';
import { addValidationConstraints } from './openapi-constraints';

// OpenAPI documents are JSON walked and completed in place; a type per keyword buys nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

const ERROR_SCHEMA: Schema = {
  type: 'object',
  description: 'The error body of every refusal (api.md "Errors")',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', description: 'machine-readable, e.g. validation_failed' },
    message: { type: 'string' },
    details: { type: 'object', description: 'per field (400) or per rule (409)' },
  },
};

const ERROR_MEANINGS: Record<string, string> = {
  '400': 'Not valid: validation_failed with per-field details',
  '401': 'No valid bearer token',
  '403': 'The caller may not do this (forbidden, or a domain code)',
  '404': 'Not found, or outside the caller scope',
  '409': 'Refused by a domain rule or a concurrent change (a domain code)',
  '413': 'The body is over the limit',
  '414': 'A path segment is over 100 characters',
  '415': 'The body is not JSON',
  '429': 'Too many requests (throttle, or verification_code_rate_limited)',
  '503': 'A projection has not reached minPosition in time (projection_lagging)',
};

/** The one parameter no DTO declares: a header every command route takes (api.md). */
const IDEMPOTENCY_KEY: Schema = { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' };

/** Request bodies refuse unknown fields (forbidNonWhitelisted): so do their schemas. */
function closeRequestSchemas(document: OpenAPIObject, schemas: Record<string, Schema>): void {
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as Schema).$ref as string | undefined;
    if (ref?.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (seen.has(name) || !schemas[name]) return;
      seen.add(name);
      if (schemas[name].type === 'object' || schemas[name].properties)
        schemas[name].additionalProperties = false;
      visit(schemas[name]);
      return;
    }
    for (const value of Object.values(node)) visit(value);
  };
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item as Record<string, Schema>))
      visit((operation as Schema)?.requestBody);
}

function isPublic(operation: Schema): boolean {
  return !operation.security || operation.security.length === 0;
}

/**
 * Completes Nest's OpenAPI document so that it describes the API as it answers:
 * - every operation lists its error answers (4xx, and 503 for queries) with the error schema;
 * - every success answer has a body schema (an object where the route declares none);
 * - request DTOs carry their validation constraints, the Idempotency-Key header its format.
 */
export function completeOpenApi(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, Schema>;
  schemas.ErrorBody = ERROR_SCHEMA;
  addValidationConstraints(schemas);
  closeRequestSchemas(document, schemas);
  // An ISV contact goes with a marketplace product only, and names a way to reach the publisher.
  if (schemas.RegisterSubscriptionDto)
    schemas.RegisterSubscriptionDto.oneOf = [
      {
        properties: {
          product: { enum: ['marketplace'] },
          isvContact: { anyOf: ['url', 'email', 'phone'].map((field) => ({ required: [field] })) },
        },
        required: ['isvContact'],
      },
      {
        properties: { product: { enum: PRODUCTS.filter((product) => product !== 'marketplace') } },
        not: { required: ['isvContact'] },
      },
    ];
  // A mapping names exactly one of a contract or a package.
  if (schemas.MappingDto)
    schemas.MappingDto.oneOf = [{ required: ['contractId'] }, { required: ['packageId'] }];
  const errorResponse = (code: string) => ({
    description: ERROR_MEANINGS[code],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
  });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Schema>)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const responses: Record<string, Schema> = (operation.responses ??= {});
      const codes = ['400', '404', '409', '429'];
      if (!isPublic(operation) || path.startsWith('/v1/')) codes.push('401', '403');
      if (operation.requestBody) codes.push('413', '415');
      if (method === 'get') codes.push('503');
      if (path.includes('{')) codes.push('414');
      for (const code of codes) responses[code] ??= errorResponse(code);
      // A route's own refusal (its codes in the description) answers the same error body.
      for (const [code, response] of Object.entries(responses))
        if (/^4\d\d$/.test(code) && !response.content)
          response.content = errorResponse(code).content;
      for (const [code, response] of Object.entries(responses)) {
        if (!code.startsWith('2') || code === '204' || response.content) continue;
        response.content = path.includes('/exports/')
          ? { 'text/csv': { schema: { type: 'string' } } }
          : { 'application/json': { schema: { type: 'object' } } };
      }
      // Query parameters are DTO properties with their own schemas (libs/projection query-params).
      for (const parameter of (operation.parameters ?? []) as Schema[]) {
        if (parameter.schema && Object.keys(parameter.schema).length === 0) delete parameter.schema;
        if (parameter.name === 'Idempotency-Key') parameter.schema = { ...IDEMPOTENCY_KEY };
        else parameter.schema ??= { type: 'string' };
        // Fastify refuses a path segment over 100 characters (414).
        if (parameter.in === 'path' && parameter.schema.type === 'string' && !parameter.schema.enum)
          parameter.schema.maxLength = Math.min(parameter.schema.maxLength ?? 100, 100);
      }
    }
  }
  return document;
}
