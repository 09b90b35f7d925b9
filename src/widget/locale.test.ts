import { describe, expect, it } from 'vitest';
import { ENGLISH_MESSAGES, type Message } from '../engine/index.ts';
import { explain, resolveLocale, say } from './locale.ts';
import { WIDGET_ENGLISH } from './locales/en.ts';
import { FRENCH } from './locales/fr.ts';

const message = (key: Message['key'], params: Message['params'] = {}): Message => ({ key, params });

describe('widget locale', () => {
  it('says English exactly as the engine does when the site chose nothing', () => {
    const en = resolveLocale(undefined, undefined);
    const msg = message('reason.similar-sharing', { title: 'Kettle', shared: 'Kitchen, Voltix' });
    expect(explain(en, msg, 'Similar to Kettle (Kitchen, Voltix)')).toBe(
      'Similar to Kettle (Kitchen, Voltix)',
    );
    expect(say(en, 'heading.because-viewed', { title: 'Kettle' })).toBe('Because you viewed Kettle');
    expect(en.tag).toBeNull();
  });

  it('says French from the French table, with the site’s own sentences on top', () => {
    const fr = resolveLocale('fr', { 'heading.trending': 'Nos best-sellers' });
    expect(say(fr, 'heading.trending')).toBe('Nos best-sellers');
    expect(say(fr, 'heading.for-you')).toBe('Recommandé pour vous');
    expect(explain(fr, message('reason.trending', { rank: 2 }), 'Popular with shoppers right now (#2)')).toBe(
      'Populaire en ce moment (n° 2)',
    );
    expect(fr.tag).toBe('fr');
  });

  it('has a French sentence for every key, with the same parameters as the English one', () => {
    const english: Record<string, string> = { ...ENGLISH_MESSAGES, ...WIDGET_ENGLISH };
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(FRENCH).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(FRENCH))
      expect(params(text), key).toEqual(params(english[key]!));
  });

  it('refuses a locale it does not ship, an unknown key and a non-string, naming them', () => {
    expect(() => resolveLocale('de', undefined)).toThrow(/locale is "de"; expected one of en, fr/);
    expect(() => resolveLocale('fr', { 'heading.trendy': 'x' })).toThrow(/unknown key "heading\.trendy"/);
    expect(() => resolveLocale('fr', { 'heading.trending': 3 })).toThrow(
      /messages\["heading\.trending"\] is 3/,
    );
    expect(() => resolveLocale(undefined, ['x'])).toThrow(/messages is \["x"\]; expected an object/);
  });
});
