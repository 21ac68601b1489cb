import { CUSTOMER_TYPES, type CustomerType } from '@app/priority';
import { Injectable } from '@nestjs/common';

import type { AuthUser } from '../auth/auth-user';
import { ValidationFailedException } from '../common/validation';
import type { Organization } from './organization.entity';
import { OrganizationsService } from './organizations.service';

export interface TicketTier {
  customerType: CustomerType;
  /** The reporter's organisation the ticket is filed for, or null. */
  organization: Organization | null;
}

const fieldError = (message: string) =>
  new ValidationFailedException([{ field: 'customer_type', messages: [message] }]);

/**
 * The organisation rule: a reporter of an organisation files tickets with its tier (a
 * different `customer_type` is a 400 naming the account's tier); everyone else gives one.
 * Agents and admins may give any tier: integrations post on customers' behalf.
 */
@Injectable()
export class CustomerTiers {
  constructor(private readonly organizations: OrganizationsService) {}

  async tierFor(author: AuthUser, requested: CustomerType | undefined): Promise<TicketTier> {
    const organization =
      author.role === 'reporter' && author.organizationId
        ? await this.organizations.findById(author.organizationId)
        : null;
    if (!organization) {
      if (requested === undefined) {
        throw fieldError(
          `customer_type must be one of the following values: ${CUSTOMER_TYPES.join(', ')}`,
        );
      }
      return { customerType: requested, organization: null };
    }
    if (requested !== undefined && requested !== organization.customerType) {
      throw fieldError(
        `customer_type must be ${organization.customerType}, the tier of your account ` +
          `(organization ${organization.name}); leave it out to use it`,
      );
    }
    return { customerType: organization.customerType, organization };
  }
}
