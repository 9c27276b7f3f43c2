// What both customer pages share. The server renders each page in its language, from the same
// texts as these: the few the scripts need are written into the page (the JSON data block
// #page-texts). The language switch is a form that works without script; here it is also
// remembered in this browser, and a later visit without ?lang= asks the server for it.

const LANGUAGES = ['en', 'fr'];
const STORED_LANGUAGE = 'claimdesk.language';
const TEXTS = JSON.parse(document.getElementById('page-texts').textContent || '{}');
const language = document.documentElement.lang || 'en';

function storedLanguage() {
  try {
    const stored = window.localStorage.getItem(STORED_LANGUAGE);
    return LANGUAGES.includes(stored) ? stored : null;
  } catch (e) {
    return null; // storage may be off (private mode)
  }
}

/**
 * A language chosen with the switch on an earlier visit, when the address asks for none and the
 * page came in another: load the page again in it. True when the page is about to be replaced.
 */
function followStoredLanguage() {
  const url = new URL(window.location.href);
  const stored = storedLanguage();
  if (!url.searchParams.has('lang') && stored && stored !== language) {
    url.searchParams.set('lang', stored);
    window.location.replace(url);
    return true;
  }
  return false;
}

export function currentLanguage() {
  return language;
}

/** The text for key in the page's language, its {0}, {1} placeholders filled from args. */
export function t(key, ...args) {
  const text = TEXTS[key];
  if (text === undefined) {
    throw new Error('No text for ' + key);
  }
  return text.replace(/\{(\d+)\}/g, (all, index) => (index < args.length ? String(args[index]) : all));
}

/**
 * Remembers the language chosen with the switch (the switch's own form then loads the page in
 * it). Returns false when the page is being loaded again in the remembered language: the caller
 * then sets nothing up.
 */
export function setUpLanguageSwitch() {
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.addEventListener('click', () => {
      try {
        window.localStorage.setItem(STORED_LANGUAGE, button.dataset.lang);
      } catch (e) {
        // not remembered; the page still switches
      }
    });
  });
  return !followStoredLanguage();
}

export function formatDate(instant) {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' })
    .format(new Date(instant));
}

/**
 * Calls the customer API. Resolves to {status, body, headers}; body is the parsed JSON (a problem
 * answer included) or null. Rejects only when the server cannot be reached.
 */
export async function callApi(path, { method = 'GET', json, form, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form;
  }
  const response = await fetch(path, init);
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json().catch(() => null) : null;
  return { status: response.status, body, headers: response.headers };
}

/** Seconds to wait from a 429's Retry-After header (at least 1). */
export function retryAfterSeconds(headers) {
  const value = Number.parseInt(headers.get('Retry-After') || '', 10);
  return Number.isFinite(value) && value > 0 ? value : 1;
}

/** Shows text in a live region (role=status), so that screen readers hear it. */
export function announce(region, text, kind = 'info') {
  region.textContent = text;
  region.dataset.kind = kind;
  region.hidden = !text;
}
