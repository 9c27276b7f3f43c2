// The case page, /cases/{reference}?token=..., as the server rendered it: each action there is a
// form posted back to the server (it works without script). Here the actions go to the customer
// API instead (the token in the X-Case-Token header), checked in the page first, and the page is
// refreshed in place from the server's rendering, without reloading.
import { announce, callApi, retryAfterSeconds, setUpLanguageSwitch, t } from './common.js';
import { clearErrors, problemOf, serverProblems, showErrors } from './validation.js';

const EVIDENCE_TYPES = new Set(['image/png', 'image/jpeg', 'application/pdf', 'text/plain']);
const EVIDENCE_EXTENSIONS = /\.(png|jpe?g|pdf|txt)$/i;
const MAX_FILE = 10 * 1024 * 1024;
const MAX_REQUEST = 12 * 1024 * 1024;

const main = document.getElementById('main');
const token = new URLSearchParams(window.location.search).get('token') || '';
const notice = () => document.getElementById('notice');

function base() {
  const article = document.getElementById('case');
  return '/api/cases/' + encodeURIComponent(article ? article.dataset.reference : '');
}

function api(path, options = {}) {
  return callApi(base() + path, { ...options, headers: { 'X-Case-Token': token, ...(options.headers || {}) } });
}

/** The page as the server renders it now (a case no longer shown is the page's "cannot show" part). */
async function load() {
  const url = new URL(window.location.href);
  url.searchParams.delete('notice');
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'text/html' } });
  } catch (e) {
    announce(notice(), t('answer.offline'), 'error');
    return;
  }
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('main');
  if (!fresh) {
    announce(notice(), t('answer.failed'), 'error');
  } else if (document.getElementById('case') && fresh.querySelector('#case')) {
    update(fresh.querySelector('#case'));
  } else {
    main.replaceChildren(...[...fresh.childNodes].map((node) => document.importNode(node, true)));
  }
}

/**
 * Brings the case on the page up to the server's fresh rendering in place: the same elements keep
 * their place (and the focus), only their texts, what is shown and the lists change.
 */
function update(fresh) {
  const current = document.getElementById('case');
  current.querySelectorAll('[data-field]').forEach((element) => {
    const next = fresh.querySelector(`[data-field="${element.dataset.field}"]`);
    if (next) {
      element.textContent = next.textContent;
      element.hidden = next.hidden;
      if (next.dataset.status) {
        element.dataset.status = next.dataset.status;
      }
    }
  });
  for (const id of ['offer', 'feedback', 'withdraw', 'evidence', 'documents']) {
    document.getElementById(id).hidden = fresh.querySelector('#' + id).hidden;
  }
  for (const list of ['.documents', '.timeline']) {
    current.querySelector(list).replaceChildren(
      ...[...fresh.querySelector(list).childNodes].map((node) => document.importNode(node, true)));
  }
}

/** Runs an action; on 204 reloads the case and says done, on 409 says it is no longer possible. */
async function act(path, doneText, options = {}) {
  announce(notice(), '');
  let response;
  try {
    response = await api(path, { method: 'POST', ...options });
  } catch (e) {
    announce(notice(), t('answer.offline'), 'error');
    return null;
  }
  if (response.status === 204) {
    await load();
    announce(notice(), t(doneText), 'success');
  } else if (response.status === 409) {
    await load();
    announce(notice(), t('case.notWaiting'), 'error');
  } else if (response.status === 429) {
    announce(notice(), t('answer.tooMany', retryAfterSeconds(response.headers)), 'error');
  } else if (response.status === 404) {
    await load();
  } else if (response.status !== 400 && response.status !== 413) {
    announce(notice(), t('answer.failed'), 'error');
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
      problems.push({ name: 'file', message: t('invalid.fileType', file.name) });
    } else if (file.size > MAX_FILE) {
      problems.push({ name: 'file', message: t('invalid.fileSize', file.name) });
    }
  }
  if (problems.length === 0 && total > MAX_REQUEST) {
    problems.push({ name: 'file', message: t('invalid.filesTotal') });
  }
  return problems.slice(0, 1);
}

async function sendEvidence(form) {
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
  if (response && response.status === 400) {
    showErrors(form, serverProblems(form, response.body));
  } else if (response && response.status === 413) {
    showErrors(form, [{ name: 'file', message: t('invalid.filesTotal') }]);
  }
}

async function sendFeedback(form) {
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

/** What each button does instead of posting its form; the page is drawn again after each, so listen on it all. */
const ACTIONS = {
  accept: () => act('/offer/accept', 'case.offer.accepted'),
  decline: () => window.confirm(t('case.offer.declineConfirm')) && act('/offer/decline', 'case.offer.declined'),
  withdraw: () => window.confirm(t('case.withdraw.confirm')) && act('/withdraw', 'case.withdraw.done'),
  refresh: () => {
    announce(notice(), '');
    return load();
  },
};

if (setUpLanguageSwitch()) {
  main.addEventListener('click', (event) => {
    const control = event.target.closest('[data-action]');
    if (control && ACTIONS[control.dataset.action]) {
      event.preventDefault();
      ACTIONS[control.dataset.action]();
    }
  });
  main.addEventListener('submit', (event) => {
    if (event.target.id === 'evidence-form') {
      event.preventDefault();
      sendEvidence(event.target);
    } else if (event.target.id === 'feedback-form') {
      event.preventDefault();
      sendFeedback(event.target);
    }
  });
  document.body.classList.add('ready');
}
