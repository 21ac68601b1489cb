import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type PipeTransform,
  type ValidationError,
} from '@nestjs/common';

import type { FieldError } from './problem-details';

/** A 400 that carries one entry per invalid field, rendered as problem details `errors`. */
export class ValidationFailedException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(`Validation failed: ${fieldErrors.map((e) => e.messages.join('; ')).join('; ')}.`);
  }
}

/**
 * When a value has the wrong type, its range or length checks say nothing useful (`"150"` is
 * "not greater than 10⁹, not less than 1, not an integer"): the type is then the one message.
 */
const TYPE_MESSAGES: Record<string, string> = {
  isInt: 'must be an integer',
  isNumber: 'must be a number',
  isString: 'must be a string',
  isBoolean: 'must be a boolean',
  isArray: 'must be an array',
};

function messagesOf(error: ValidationError): string[] {
  const constraints = error.constraints ?? {};
  const typeFailure = Object.keys(constraints).find((name) => name in TYPE_MESSAGES);
  if (typeFailure) return [`${error.property} ${TYPE_MESSAGES[typeFailure]}`];
  return Object.values(constraints);
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: messagesOf(error) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const validationPipe = (forbidUnknown: boolean) =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: forbidUnknown,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedException(flatten(errors)),
  });

/**
 * The one validation pipe, converting types. Unknown body fields are errors (a client can never
 * set `id` or `priority_score`); unknown query parameters are dropped, so a cache-busting `?_=1`
 * or a tracking parameter never breaks a client.
 */
class ProblemValidationPipe implements PipeTransform {
  private readonly strict = validationPipe(true);
  private readonly lenient = validationPipe(false);

  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const pipe = metadata.type === 'query' ? this.lenient : this.strict;
    return pipe.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): PipeTransform {
  return new ProblemValidationPipe();
}
