import { CreateUsersAndTickets1767225600000 } from './1767225600000-CreateUsersAndTickets';
import { AddSessionsAndDisabledUsers1767300000000 } from './1767300000000-AddSessionsAndDisabledUsers';
import { CreateIdempotencyKeys1767400000000 } from './1767400000000-CreateIdempotencyKeys';
import { QueueAgingAndHistory1767500000000 } from './1767500000000-QueueAgingAndHistory';
import { ExactUsernames1767600000000 } from './1767600000000-ExactUsernames';
import { WorkingTheQueue1767700000000 } from './1767700000000-WorkingTheQueue';
import { SlaTracking1767800000000 } from './1767800000000-SlaTracking';
import { AppSettings1767800000001 } from './1767800000001-AppSettings';
import { LearnedModels1768100000000 } from './1768100000000-LearnedModels';
import { ReportFacts1768200000000 } from './1768200000000-ReportFacts';
import { ReportDurations1768200000001 } from './1768200000001-ReportDurations';
import { PolicyVersions1768300000000 } from './1768300000000-PolicyVersions';
import { AuditTrail1768300000002 } from './1768300000002-AuditTrail';
import { Organizations1768300000003 } from './1768300000003-Organizations';
import { SetupTokens1768300000004 } from './1768300000004-SetupTokens';
import { Webhooks1768400000000 } from './1768400000000-Webhooks';
import { ReportAggregates1768500000000 } from './1768500000000-ReportAggregates';

/** Every migration, in order. An explicit list works the same from tsc output, ts-node and jest. */
export const MIGRATIONS = [
  CreateUsersAndTickets1767225600000,
  AddSessionsAndDisabledUsers1767300000000,
  CreateIdempotencyKeys1767400000000,
  QueueAgingAndHistory1767500000000,
  ExactUsernames1767600000000,
  WorkingTheQueue1767700000000,
  SlaTracking1767800000000,
  AppSettings1767800000001,
  LearnedModels1768100000000,
  ReportFacts1768200000000,
  ReportDurations1768200000001,
  PolicyVersions1768300000000,
  AuditTrail1768300000002,
  Organizations1768300000003,
  SetupTokens1768300000004,
  Webhooks1768400000000,
  ReportAggregates1768500000000,
];
