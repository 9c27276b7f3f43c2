// The start page, as the server rendered it (every form works without script, posted to
// /claims/{form}): here one form shows at a time, for what the visitor chose; it is checked in
// the page, sent to the customer API without reloading, and answered with the case reference,
// what happens next and the private link to the case page.
import {
  announce, callApi, formatDate, retryAfterSeconds, setUpLanguageSwitch, t,
} from './common.js';
import { check, clearErrors, minorUnits, serverProblems, showErrors } from './validation.js';

const start = document.getElementById('start');
const done = document.getElementById('done');
const choices = [...document.querySelectorAll('[data-choose]')];
const forms = [...document.querySelectorAll('form.claim')];

/** One idempotency key per request body: sending the same form again (a retry) replays the first answer. */
const lastSent = new WeakMap();

function choose(key, focus = true) {
  for (const button of choices) {
    button.setAttribute('aria-expanded', String(button.dataset.choose === key));
    button.classList.toggle('chosen', button.dataset.choose === key);
  }
  for (const form of forms) {
    form.hidden = form.dataset.claim !== key;
  }
  const form = forms.find((f) => f.dataset.claim === key);
  if (form) {
    showWhenKind(form);
    if (focus) {
      form.querySelector('input:not([type=hidden]), select, textarea').focus();
    }
  }
}

/** The discrepancy form asks for the expected amount only for an amount mismatch. */
function showWhenKind(form) {
  const kind = form.elements.namedItem('kind');
  form.querySelectorAll('[data-when-kind]').forEach((control) => {
    control.closest('.field').hidden = !kind || kind.value !== control.dataset.whenKind;
  });
}

function bodyOf(form) {
  const value = (name) => form.elements.namedItem(name).value.trim();
  const language = value('language');
  switch (form.dataset.claim) {
    case 'refund':
      return { orderId: value('orderId'), email: value('email'), reason: value('reason'),
        description: value('description'), language };
    case 'cancellation':
      return { subscriptionId: value('subscriptionId'), email: value('email'), mode: value('mode'),
        refundRequested: form.elements.namedItem('refundRequested').checked, reason: value('reason'), language };
    case 'discrepancy': {
      const body = { paymentId: value('paymentId'), email: value('email'), kind: value('kind'),
        description: value('description'), channel: 'WEB', language };
      if (body.kind === 'AMOUNT_MISMATCH') {
        body.expectedAmount = minorUnits(value('expectedAmount'));
      }
      return body;
    }
    case 'wallet':
      return { orderId: value('orderId'), payerName: value('payerName'), email: value('email'), language };
    default:
      throw new Error('Unknown form ' + form.dataset.claim);
  }
}

/** The form's own key (rendered with it) for its first request body, a new one for each other body. */
function idempotencyKeyFor(form, body) {
  const text = JSON.stringify(body);
  const last = lastSent.get(form);
  if (last && last.text === text) {
    return last.key;
  }
  const key = last ? 'web-' + crypto.randomUUID() : form.elements.namedItem('idempotencyKey').value;
  lastSent.set(form, { text, key });
  return key;
}

async function send(event) {
  const form = event.target;
  event.preventDefault();
  clearErrors(form);
  const answer = form.querySelector('.form-answer');
  announce(answer, '');
  const problems = check(form);
  if (problems.length > 0) {
    showErrors(form, problems);
    return;
  }
  const body = bodyOf(form);
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  button.textContent = t('start.sending');
  try {
    const response = await callApi(form.dataset.endpoint, {
      method: 'POST', json: body, headers: { 'Idempotency-Key': idempotencyKeyFor(form, body) },
    });
    if (response.status === 201 || response.status === 200) {
      // A late replay of the same request is a 201 without the token: shown as the case already open.
      const created = response.status === 201 && response.body.accessToken;
      showDone(created ? response.body : { existing: response.body });
    } else if (response.status === 400) {
      showErrors(form, serverProblems(form, response.body));
    } else if (response.status === 422) {
      announce(answer, t('answer.notFound.' + form.dataset.subject), 'error');
    } else if (response.status === 429) {
      announce(answer, t('answer.tooMany', retryAfterSeconds(response.headers)), 'error');
    } else if (response.status === 409) {
      announce(answer, t('answer.conflict'), 'error');
    } else {
      announce(answer, t('answer.failed'), 'error');
    }
  } catch (e) {
    announce(answer, t('answer.offline'), 'error');
  } finally {
    button.disabled = false;
    button.textContent = t('start.send');
  }
}

function privateLink(created) {
  const url = new URL('/cases/' + encodeURIComponent(created.reference), window.location.origin);
  url.searchParams.set('token', created.accessToken);
  return url.toString();
}

function showDone(result) {
  const field = (name) => done.querySelector(`[data-field="${name}"]`);
  const created = !result.existing;
  done.querySelector('[data-part="created"]').hidden = !created;
  field('existing').hidden = created;
  if (created) {
    document.getElementById('done-heading').textContent = t('done.heading');
    field('reference').textContent = result.reference;
    field('status').textContent = t('done.status', t('status.' + result.status));
    field('replyBy').textContent = result.replyDueBy ? t('done.replyBy', formatDate(result.replyDueBy)) : '';
    field('replyBy').hidden = !result.replyDueBy;
    const decided = ['REJECTED', 'RESOLVED', 'CLOSED'].includes(result.status);
    field('next').textContent = decided ? t('done.decided') : t('done.next.' + result.type);
    const link = privateLink(result);
    field('link').href = link;
    field('link').textContent = link;
    field('open').href = link;
  } else {
    document.getElementById('done-heading').textContent = t('done.existing.heading');
    field('existing').textContent = t('done.existing', result.existing.reference);
  }
  start.hidden = true;
  done.hidden = false;
  done.focus();
}

function again(event) {
  event.preventDefault();
  done.hidden = true;
  start.hidden = false;
  forms.forEach((form) => {
    form.reset();
    clearErrors(form);
    lastSent.delete(form);
    // The rendered key may have filed the case just shown: the next request gets its own.
    form.elements.namedItem('idempotencyKey').value = 'web-' + crypto.randomUUID();
  });
  choose(null);
  choices[0].focus();
}

choices.forEach((button) => button.addEventListener('click', (event) => {
  event.preventDefault();
  choose(button.dataset.choose);
}));
forms.forEach((form) => {
  form.addEventListener('submit', send);
  form.querySelector('[data-action="change"]').addEventListener('click', (event) => {
    event.preventDefault();
    const key = form.dataset.claim;
    choose(null);
    choices.find((button) => button.dataset.choose === key).focus();
  });
  const kind = form.elements.namedItem('kind');
  if (kind) {
    kind.addEventListener('change', () => showWhenKind(form));
  }
});
done.querySelector('[data-action="another"]').addEventListener('click', again);
if (setUpLanguageSwitch()) {
  // One form at a time: the one the server sent back with its errors, else none until chosen.
  const opened = forms.find((form) => form.dataset.open === 'true');
  choose(opened ? opened.dataset.claim : null, false);
  if (opened) {
    const summary = opened.querySelector('.error-summary');
    (summary.hidden ? opened : summary).focus();
  }
  choices.forEach((choice) => choice.setAttribute('role', 'button'));
  document.body.classList.add('ready');
}
