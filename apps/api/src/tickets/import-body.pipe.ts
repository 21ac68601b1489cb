import { Injectable, type PipeTransform } from '@nestjs/common';

import { createValidationPipe } from '../common/validation';
import { ImportTicketsDto } from './dto/import-tickets.dto';

/** Accepts `{ "tickets": [...] }` or a bare JSON array of tickets, then validates it as a whole. */
@Injectable()
export class ImportBodyPipe implements PipeTransform<unknown, Promise<ImportTicketsDto>> {
  private readonly validation = createValidationPipe();

  transform(body: unknown): Promise<ImportTicketsDto> {
    const value: unknown = Array.isArray(body) ? { tickets: body } : body;
    return this.validation.transform(value, { type: 'body', metatype: ImportTicketsDto });
  }
}
