import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// OpenAPI documents are JSON walked and completed in place; a type per keyword buys nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** One class-validator rule as JSON Schema keywords (what the DTO enforces, the document says). */
function keywordsOf(rule: ValidationMetadata): Schema {
  const [first] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isString':
      return { type: 'string' };
    case 'isNotEmpty':
      return { minLength: 1 };
    case 'maxLength':
      return { maxLength: first };
    case 'minLength':
      return { minLength: first };
    case 'matches': {
      const source = first instanceof RegExp ? first.source : String(first);
      return source === DAY_PATTERN
        ? { type: 'string', format: 'date', pattern: source }
        : { type: 'string', pattern: source };
    }
    case 'isIn':
      return { enum: first };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isInt':
      return { type: 'integer' };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isUrl':
      return { type: 'string', format: 'uri' };
    case 'isIso8601':
    case 'isISO8601':
      return { type: 'string', format: 'date-time' };
    case 'isQuantity':
      // At most six decimal places (domain.md §2): a multiple of one millionth.
      return { type: 'number', minimum: 0.000001, maximum: first, multipleOf: 0.000001 };
    case 'arrayMaxSize':
      return { maxItems: first };
    case 'arrayMinSize':
      return { minItems: first };
    default:
      return {};
  }
}

/** Keywords that describe the array itself, not its items. */
const ARRAY_KEYWORDS = new Set(['maxItems', 'minItems']);

/**
 * Adds the constraints each DTO enforces (class-validator metadata) to its OpenAPI component:
 * lengths, patterns, enums, ranges, formats, and `required` for `@IsDefined`. Nest's document
 * only carries what `@ApiProperty` repeats, so a schema-valid request could be refused with 400.
 */
export function addValidationConstraints(schemas: Record<string, Schema>): void {
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<{ name: string }, ValidationMetadata[]>;
  };
  for (const [target, rules] of storage.validationMetadatas) {
    const schema = schemas[target.name];
    if (!schema?.properties) continue;
    for (const rule of rules) {
      const property = schema.properties[rule.propertyName];
      if (!property || property.$ref || property.allOf) continue;
      const keywords = keywordsOf(rule);
      if (rule.each && property.type === 'array') {
        property.items = property.items ?? {};
        if (!property.items.$ref) Object.assign(property.items, keywords);
      } else {
        for (const [key, value] of Object.entries(keywords)) {
          if (property.type === 'array' && !ARRAY_KEYWORDS.has(key) && key !== 'type') continue;
          if (key === 'type' && property.type && property.type !== value) continue;
          property[key] = value;
        }
      }
      if (rule.type === 'isDefined') {
        schema.required = [...new Set([...(schema.required ?? []), rule.propertyName])];
      }
    }
  }
}
