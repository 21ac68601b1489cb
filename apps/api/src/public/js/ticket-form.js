// New ticket view: validate like the server does, submit, then show the level and why.
import { api } from './api.js';
import { byId, el, setMessage, showProblem, validateForm, whileBusy } from './dom.js';
import { breakdownTable, levelBadge, levelOf, scoreLine, scoreOf } from './ticket-view.js';

function optionalText(data, name) {
  const value = String(data.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

function readTicket(form) {
  const data = new FormData(form);
  return {
    issue_type: String(data.get('issue_type')),
    impact: Number(data.get('impact')),
    customer_type: String(data.get('customer_type')),
    title: optionalText(data, 'title'),
    description: optionalText(data, 'description'),
  };
}

function showResult(ticket) {
  const level = levelOf(ticket);
  const body = byId('ticket-result-body');
  body.replaceChildren(
    el(
      'div',
      { className: 'result-summary' },
      levelBadge(level, { large: true }),
      scoreLine(scoreOf(ticket)),
      el('a', { href: `#/tickets/${ticket.id}` }, `View ticket #${ticket.id}`),
    ),
    breakdownTable(ticket.breakdown, scoreOf(ticket)),
  );
  const result = byId('ticket-result');
  result.hidden = false;
  byId('ticket-result-heading').focus();
}

async function handleSubmit(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const message = byId('ticket-message');
  setMessage(message, '');
  if (!validateForm(form)) {
    setMessage(message, 'Please correct the highlighted fields.');
    return;
  }
  await whileBusy(form, async () => {
    try {
      const ticket = await api.createTicket(readTicket(form));
      if (!form.isConnected) return;
      showResult(ticket);
      form.reset();
    } catch (error) {
      if (!form.isConnected) return;
      showProblem(error, message, form);
      form.querySelector('[aria-invalid="true"]')?.focus();
    }
  });
}

export const newTicketView = {
  enter() {
    byId('ticket-form').addEventListener('submit', handleSubmit);
  },
};
