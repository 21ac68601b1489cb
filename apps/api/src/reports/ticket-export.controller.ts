import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { StreamedResponse } from '../common/streamed-response';
import { ExportTicketsQuery } from './dto/export-tickets.query';
import { TicketExportService } from './ticket-export.service';

const CSV = 'text/csv';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketExportController {
  constructor(private readonly exports: TicketExportService) {}

  @Get('export.csv')
  @StreamedResponse()
  @Roles('agent', 'admin')
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary:
      'Every ticket matching the queue filters of GET /tickets, as CSV (RFC 4180, UTF-8), streamed',
  })
  @ApiProduces(CSV)
  @ApiOkResponse({
    description:
      'A header row, then one record per ticket in id order; cells that a spreadsheet would ' +
      "evaluate (starting with = + - @, tab or CR) are prefixed with '",
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="tickets-YYYY-MM-DD.csv"',
        schema: { type: 'string' },
      },
    },
    content: {
      [CSV]: {
        schema: { type: 'string', example: 'id,title,issue_type\r\n42,Checkout,critical\r\n' },
      },
    },
  })
  @ApiProblems(400, 401, 403)
  export(
    @Query() query: ExportTicketsQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    return this.exports.csv(query, user);
  }
}
