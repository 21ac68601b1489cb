// Ticket detail view: every field, the breakdown and the timestamps.
import { api } from './api.js';
import { byId, el, setMessage, showProblem } from './dom.js';
import { formatAge, formatDate, formatNumber, label } from './format.js';
import { breakdownTable, levelBadge, levelOf, scoreOf } from './ticket-view.js';

function timestamp(iso) {
  return el('time', { dateTime: iso }, `${formatDate(iso)} (${formatAge(iso)})`);
}

function detailRows(ticket) {
  return [
    ['Title', ticket.title ?? 'No title'],
    ['Level', levelBadge(levelOf(ticket))],
    ['Score', formatNumber(scoreOf(ticket))],
    ['Status', label(ticket.status)],
    ['Issue type', label(ticket.issue_type)],
    ['Customer type', label(ticket.customer_type)],
    ['Affected users', formatNumber(ticket.impact)],
    ['Created by', `User #${ticket.created_by}`],
    ['Created', timestamp(ticket.created_at)],
    ['Updated', timestamp(ticket.updated_at)],
  ];
}

function renderTicket(ticket) {
  byId('detail-heading').textContent = `Ticket #${ticket.id}`;
  document.title = `Ticket #${ticket.id} · Ticket Priority`;
  const list = el(
    'dl',
    { className: 'details' },
    ...detailRows(ticket).flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]),
  );
  const description = el(
    'section',
    {},
    el('h2', {}, 'Description'),
    el('p', { className: 'description' }, ticket.description ?? 'No description.'),
  );
  byId('detail-body').replaceChildren(
    el('div', { className: 'card' }, list, breakdownTable(ticket.breakdown, scoreOf(ticket))),
    el('div', { className: 'card detail-description' }, description),
  );
}

let shownId = null;

export const detailView = {
  leave() {
    shownId = null;
  },
  async enter({ id }) {
    shownId = id;
    byId('detail-back').addEventListener('click', () => {
      location.hash = '#/queue';
    });
    const message = byId('detail-message');
    byId('detail-heading').textContent = `Ticket #${id}`;
    byId('detail-body').replaceChildren(el('p', { className: 'muted' }, 'Loading…'));
    setMessage(message, '');
    const stillShown = () => shownId === id && document.getElementById('detail-body') !== null;
    try {
      const ticket = await api.getTicket(id);
      if (stillShown()) renderTicket(ticket);
    } catch (error) {
      if (!stillShown()) return;
      byId('detail-body').replaceChildren();
      showProblem(error, message);
    }
  },
};
