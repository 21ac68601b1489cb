// Names for the generated schema types. Nothing here is written by hand: every type is an
// alias of `schema.d.ts`, which `npm run api:types` regenerates from the API's document.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

export type Ticket = Schemas['TicketDto'];
export type CreatedTicket = Schemas['CreatedTicketDto'];
export type TicketPage = Schemas['TicketPageDto'];
export type TicketEvent = Schemas['TicketEventDto'];
export type FactorPoints = Schemas['FactorPointsDto'];
export type NewTicket = Schemas['CreateTicketDto'];
export type Me = Schemas['UserDto'];
export type Token = Schemas['TokenDto'];
export type TicketStatus = Ticket['status'];
export type PriorityLevel = Ticket['priority_level'];
export type IssueType = Ticket['issue_type'];
export type CustomerType = Ticket['customer_type'];
export type Role = Me['role'];
export type QueueQuery = NonNullable<paths['/tickets']['get']['parameters']['query']>;
export type TicketSla = Schemas['TicketSlaDto'];
export type SlaMetric = Schemas['SlaMetricDto'];
export type PriorityOverride = Schemas['PriorityOverrideDto'];
export type PriorityOverrideInput = Schemas['PriorityOverrideInput'];
export type TicketUpdate = Schemas['UpdateTicketDto'];
export type ClaimFilter = Schemas['ClaimTicketDto'];
export type Agent = Schemas['AgentDto'];
export type AgentUpdate = Schemas['UpdateAgentDto'];
export type Comment = Schemas['CommentDto'];
export type CommentPage = Schemas['CommentPageDto'];
export type NewComment = Schemas['CreateCommentDto'];
export type SuggestionRequest = Schemas['SuggestIssueTypeDto'];
export type IssueTypeSuggestion = Schemas['IssueTypeSuggestionDto'];
export type SlaFilter = NonNullable<QueueQuery['sla']>;
export type Summary = Schemas['SummaryDto'];
export type SummaryBucket = Schemas['SummaryBucketDto'];
export type LevelCounts = Schemas['LevelCountsDto'];
export type LevelSpread = Schemas['LevelSpreadDto'];
export type LevelPercent = Schemas['LevelPercentDto'];
export type AgentsReport = Schemas['AgentsReportDto'];
export type AgentReport = Schemas['AgentReportDto'];
export type SummaryQuery = paths['/reports/summary']['get']['parameters']['query'];
export type AgentsQuery = paths['/reports/agents']['get']['parameters']['query'];
export type ExportQuery = NonNullable<paths['/tickets/export.csv']['get']['parameters']['query']>;
// Administration: users and invitations, organisations, the audit trail.
export type AdminUser = Schemas['AdminUserDto'];
export type UserPage = Schemas['UserPageDto'];
export type UserQuery = NonNullable<paths['/users']['get']['parameters']['query']>;
export type NewUser = Schemas['CreateUserDto'];
export type UserUpdate = Schemas['UpdateUserDto'];
export type Invitation = Schemas['InvitationDto'];
export type Organization = Schemas['OrganizationDto'];
export type NewOrganization = Schemas['CreateOrganizationDto'];
export type OrganizationUpdate = Schemas['UpdateOrganizationDto'];
export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditPage = Schemas['AuditPageDto'];
export type AuditVerify = Schemas['AuditVerifyDto'];
