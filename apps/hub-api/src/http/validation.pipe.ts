import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { ValidationError } from '@hub/domain';
import { rememberValidationMetadata } from './validation-metadata';

/** Flattens nested class-validator errors into `{ "path.to.field": [reasons] }`. */
export function fieldDetails(errors: ClassValidatorError[], prefix = ''): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) details[path] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(details, fieldDetails(error.children, path));
  }
  return details;
}

/** The global pipe: whitelist, refuse unknown fields, transform; 400 `validation_failed` with field details. */
export function hubValidationPipe(): ValidationPipe {
  rememberValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new ValidationError('The request is not valid', fieldDetails(errors)),
  });
}
