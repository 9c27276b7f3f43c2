// What both customer pages share: the language (browser language, a switch remembered in this
// browser), the texts, number and date formats, and calls to the customer API.
import { TEXTS } from './texts.js';

const LANGUAGES = ['en', 'fr'];
const STORED_LANGUAGE = 'claimdesk.language';
const listeners = [];
let language = initialLanguage();

/** ?lang= first, then the choice made with the switch, then the browser's languages; English otherwise. */
function initialLanguage() {
  return chosenLanguage() || browserLanguage();
}

/** The language asked for in the address (?lang=) or chosen with the switch, if any. */
function chosenLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (LANGUAGES.includes(asked)) {
    return asked;
  }
  try {
    const stored = window.localStorage.getItem(STORED_LANGUAGE);
    return LANGUAGES.includes(stored) ? stored : null;
  } catch (e) {
    return null; // storage may be off (private mode)
  }
}

function browserLanguage() {
  for (const preferred of navigator.languages || [navigator.language || 'en']) {
    const code = preferred.toLowerCase().slice(0, 2);
    if (LANGUAGES.includes(code)) {
      return code;
    }
  }
  return 'en';
}

export function currentLanguage() {
  return language;
}

/**
 * The case page opens in the case's language (the one its emails are written in) unless the
 * customer asked for one (?lang=, the switch).
 */
export function preferLanguage(caseLanguage) {
  if (!chosenLanguage() && LANGUAGES.includes(caseLanguage) && caseLanguage !== language) {
    language = caseLanguage;
    translate();
  }
}

/** The text for key in the page's language, {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = TEXTS[language][key] ?? TEXTS.en[key];
  if (text === undefined) {
    throw new Error('No text for ' + key);
  }
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all));
}

/** Whether a text exists for key (optional texts such as hints). */
export function has(key) {
  return key in TEXTS[language];
}

/** Fills every [data-i18n] element's text, [data-i18n-attr="attr:key"] attributes, and the page language. */
export function translate(root = document) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((element) => {
    for (const pair of element.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      element.setAttribute(attribute.trim(), t(key.trim()));
    }
  });
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  });
}

/** Wires the language switch; onChange runs after the texts changed. */
export function setUpLanguageSwitch(onChange) {
  listeners.push(onChange);
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.addEventListener('click', () => {
      language = button.dataset.lang;
      try {
        window.localStorage.setItem(STORED_LANGUAGE, language);
      } catch (e) {
        // not remembered; the page still switches
      }
      const url = new URL(window.location.href);
      if (url.searchParams.has('lang')) {
        url.searchParams.set('lang', language);
        window.history.replaceState(null, '', url);
      }
      translate();
      listeners.forEach((listener) => listener());
    });
  });
  translate();
}

/** An amount in minor units as the page's language writes it, e.g. "1,234.50 EUR" / "1 234,50 EUR". */
export function formatMoney(minorUnits, currency) {
  const format = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(minorUnits / 10 ** digits);
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
