/**
 * The English words of the app's own UI (every word of three or more letters in the English catalog), and what a
 * page shows a person: visible text nodes, the aria-label / title / placeholder of visible elements, the options of
 * visible selects and the titles and legends that charts draw on their canvas. A 中文 page showing one of those
 * words shows an untranslated string.
 */
import type { Page } from '@playwright/test';
import { en } from '../../src/renderer/src/i18n/en';

/**
 * Words the 中文 UI keeps as they are, because they are names, not English: the app's name; the book's layer and
 * optimizer class names and weight inits, and MLP; file formats and libraries; the symbols of formulas; keyboard keys;
 * the variable names of the book's shopping example in the Graph tab (apple, orange, tax: identifiers in an expression).
 */
const ALLOWED_PHRASES = ['Backprop Studio', 'Batch Normalization', 'one-hot'];
const ALLOWED_WORDS = new Set(
  [
    ...['affine', 'relu', 'sigmoid', 'tanh', 'softmax', 'softmaxwithloss', 'identitywithloss', 'batchnormalization'],
    ...['dropout', 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'xavier'],
    ...['csv', 'onnx', 'pytorch', 'numpy', 'mnist', 'idx', 'zip', 'safetensors', 'float'],
    ...['exp', 'log', 'max', 'dout', 'nan', 'epsilon'],
    ...['ctrl', 'shift', 'enter', 'mlp', 'apple', 'orange', 'tax'],
  ].map((w) => w.toLowerCase()),
);

/**
 * Identifiers are data, not words: a token with a digit, an underscore or an inner dot (run-1, layers.0.W, bad.csv,
 * x1, class_0) is a run, parameter, file or column name, left as it is in every language.
 */
const isIdentifier = (token: string): boolean => /[A-Za-z]/.test(token) && /\d|_|[A-Za-z]\.[A-Za-z\d]/.test(token);

const wordsOf = (text: string): string[] =>
  (text.replace(/[\p{L}\d_.-]+/gu, (token) => (isIdentifier(token) ? ' ' : token)).match(/[A-Za-z][A-Za-z'-]*[A-Za-z]/g) ?? [])
    .filter((w) => w.length >= 3)
    .map((w) => w.toLowerCase());

/** Every word of the English catalog (parameters left out), minus the allowed names. */
export const UI_WORDS: ReadonlySet<string> = new Set(
  Object.values(en)
    .flatMap((text) => wordsOf(text.replace(/\{\w+\}/g, ' ')))
    .filter((w) => !ALLOWED_WORDS.has(w)),
);

/** The app's English UI words in `text` (allowed phrases removed first). */
export function englishUiWords(text: string): string[] {
  const stripped = ALLOWED_PHRASES.reduce((rest, phrase) => rest.split(phrase).join(' '), text);
  return wordsOf(stripped).filter((w) => UI_WORDS.has(w));
}

/** What the page shows a person now, each with where it is (tag, attribute). */
export async function shownTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [];
    const visible = (el: Element | null): boolean => !!el && el.checkVisibility({ visibilityProperty: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!text || !parent || parent.closest('script, style')) continue;
      if (parent.tagName === 'OPTION' ? visible(parent.closest('select')) : visible(parent))
        out.push({ where: `<${parent.tagName.toLowerCase()}${parent.id ? `#${parent.id}` : ''}>`, text });
    }
    for (const el of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [data-x-title], [data-y-title], [data-legend]',
    )) {
      if (!visible(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'data-x-title', 'data-y-title', 'data-legend']) {
        const value = el.getAttribute(name);
        if (value) out.push({ where: `<${el.tagName.toLowerCase()} ${name}>`, text: value });
      }
    }
    return out;
  });
}

/** Every shown text that contains an English UI word, as "where: text [words]". */
export async function untranslatedTexts(page: Page): Promise<string[]> {
  return (await shownTexts(page)).flatMap(({ where, text }) => {
    const words = englishUiWords(text);
    return words.length > 0 ? [`${where} ${JSON.stringify(text)} [${words.join(', ')}]`] : [];
  });
}
