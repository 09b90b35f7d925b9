import { ENGLISH_MESSAGES, formatMessage, type Message, type MessageKey } from '../engine/index.ts';
import { WIDGET_ENGLISH, type WidgetMessageKey } from './locales/en.ts';
import { FRENCH } from './locales/fr.ts';

/** Every sentence the widget shows: its own (headings, status) and the engine's explanations. */
export type LocaleKey = WidgetMessageKey | MessageKey;
export type LocaleTable = Partial<Record<LocaleKey, string>>;

/** The languages shipped with the widget; any other is a site's own `messages`. */
export type LocaleName = 'en' | 'fr';
export const LOCALES: Readonly<Record<LocaleName, LocaleTable>> = { en: {}, fr: FRENCH };

const ENGLISH: Record<LocaleKey, string> = { ...ENGLISH_MESSAGES, ...WIDGET_ENGLISH };
const KEYS = new Set(Object.keys(ENGLISH));

/** A locale's table with the site's own strings on top; keys neither has are said in English. */
export interface Locale {
  /** BCP 47 tag for prices and the shelf's `lang`; null when the site chose none (the browser's). */
  tag: string | null;
  table: LocaleTable;
}

/** Checks `locale` and `messages` as a site passed them, naming what is wrong. */
export function resolveLocale(locale: unknown, messages: unknown): Locale {
  if (locale !== undefined && (typeof locale !== 'string' || !(locale in LOCALES)))
    throw new TypeError(
      `LocalShelf: locale is ${JSON.stringify(locale)}; expected one of ${Object.keys(LOCALES).join(', ')} ` +
        '(for another language, pass your sentences as messages)',
    );
  if (
    messages !== undefined &&
    (typeof messages !== 'object' || messages === null || Array.isArray(messages))
  )
    throw new TypeError(
      `LocalShelf: messages is ${JSON.stringify(messages)}; expected an object of sentences by key, e.g. {"heading.trending": "Best sellers"}`,
    );
  const own: LocaleTable = {};
  for (const [key, text] of Object.entries(messages ?? {})) {
    if (!KEYS.has(key))
      throw new TypeError(
        `LocalShelf: messages has an unknown key "${key}"; expected keys such as heading.trending or reason.similar (docs/embed.md lists them all)`,
      );
    if (typeof text !== 'string')
      throw new TypeError(`LocalShelf: messages["${key}"] is ${JSON.stringify(text)}; expected a string`);
    own[key as LocaleKey] = text;
  }
  const name = (locale ?? 'en') as LocaleName;
  return { tag: locale === undefined ? null : name, table: { ...LOCALES[name], ...own } };
}

/** A widget sentence with `{name}` parameters filled in. */
export function say(locale: Locale, key: WidgetMessageKey, params: Record<string, string> = {}): string {
  return fill(locale.table[key] ?? ENGLISH[key], params);
}

/** A template with `{name}` parameters filled in; a name without a parameter stays as written. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** An explanation in the page's language: the engine's message through the locale's table. */
export function explain(locale: Locale, message: Message | undefined, english: string): string {
  // Without a message (a list a site built itself) the engine's sentence is all there is.
  return message ? formatMessage(message, locale.table) : english;
}
