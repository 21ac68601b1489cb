// Queue view: the priority queue with filters, pagination and a 30 s auto-refresh that
// keeps the user's page, filters and keyboard focus.
import { api } from './api.js';
import { loadLevelCounts, renderLevelCounts } from './chart.js';
import { byId, el, setMessage, showProblem } from './dom.js';
import { formatAge, formatDate, formatNumber, label } from './format.js';
import { levelBadge, levelOf, scoreOf } from './ticket-view.js';

const STATE_KEY = 'tps.queue';
const REFRESH_MS = 30_000;
const MIN_GAP_MS = 2_000;
const DEFAULTS = { page: 1, limit: 10, level: '', status: '' };
const PAGE_SIZES = [10, 25, 50, 100];
const LEVELS = ['P0', 'P1', 'P2', 'P3'];
const STATUSES = ['open', 'in_progress', 'resolved', 'closed'];

let state = loadState();
let active = false;
let timer = null;
let sequence = 0;
let lastLoadAt = 0;

function loadState() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STATE_KEY) ?? '{}');
    return {
      page: Number.isInteger(saved.page) && saved.page > 0 ? saved.page : DEFAULTS.page,
      limit: PAGE_SIZES.includes(saved.limit) ? saved.limit : DEFAULTS.limit,
      level: LEVELS.includes(saved.level) ? saved.level : '',
      status: STATUSES.includes(saved.status) ? saved.status : '',
    };
  } catch {
    return { ...DEFAULTS };
  }
}

function saveState() {
  sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
}

function pageCount(total) {
  return Math.max(1, Math.ceil(total / state.limit));
}

function hasFilters() {
  return state.level !== '' || state.status !== '';
}

function cell(name, content, className = '') {
  const td = el('td', { className }, content);
  td.dataset.label = name;
  return td;
}

function ticketRow(ticket) {
  const age = el(
    'time',
    { dateTime: ticket.created_at, title: formatDate(ticket.created_at) },
    formatAge(ticket.created_at),
  );
  const name = ticket.title || `Ticket #${ticket.id}`;
  const link = el('a', { href: `#/tickets/${ticket.id}` }, name);
  link.dataset.ticketId = String(ticket.id);
  return el(
    'tr',
    {},
    el('td', { className: 'level' }, levelBadge(levelOf(ticket))),
    cell('Score', formatNumber(scoreOf(ticket)), 'num'),
    el('td', { className: 'title' }, link),
    cell('Issue', label(ticket.issue_type)),
    cell('Customer', label(ticket.customer_type)),
    cell('Impact', formatNumber(ticket.impact), 'num'),
    cell('Status', el('span', { className: 'status-pill' }, label(ticket.status)), 'status'),
    cell('Age', age),
  );
}

/** Re-rendering must not throw away focus: put it back on the same ticket's link. */
function renderRows(tickets) {
  const rows = byId('queue-rows');
  const focused = rows.contains(document.activeElement) ? document.activeElement : null;
  const focusedId = focused?.dataset?.ticketId;
  rows.replaceChildren(...tickets.map(ticketRow));
  if (focusedId) rows.querySelector(`[data-ticket-id="${CSS.escape(focusedId)}"]`)?.focus();
}

function renderEmpty(isEmpty) {
  byId('queue-table-wrap').hidden = isEmpty;
  byId('queue-empty').hidden = !isEmpty;
  byId('queue-clear-filters').hidden = !hasFilters();
  byId('queue-empty-text').textContent = hasFilters()
    ? 'No tickets match these filters.'
    : 'No tickets yet. Create one with New ticket.';
}

function setDisabledKeepingFocus(button, disabled, fallback) {
  const hadFocus = document.activeElement === button;
  button.disabled = disabled;
  if (hadFocus && disabled) fallback.focus();
}

function renderPager(total) {
  const pages = pageCount(total);
  const prev = byId('queue-prev');
  const next = byId('queue-next');
  byId('queue-page').textContent = `Page ${state.page} of ${pages}`;
  setDisabledKeepingFocus(prev, state.page <= 1, next);
  setDisabledKeepingFocus(next, state.page >= pages, prev);
}

function renderSummary(total, shown) {
  const first = total === 0 ? 0 : (state.page - 1) * state.limit + 1;
  const noun = total === 1 ? 'ticket' : 'tickets';
  byId('queue-summary').textContent =
    total === 0 ? '' : `Showing ${first}–${first + shown - 1} of ${formatNumber(total)} ${noun}.`;
  const time = new Date().toLocaleTimeString(undefined, { timeStyle: 'short' });
  byId('queue-updated').textContent = `Updated ${time}.`;
}

function renderList({ tickets = [], total = 0 }) {
  renderRows(tickets);
  renderEmpty(total === 0);
  renderPager(total);
  renderSummary(total, tickets.length);
}

async function loadList(id) {
  const { page, limit, level, status } = state;
  const list = await api.listTickets({ page, limit, priority_level: level, status });
  if (id !== sequence || !active) return;
  const total = Number(list.total ?? 0);
  if (total > 0 && state.page > pageCount(total)) {
    // Tickets left the queue since the last look: show the last page that still exists.
    state.page = pageCount(total);
    saveState();
    await refresh();
    return;
  }
  renderList({ tickets: list.tickets ?? [], total });
  setMessage(byId('queue-message'), '');
}

async function loadChart(id) {
  const counts = await loadLevelCounts(state.status);
  if (id === sequence && active) renderLevelCounts(counts);
}

export async function refresh() {
  if (!active) return;
  const id = ++sequence;
  lastLoadAt = Date.now();
  const table = byId('queue-table');
  table.setAttribute('aria-busy', 'true');
  const [list, chart] = await Promise.allSettled([loadList(id), loadChart(id)]);
  if (id !== sequence || !active) return;
  table.removeAttribute('aria-busy');
  const failure = list.status === 'rejected' ? list.reason : chart.reason;
  if (failure) showProblem(failure, byId('queue-message'));
}

function showFiltersFromState() {
  byId('filter-level').value = state.level;
  byId('filter-status').value = state.status;
  byId('filter-limit').value = String(state.limit);
}

function handleFilterChange(event) {
  const { name, value } = event.target;
  if (name === 'limit') {
    // Keep the first ticket on screen visible when the page size changes.
    const firstIndex = (state.page - 1) * state.limit;
    state.limit = Number(value);
    state.page = Math.floor(firstIndex / state.limit) + 1;
  } else {
    state[name] = value;
    state.page = 1;
  }
  saveState();
  void refresh();
}

function goToPage(delta) {
  state.page = Math.max(1, state.page + delta);
  saveState();
  void refresh();
}

function refreshIfStale() {
  if (active && document.visibilityState === 'visible' && Date.now() - lastLoadAt > MIN_GAP_MS) {
    void refresh();
  }
}

function clearFilters() {
  state = { ...state, level: '', status: '', page: 1 };
  saveState();
  showFiltersFromState();
  void refresh();
  byId('filter-level').focus();
}

function bindControls() {
  const filters = byId('queue-filters');
  filters.addEventListener('change', handleFilterChange);
  filters.addEventListener('submit', (event) => event.preventDefault());
  byId('queue-prev').addEventListener('click', () => goToPage(-1));
  byId('queue-next').addEventListener('click', () => goToPage(1));
  byId('queue-refresh').addEventListener('click', () => void refresh());
  byId('queue-clear-filters').addEventListener('click', clearFilters);
}

// Coming back to the tab or window refreshes the queue, if it is on screen.
window.addEventListener('focus', refreshIfStale);
document.addEventListener('visibilitychange', refreshIfStale);

/** Forget the place in the queue, e.g. when another user signs in on this tab. */
export function resetQueueState() {
  state = { ...DEFAULTS };
  sessionStorage.removeItem(STATE_KEY);
}

export const queueView = {
  enter() {
    active = true;
    bindControls();
    showFiltersFromState();
    void refresh();
    timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, REFRESH_MS);
  },
  leave() {
    active = false;
    clearInterval(timer);
    timer = null;
  },
};
