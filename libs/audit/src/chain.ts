import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers: everything it says, in stored form. */
export interface ChainContent {
  id: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  action: string;
  target: string;
  /** The stored JSON text, or null. */
  before: string | null;
  after: string | null;
}

export interface ChainEntry extends ChainContent {
  prevHash: string;
  hash: string;
}

/** Where a walk of the chain stands: the last entry checked (id 0 and GENESIS before any). */
export interface ChainPosition {
  lastId: number;
  lastHash: string;
}

export const CHAIN_START: ChainPosition = { lastId: 0, lastHash: GENESIS_HASH };

/** SHA-256 (hex) of the previous entry's hash followed by this entry's content. */
export function entryHash(prevHash: string, content: ChainContent): string {
  const fields = [
    content.id,
    content.at,
    content.actorId,
    content.actorUsername,
    content.action,
    content.target,
    content.before,
    content.after,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/** The entry that follows `position`, hashed and linked. */
export function nextEntry(position: ChainPosition, content: Omit<ChainContent, 'id'>): ChainEntry {
  const linked = { ...content, id: position.lastId + 1 };
  return { ...linked, prevHash: position.lastHash, hash: entryHash(position.lastHash, linked) };
}

/** Whether `entry` is the intact successor of `position`: next id, linked, and unaltered. */
export function isIntactSuccessor(position: ChainPosition, entry: ChainEntry): boolean {
  return (
    entry.id === position.lastId + 1 &&
    entry.prevHash === position.lastHash &&
    entry.hash === entryHash(entry.prevHash, entry)
  );
}

export interface ChainCheck {
  position: ChainPosition;
  /** The first entry that is not an intact successor; null when all were. */
  firstBadId: number | null;
}

/** Checks a run of entries (in id order) that continues the chain at `position`. */
export function checkChain(position: ChainPosition, entries: readonly ChainEntry[]): ChainCheck {
  let current = position;
  for (const entry of entries) {
    if (!isIntactSuccessor(current, entry)) return { position: current, firstBadId: entry.id };
    current = { lastId: entry.id, lastHash: entry.hash };
  }
  return { position: current, firstBadId: null };
}
