import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../common/api-problems.decorator';
import { IdParam } from '../common/canonical-int';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/create-webhook.dto';
import { DeliveryDto, DeliveryPageDto, ListDeliveriesQuery } from './dto/webhook-delivery.dto';
import { WebhookDto, WebhookListDto, WebhookWithSecretDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@ApiProblems(403)
@Roles('admin')
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiOperation({ summary: 'Create a webhook (admin only); the answer shows its secret once' })
  @ApiCreatedResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400)
  create(
    @Body() dto: CreateWebhookDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.create(dto, admin);
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook, without secrets (admin only)' })
  @ApiOkResponse({ type: WebhookListDto })
  list(): Promise<WebhookListDto> {
    return this.webhooks.list();
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change url, events or active (admin only)' })
  @ApiOkResponse({ type: WebhookDto })
  @ApiProblems(400, 404)
  update(
    @IdParam() id: number,
    @Body() dto: UpdateWebhookDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<WebhookDto> {
    return this.webhooks.update(id, dto, admin);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a webhook and its deliveries (admin only)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  remove(@IdParam() id: number, @CurrentUser() admin: AuthUser): Promise<void> {
    return this.webhooks.remove(id, admin);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the signing secret (admin only); the answer shows it once' })
  @ApiOkResponse({ type: WebhookWithSecretDto })
  @ApiProblems(400, 404)
  rotateSecret(
    @IdParam() id: number,
    @CurrentUser() admin: AuthUser,
  ): Promise<WebhookWithSecretDto> {
    return this.webhooks.rotateSecret(id, admin);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "A webhook's deliveries, newest first, cursor-paged (admin only)" })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiProblems(400, 404)
  deliveries(@IdParam() id: number, @Query() query: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    return this.webhooks.listDeliveries(id, query);
  }

  @Post(':id/deliveries/:delivery/retry')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Attempt a delivery again now, with a new 24 h window (admin only)' })
  @ApiOkResponse({ type: DeliveryDto })
  @ApiProblems(400, 404, 409)
  retry(@IdParam() id: number, @IdParam('delivery') delivery: number): Promise<DeliveryDto> {
    return this.webhooks.retry(id, delivery);
  }
}
