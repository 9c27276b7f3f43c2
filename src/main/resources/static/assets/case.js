// The case page, /cases/{reference}?token=...: where the case stands, the offer to accept or
// decline, feedback, withdrawal, evidence upload, documents and the history. Everything goes
// through the customer API with the token in the X-Case-Token header.
import {
  announce, callApi, formatDate, formatMoney, preferLanguage, retryAfterSeconds, setUpLanguageSwitch, t,
} from './common.js';
import { clearErrors, problemOf, serverProblems, showErrors } from './validation.js';

const CUSTOMER_KINDS = new Set(['CLAIM_FILED', 'EVIDENCE_RECEIVED', 'OFFER_ACCEPTED', 'OFFER_DECLINED',
  'FEEDBACK_RECEIVED', 'WITHDRAWAL']);
const EVIDENCE_TYPES = new Set(['image/png', 'image/jpeg', 'application/pdf', 'text/plain']);
const EVIDENCE_EXTENSIONS = /\.(png|jpe?g|pdf|txt)$/i;
const MAX_FILE = 10 * 1024 * 1024;
const MAX_REQUEST = 12 * 1024 * 1024;

const reference = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() || '');
const token = new URLSearchParams(window.location.search).get('token') || '';
const base = '/api/cases/' + encodeURIComponent(reference);
const notice = document.getElementById('notice');
const element = (id) => document.getElementById(id);
const field = (name) => document.querySelector(`#case [data-field="${name}"]`);
let view = null;

function api(path, options = {}) {
  return callApi(base + path, { ...options, headers: { 'X-Case-Token': token, ...(options.headers || {}) } });
}

async function load() {
  let response;
  try {
    response = await api('');
  } catch (e) {
    element('loading').hidden = true;
    announce(notice, t('answer.offline'), 'error');
    return;
  }
  element('loading').hidden = true;
  if (response.status !== 200) {
    element('case').hidden = true;
    element('missing').hidden = false;
    return;
  }
  view = response.body;
  preferLanguage(view.language);
  render();
}

function render() {
  if (!view) {
    return;
  }
  element('case').hidden = false;
  element('case-heading').textContent = t('case.heading', { reference: view.reference });
  field('type').textContent = t('type.' + view.type);
  field('status').textContent = t('status.' + view.status);
  field('status').dataset.status = view.status;
  field('statusText').textContent = t('status.' + view.status + '.text');
  field('outcome').hidden = !view.outcome;
  field('outcome').textContent = view.outcome ? t('case.outcome', { outcome: t('outcome.' + view.outcome) }) : '';
  field('opened').textContent = t('case.opened', { date: formatDate(view.openedAt) });
  const open = !['RESOLVED', 'REJECTED', 'CLOSED'].includes(view.status);
  field('replyBy').textContent = open && view.replyDueBy ? t('case.replyBy', { date: formatDate(view.replyDueBy) }) : '';
  const actions = new Set(view.actions || []);

  element('offer').hidden = !(actions.has('ANSWER_OFFER') && view.offer);
  if (view.offer) {
    const amount = view.offer.amount != null ? formatMoney(view.offer.amount, view.offer.currency) : '';
    field('offerWhat').textContent = t('offer.' + view.offer.type, { amount });
    field('offerDescription').textContent = view.offer.description || '';
  }
  element('feedback').hidden = !actions.has('GIVE_FEEDBACK');
  element('withdraw').hidden = !actions.has('WITHDRAW');
  element('evidence').hidden = !actions.has('SEND_EVIDENCE');
  renderDocuments();
  renderTimeline();
}

function renderDocuments() {
  const documents = view.documents || [];
  element('documents').hidden = documents.length === 0;
  const list = element('documents').querySelector('ul');
  list.replaceChildren(...documents.map((document_) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = t('case.documents.download', { name: document_.fileName });
    button.addEventListener('click', () => download(document_));
    const when = document.createElement('span');
    when.className = 'when';
    when.textContent = formatDate(document_.createdAt);
    item.append(button, ' ', when);
    return item;
  }));
}

function renderTimeline() {
  const list = element('history').querySelector('ol');
  list.replaceChildren(...(view.timeline || []).map((entry) => {
    const item = document.createElement('li');
    const fromCustomer = CUSTOMER_KINDS.has(entry.kind);
    item.className = fromCustomer ? 'from-customer' : 'from-us';
    item.dataset.kind = entry.kind;
    const head = document.createElement('p');
    head.className = 'entry-head';
    const who = document.createElement('strong');
    who.textContent = fromCustomer ? t('case.timeline.you') : t('case.timeline.us');
    const time = document.createElement('time');
    time.dateTime = entry.at;
    time.textContent = formatDate(entry.at);
    head.append(who, ' · ', time);
    const message = document.createElement('p');
    message.className = 'entry-message';
    message.textContent = entry.message;
    item.append(head, message);
    return item;
  }));
}

/** The document comes with the token header, so it is fetched and handed to the browser as a file. */
async function download(document_) {
  const response = await fetch(document_.href, { headers: { 'X-Case-Token': token } });
  if (!response.ok) {
    announce(notice, t('answer.failed'), 'error');
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = document_.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Runs an action; on 204 says done and reloads the case, on 409 says it is no longer possible. */
async function act(path, doneText, options = {}) {
  announce(notice, '');
  let response;
  try {
    response = await api(path, { method: 'POST', ...options });
  } catch (e) {
    announce(notice, t('answer.offline'), 'error');
    return null;
  }
  if (response.status === 204) {
    await load();
    announce(notice, t(doneText), 'success');
  } else if (response.status === 409) {
    await load();
    announce(notice, t('case.notWaiting'), 'error');
  } else if (response.status === 429) {
    announce(notice, t('answer.tooMany', { seconds: retryAfterSeconds(response.headers) }), 'error');
  } else if (response.status === 404) {
    element('case').hidden = true;
    element('missing').hidden = false;
  } else if (response.status !== 400 && response.status !== 413) {
    announce(notice, t('answer.failed'), 'error');
  }
  return response;
}

function evidenceProblems(files) {
  if (files.length === 0) {
    return [{ name: 'file', message: t('invalid.fileMissing') }];
  }
  const problems = [];
  let total = 0;
  for (const file of files) {
    total += file.size;
    if (!(EVIDENCE_TYPES.has(file.type) || (!file.type && EVIDENCE_EXTENSIONS.test(file.name)))) {
      problems.push({ name: 'file', message: t('invalid.fileType', { name: file.name }) });
    } else if (file.size > MAX_FILE) {
      problems.push({ name: 'file', message: t('invalid.fileSize', { name: file.name }) });
    }
  }
  if (problems.length === 0 && total > MAX_REQUEST) {
    problems.push({ name: 'file', message: t('invalid.filesTotal') });
  }
  return problems.slice(0, 1);
}

async function sendEvidence(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const files = [...form.elements.namedItem('file').files];
  const problems = evidenceProblems(files);
  if (problems.length > 0) {
    showErrors(form, problems);
    return;
  }
  const data = new FormData();
  files.forEach((file) => data.append('file', file, file.name));
  const response = await act('/evidence', 'case.evidence.sent', { form: data });
  if (response && response.status === 204) {
    form.reset();
  } else if (response && response.status === 400) {
    showErrors(form, serverProblems(form, response.body));
  } else if (response && response.status === 413) {
    showErrors(form, [{ name: 'file', message: t('invalid.filesTotal') }]);
  }
}

async function sendFeedback(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors(form);
  const satisfied = form.elements.namedItem('satisfied').value;
  const comment = form.elements.namedItem('comment');
  const problems = [];
  if (!satisfied) {
    problems.push({ name: 'satisfied', message: t('invalid.choice') });
  }
  const commentProblem = problemOf(comment);
  if (commentProblem) {
    problems.push({ name: 'comment', message: commentProblem });
  }
  if (problems.length > 0) {
    showErrors(form, problems);
    return;
  }
  const body = { satisfied: satisfied === 'true' };
  if (comment.value.trim()) {
    body.comment = comment.value.trim();
  }
  const response = await act('/feedback', 'case.feedback.sent', { json: body });
  if (response && response.status === 400) {
    showErrors(form, serverProblems(form, response.body));
  }
}

document.querySelector('[data-action="accept"]').addEventListener('click', () =>
  act('/offer/accept', 'case.offer.accepted'));
document.querySelector('[data-action="decline"]').addEventListener('click', () => {
  if (window.confirm(t('case.offer.declineConfirm'))) {
    act('/offer/decline', 'case.offer.declined');
  }
});
document.querySelector('[data-action="withdraw"]').addEventListener('click', () => {
  if (window.confirm(t('case.withdraw.confirm'))) {
    act('/withdraw', 'case.withdraw.done');
  }
});
document.querySelector('[data-action="refresh"]').addEventListener('click', () => {
  announce(notice, '');
  load();
});
element('evidence-form').addEventListener('submit', sendEvidence);
element('feedback-form').addEventListener('submit', sendFeedback);
setUpLanguageSwitch(render);

if (!token) {
  element('loading').hidden = true;
  element('missing').hidden = false;
  document.body.classList.add('ready');
} else {
  load().then(() => document.body.classList.add('ready'));
}
