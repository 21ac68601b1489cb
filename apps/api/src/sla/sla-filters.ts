/** `GET /tickets?sla=` values. */
export const SLA_STATES = ['breached', 'at_risk', 'ok'] as const;
export type SlaFilter = (typeof SLA_STATES)[number];

type Condition = [string, Record<string, unknown>];

/**
 * The stored SLA instants compared with `now` (docs/sla.md). `at_risk` is served by
 * IDX_tickets_sla_risk: only tickets whose risk window has not ended are in that range.
 */
export const atRiskCondition = (alias: string, now: Date): Condition => [
  `${alias}.slaRiskUntil >= :slaNow AND ${alias}.slaRiskFrom <= :slaNow`,
  { slaNow: now },
];

/**
 * The same as a list of ids, so a page in queue order starts from the few at-risk rows (found on
 * IDX_tickets_sla_risk) instead of walking the whole queue index looking for them.
 */
const atRiskIds = (alias: string, now: Date): Condition => [
  `${alias}.id IN (SELECT r.id FROM tickets r ` +
    'WHERE r.sla_risk_until >= :slaNow AND r.sla_risk_from <= :slaNow)',
  { slaNow: now },
];

export function slaCondition(alias: string, state: SlaFilter, now: Date): Condition {
  switch (state) {
    case 'breached':
      return [`${alias}.slaBreachAt < :slaNow`, { slaNow: now }];
    case 'at_risk':
      return atRiskIds(alias, now);
    case 'ok':
      return [
        `(${alias}.slaBreachAt IS NULL OR ${alias}.slaBreachAt >= :slaNow) AND ` +
          `(${alias}.slaRiskFrom IS NULL OR ${alias}.slaRiskFrom > :slaNow)`,
        { slaNow: now },
      ];
  }
}
