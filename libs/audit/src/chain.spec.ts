import fc from 'fast-check';

import {
  CHAIN_START,
  checkChain,
  GENESIS_HASH,
  nextEntry,
  type ChainContent,
  type ChainEntry,
} from './chain';

const json = fc.option(fc.json(), { nil: null });
const content: fc.Arbitrary<Omit<ChainContent, 'id'>> = fc.record({
  at: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  actorId: fc.option(fc.integer({ min: 1, max: 2 ** 31 - 1 }), { nil: null }),
  actorUsername: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  action: fc.string({ minLength: 1, maxLength: 20 }),
  target: fc.string({ maxLength: 20 }),
  before: json,
  after: json,
});

function build(contents: Omit<ChainContent, 'id'>[]): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let position = CHAIN_START;
  for (const c of contents) {
    const entry = nextEntry(position, c);
    entries.push(entry);
    position = { lastId: entry.id, lastHash: entry.hash };
  }
  return entries;
}

const FIELDS = ['at', 'actorId', 'actorUsername', 'action', 'target', 'before', 'after'] as const;
const chains = fc.array(content, { minLength: 1, maxLength: 15 });

describe('audit chain', () => {
  it('should find a chain it built intact, checked whole or in any batches', () => {
    fc.assert(
      fc.property(chains, fc.integer({ min: 1, max: 5 }), (contents, batch) => {
        const entries = build(contents);
        expect(entries[0].prevHash).toBe(GENESIS_HASH);
        expect(checkChain(CHAIN_START, entries)).toEqual({
          position: { lastId: entries.length, lastHash: entries.at(-1)!.hash },
          firstBadId: null,
        });
        let position = CHAIN_START;
        for (let i = 0; i < entries.length; i += batch) {
          const check = checkChain(position, entries.slice(i, i + batch));
          expect(check.firstBadId).toBeNull();
          position = check.position;
        }
        expect(position.lastId).toBe(entries.length);
      }),
    );
  });

  it('should name the entry whose content was changed', () => {
    fc.assert(
      fc.property(chains, fc.nat(), fc.constantFrom(...FIELDS), (contents, pick, field) => {
        const entries = build(contents);
        const victim = entries[pick % entries.length];
        const changed = { ...victim, [field]: `${String(victim[field])}x` };
        const tampered = entries.map((e) => (e === victim ? changed : e));
        expect(checkChain(CHAIN_START, tampered).firstBadId).toBe(victim.id);
      }),
    );
  });

  it('should name the entry whose stored hashes were rewritten to match', () => {
    fc.assert(
      fc.property(chains, fc.nat(), (contents, pick) => {
        const entries = build(contents);
        const index = pick % entries.length;
        // Re-hash the changed entry itself: its successor's link still breaks, or, when it is
        // the last entry, the checker must still see the hash differs from its content.
        const forged = nextEntry(
          { lastId: entries[index].id - 1, lastHash: entries[index].prevHash },
          { ...entries[index], action: `${entries[index].action}!` },
        );
        const tampered = entries.map((e, i) => (i === index ? forged : e));
        const expected = index + 1 < entries.length ? entries[index + 1].id : null;
        expect(checkChain(CHAIN_START, tampered).firstBadId).toBe(expected);
      }),
    );
  });

  it('should name the entry after a deleted one', () => {
    fc.assert(
      fc.property(
        fc.array(content, { minLength: 2, maxLength: 15 }),
        fc.nat(),
        (contents, pick) => {
          const entries = build(contents);
          const index = pick % (entries.length - 1);
          const remaining = entries.filter((_, i) => i !== index);
          expect(checkChain(CHAIN_START, remaining).firstBadId).toBe(entries[index + 1].id);
        },
      ),
    );
  });
});
