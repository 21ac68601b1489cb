import { ReportRangeQuery } from './summary.query';

export class AgentsQuery extends ReportRangeQuery {}
