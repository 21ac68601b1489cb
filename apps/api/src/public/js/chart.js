// "Queue at a glance": ticket counts per level as CSS bars, one list item per level.
import { api } from './api.js';
import { byId, el } from './dom.js';
import { formatNumber } from './format.js';
import { levelBadge } from './ticket-view.js';

const LEVELS = ['P0', 'P1', 'P2', 'P3'];

/** Four small requests, one per level, reading only `total`. */
export async function loadLevelCounts(status) {
  const pages = await Promise.all(
    LEVELS.map((level) => api.listTickets({ priority_level: level, status, page: 1, limit: 1 })),
  );
  return LEVELS.map((level, index) => ({ level, count: Number(pages[index]?.total ?? 0) }));
}

function chartRow({ level, count }, max) {
  const bar = el('span', { className: `chart-bar level-${level.toLowerCase()}` });
  bar.style.width = `${max === 0 ? 0 : (count / max) * 100}%`;
  const noun = count === 1 ? 'ticket' : 'tickets';
  return el(
    'li',
    {},
    levelBadge(level),
    el('span', { className: 'chart-track', 'aria-hidden': 'true' }, bar),
    el(
      'span',
      { className: 'chart-count' },
      formatNumber(count),
      el('span', { className: 'visually-hidden' }, ` ${noun}`),
    ),
  );
}

export function renderLevelCounts(counts) {
  const max = Math.max(0, ...counts.map(({ count }) => count));
  byId('glance-chart').replaceChildren(...counts.map((item) => chartRow(item, max)));
}
