// Pieces shared by the new-ticket result and the detail view: the level badge and "why".
import { el } from './dom.js';
import { factorLabel, formatFactorInput, formatNumber } from './format.js';

const LEVELS = ['P0', 'P1', 'P2', 'P3'];

export function levelOf(ticket) {
  return ticket.priority_level ?? ticket.level;
}

export function scoreOf(ticket) {
  return ticket.priority_score ?? ticket.score;
}

/** The level as text plus colour, so it never relies on colour alone. */
export function levelBadge(level, { large = false } = {}) {
  const known = LEVELS.includes(level) ? level.toLowerCase() : 'p3';
  const className = `badge level-${known}${large ? ' large' : ''}`;
  return el('span', { className, title: `Priority level ${level}` }, String(level));
}

export function scoreLine(score) {
  return el('p', { className: 'score' }, 'Score ', el('strong', {}, formatNumber(score)));
}

function breakdownRow({ factor, input, points }) {
  return el(
    'tr',
    {},
    el('th', { scope: 'row' }, factorLabel(factor)),
    el('td', {}, formatFactorInput(factor, input)),
    el('td', { className: 'num' }, formatNumber(points)),
  );
}

/** "Why this priority": one row per factor with its input and points, and the total. */
export function breakdownTable(breakdown, score) {
  const rows = (Array.isArray(breakdown) ? breakdown : []).map(breakdownRow);
  return el(
    'table',
    { className: 'breakdown' },
    el('caption', {}, 'Why this priority'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Factor'),
        el('th', { scope: 'col' }, 'Input'),
        el('th', { scope: 'col', className: 'num' }, 'Points'),
      ),
    ),
    el('tbody', {}, ...rows),
    el(
      'tfoot',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, 'Total'),
        el('td', {}),
        el('td', { className: 'num' }, formatNumber(score)),
      ),
    ),
  );
}
