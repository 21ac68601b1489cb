// Small DOM helpers: build elements without innerHTML, and show form errors accessibly.

/** el('td', { className: 'num' }, '13', child) → <td class="num">13 child</td> */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`Missing element #${id}`);
  return node;
}

export function setMessage(node, text, kind = 'error') {
  node.classList.toggle('info', kind === 'info');
  node.textContent = text;
}

function errorSlot(form, field) {
  return form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
}

/** Returns false when the form has no place for this field's message. */
export function setFieldError(form, field, message) {
  const slot = errorSlot(form, field);
  if (!slot) return false;
  slot.textContent = message;
  const input = form.elements.namedItem(field);
  if (input instanceof Element) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  return true;
}

export function clearFieldErrors(form) {
  for (const slot of form.querySelectorAll('[data-error-for]')) {
    setFieldError(form, slot.getAttribute('data-error-for'), '');
  }
}

function labelText(input) {
  return input.labels?.[0]?.textContent.trim() ?? input.name;
}

function byteLength(text) {
  return new TextEncoder().encode(text).length;
}

/** Mirrors the server's checks with the inputs' own constraints (required, min, max, pattern…). */
export function validationMessage(input) {
  const { validity } = input;
  const custom = input.dataset.invalidMessage;
  const maxBytes = Number(input.dataset.maxBytes);
  if (validity.valueMissing) return `${labelText(input)} is required.`;
  if (validity.tooLong) return `${labelText(input)} must be at most ${input.maxLength} characters.`;
  if (maxBytes && byteLength(input.value) > maxBytes) {
    return custom ?? `${labelText(input)} is too long.`;
  }
  if (validity.valid) return '';
  return custom ?? input.validationMessage;
}

/** Shows a message next to each invalid field and focuses the first; true when all are valid. */
export function validateForm(form) {
  clearFieldErrors(form);
  let firstInvalid = null;
  for (const input of form.elements) {
    if (!input.willValidate) continue;
    const message = validationMessage(input);
    if (!message) continue;
    setFieldError(form, input.name, message);
    firstInvalid ??= input;
  }
  firstInvalid?.focus();
  return firstInvalid === null;
}

/**
 * Shows a failed request: the problem's `detail` as is in `messageNode`, and each entry of
 * `errors` next to its field. Expired sessions are already handled, so they show nothing here.
 */
export function showProblem(error, messageNode, form) {
  if (error?.sessionExpired) return;
  if (!error || error.name !== 'ApiError') {
    setMessage(messageNode, 'Something went wrong. Please try again.');
    console.warn(error);
    return;
  }
  setMessage(messageNode, error.message);
  if (!form) return;
  for (const { field, messages } of error.fieldErrors) {
    const text = Array.isArray(messages) ? messages.join(' ') : String(messages ?? '');
    setFieldError(form, String(field), text);
  }
}

/** Disables a form's submit button while a request runs, so double clicks send one request. */
export async function whileBusy(form, task) {
  const button = form.querySelector('[type="submit"]');
  form.setAttribute('aria-busy', 'true');
  if (button) button.disabled = true;
  try {
    return await task();
  } finally {
    form.removeAttribute('aria-busy');
    if (button) button.disabled = false;
  }
}
