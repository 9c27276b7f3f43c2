// In-page checks of the customer forms, the same rules the API applies (it checks again) and the
// server applies to a form sent without script (org.claimdesk.web.ClaimForms), and
// the display of field errors next to their fields, whether found here or by the server.
import { t } from './common.js';

const SHOP_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
// Control characters other than tab, line feed and carriage return.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const AMOUNT = /^\d{1,9}([.,]\d{1,2})?$/;

/** The error text for one control, or null when it is fine. */
export function problemOf(control) {
  const value = control.type === 'checkbox' || control.type === 'radio' ? null : control.value.trim();
  const rule = control.dataset.rule;
  if (control.required && rule === 'choice' && !value) {
    return t('invalid.choice');
  }
  if (control.required && value === '') {
    return t('invalid.required');
  }
  if (!value) {
    return null;
  }
  if (control.maxLength > 0 && value.length > control.maxLength) {
    return t('invalid.tooLong', control.maxLength);
  }
  switch (rule) {
    case 'id': return SHOP_ID.test(value) ? null : t('invalid.id');
    case 'email': return EMAIL.test(value) ? null : t('invalid.email');
    case 'text': return CONTROL.test(value) ? t('invalid.controlCharacters') : null;
    case 'amount': return AMOUNT.test(value) && minorUnits(value) > 0 ? null : t('invalid.amount');
    default: return null;
  }
}

/** "49.90" or "49,90" in minor units (4990); the page asks for amounts with at most two decimals. */
export function minorUnits(text) {
  const [whole, fraction = ''] = text.trim().replace(',', '.').split('.');
  return Number.parseInt(whole, 10) * 100 + Number.parseInt((fraction + '00').slice(0, 2), 10);
}

/** The element a field error belongs to: the control, or the fieldset of a radio group. */
function holderOf(form, name) {
  const control = form.elements.namedItem(name);
  if (control instanceof RadioNodeList) {
    return control[0].closest('fieldset');
  }
  return control;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((error) => {
    error.hidden = true;
    error.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  const summary = form.querySelector('.error-summary');
  if (summary) {
    summary.hidden = true;
    summary.querySelector('ul').replaceChildren();
  }
}

/**
 * Shows each {name, message} next to its field, lists them in the form's summary with links to the
 * fields, and moves the focus to the summary. Problems for unknown fields show in the summary only.
 */
export function showErrors(form, problems) {
  const summary = form.querySelector('.error-summary');
  const list = summary.querySelector('ul');
  for (const { name, message } of problems) {
    const holder = name ? holderOf(form, name) : null;
    const item = document.createElement('li');
    if (holder) {
      holder.setAttribute('aria-invalid', 'true');
      const error = form.querySelector('#' + CSS.escape(holder.id + '-error'));
      error.textContent = message;
      error.hidden = false;
      const link = document.createElement('a');
      link.href = '#' + (holder.tagName === 'FIELDSET' ? holder.querySelector('input').id : holder.id);
      link.textContent = message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        (holder.tagName === 'FIELDSET' ? holder.querySelector('input') : holder).focus();
      });
      item.append(link);
    } else {
      item.textContent = message;
    }
    list.append(item);
  }
  summary.hidden = problems.length === 0;
  if (problems.length > 0) {
    summary.focus();
  }
}

/** The problems of every visible control of the form. */
export function check(form) {
  const problems = [];
  for (const control of form.querySelectorAll('input[name], select[name], textarea[name]')) {
    if (control.closest('[hidden]') || control.type === 'radio' || control.type === 'checkbox' || control.type === 'file') {
      continue;
    }
    const message = problemOf(control);
    if (message) {
      problems.push({ name: control.name, message });
    }
  }
  return problems;
}

/**
 * The server's field errors ({field, message} in a problem answer's errors), each shown with a
 * text in the page's language: the field's own check when it finds the fault, a general one else.
 */
export function serverProblems(form, body) {
  const errors = (body && Array.isArray(body.errors)) ? body.errors : [];
  return errors.map(({ field }) => {
    const name = (field || '').replace(/\[\d+\]$/, '');
    const control = name ? form.elements.namedItem(name) : null;
    const own = control && !(control instanceof RadioNodeList) && control.type !== 'file' ? problemOf(control) : null;
    return { name: control ? name : null, message: own || t('invalid.server') };
  });
}
