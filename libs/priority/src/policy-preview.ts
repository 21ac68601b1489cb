import { queueKey } from './aging';
import { scoreTicket, type TicketFacts } from './score';
import type { PriorityLevel, PriorityWeights } from './weights';

/** An active ticket as the what-if sees it: its facts and a pinned level, if any. */
export interface PreviewTicket {
  id: number;
  title: string | null;
  facts: TicketFacts;
  overrideLevel: PriorityLevel | null;
}

/** One side of the comparison: weights, and whether a ticket at a level has breached its SLA. */
export interface PreviewSide {
  weights: PriorityWeights;
  breached(ticket: PreviewTicket, level: PriorityLevel): boolean;
}

export interface PreviewMover {
  id: number;
  title: string | null;
  fromLevel: PriorityLevel;
  toLevel: PriorityLevel;
  fromScore: number;
  toScore: number;
  /** Queue positions, from 1. */
  fromRank: number;
  toRank: number;
}

export interface PolicyPreview {
  ticketsConsidered: number;
  /** `"P2->P1": n` for every pair of levels that at least one ticket moves between. */
  levelChanges: Record<string, number>;
  /** Tickets whose level in force stays. */
  unchanged: number;
  topMovers: PreviewMover[];
  firstPageBefore: number[];
  firstPageAfter: number[];
  slaBreachedBefore: number;
  slaBreachedAfter: number;
}

export interface PreviewOptions {
  movers?: number;
  pageSize?: number;
}

interface Placed {
  score: number;
  level: PriorityLevel;
  key: number;
  rank: number;
}

/** Scores every ticket under `weights` at `now` and numbers them in queue order (from 1). */
function place(tickets: readonly PreviewTicket[], weights: PriorityWeights, now: Date): Placed[] {
  const placed = tickets.map((ticket) => {
    const { score, level: computed } = scoreTicket(ticket.facts, now, weights);
    const level = ticket.overrideLevel ?? computed;
    return { score, level, key: queueKey(level, score, ticket.facts.createdAt), rank: 0 };
  });
  const order = placed.map((_, index) => index);
  order.sort((a, b) => placed[a].key - placed[b].key || tickets[a].id - tickets[b].id);
  order.forEach((index, position) => (placed[index].rank = position + 1));
  return placed;
}

function firstPage(tickets: readonly PreviewTicket[], placed: Placed[], size: number): number[] {
  const page: number[] = new Array<number>(Math.min(size, tickets.length));
  placed.forEach((p, index) => {
    if (p.rank <= size) page[p.rank - 1] = tickets[index].id;
  });
  return page;
}

/**
 * What a candidate policy would do to the live queue, compared with the policy in force, both
 * evaluated at the same instant: level changes (of the level in force: an override keeps its
 * level), the tickets that move most in queue position, the first page before and after, and how
 * many tickets have a breached SLA target. Pure: nothing is read or written.
 */
export function previewPolicy(
  tickets: readonly PreviewTicket[],
  before: PreviewSide,
  after: PreviewSide,
  now: Date,
  options: PreviewOptions = {},
): PolicyPreview {
  const pageSize = options.pageSize ?? 10;
  const was = place(tickets, before.weights, now);
  const will = place(tickets, after.weights, now);
  const levelChanges: Record<string, number> = {};
  let unchanged = 0;
  let slaBreachedBefore = 0;
  let slaBreachedAfter = 0;
  tickets.forEach((ticket, index) => {
    const [from, to] = [was[index].level, will[index].level];
    if (from === to) unchanged++;
    else levelChanges[`${from}->${to}`] = (levelChanges[`${from}->${to}`] ?? 0) + 1;
    if (before.breached(ticket, from)) slaBreachedBefore++;
    if (after.breached(ticket, to)) slaBreachedAfter++;
  });
  return {
    ticketsConsidered: tickets.length,
    levelChanges,
    unchanged,
    topMovers: topMovers(tickets, was, will, options.movers ?? 20),
    firstPageBefore: firstPage(tickets, was, pageSize),
    firstPageAfter: firstPage(tickets, will, pageSize),
    slaBreachedBefore,
    slaBreachedAfter,
  };
}

/** The largest moves in queue position (either way); ties: the new first, then the lower id. */
function topMovers(
  tickets: readonly PreviewTicket[],
  was: Placed[],
  will: Placed[],
  count: number,
): PreviewMover[] {
  const moved = tickets
    .map((_, index) => index)
    .filter((index) => was[index].rank !== will[index].rank);
  const distance = (index: number) => Math.abs(was[index].rank - will[index].rank);
  moved.sort(
    (a, b) =>
      distance(b) - distance(a) || will[a].rank - will[b].rank || tickets[a].id - tickets[b].id,
  );
  return moved.slice(0, count).map((index) => ({
    id: tickets[index].id,
    title: tickets[index].title,
    fromLevel: was[index].level,
    toLevel: will[index].level,
    fromScore: was[index].score,
    toScore: will[index].score,
    fromRank: was[index].rank,
    toRank: will[index].rank,
  }));
}
