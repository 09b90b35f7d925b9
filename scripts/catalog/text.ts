/** Titles, descriptions and tags, built from a product's drawn attributes. */
import type { Rng } from './prng.ts';
import type { LeafRef } from './taxonomy.ts';
import { BOOK_ADJECTIVES, SERIES, type Style } from './words.ts';

export interface Draft {
  ref: LeafRef;
  brand: string;
  style: Style;
  colour: string;
  material: string;
  size: string;
  noun: string;
}

/** Lower-cases plain capitalised words but keeps acronyms and codes (GaN, USB-C, TPU). */
export function lowerWords(text: string): string {
  return text
    .split(' ')
    .map((word) => (/^[A-Z][a-z\u00e0-\u00ff\u2019'-]*$/.test(word) ? word.toLowerCase() : word))
    .join(' ');
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}

/** Sizes that say nothing are left out of titles. */
function sizeSuffix(size: string): string {
  return size === 'Standard' || size === 'One Size' || size === 'Single' ? '' : size;
}

const SERIES_SUFFIX = ['', '', ' 2', ' 3', ' X', ' Pro', ' Lite', ' Max', ' S', ' 400', ' II'];

function seriesName(rng: Rng): string {
  return rng.pick(SERIES) + rng.pick(SERIES_SUFFIX);
}

export function productTitle(d: Draft, rng: Rng): string {
  const size = sizeSuffix(d.size);
  const styleWord = rng.pick(d.style.words);
  const candidates = [
    `${d.brand} ${styleWord} ${d.noun}${size ? `, ${size}` : ''}`,
    `${d.brand} ${seriesName(rng)} ${d.noun}${size ? ` ${size}` : ''}`,
    `${d.brand} ${d.material} ${d.noun} \u2013 ${d.colour}`,
    `${d.brand} ${seriesName(rng)} ${styleWord} ${d.noun}`,
  ];
  return rng.pick(candidates);
}

/** A second, more specific title used when the first collides with an existing one. */
export function disambiguate(title: string, rng: Rng): string {
  return `${title} (${seriesName(rng)})`;
}

/** How the material reads in a sentence; beauty "materials" are ingredients and finishes. */
function materialPhrase(d: Draft): string {
  const colour = lowerWords(d.colour);
  const material = lowerWords(d.material);
  switch (d.ref.mid.name) {
    case 'Skincare':
      return `made with ${material}`;
    case 'Makeup':
      return `in ${colour} with a ${material} finish`;
    case 'Fragrance':
      return `with ${material} notes`;
    default:
      return `in ${colour} ${material}`;
  }
}

/** "Tennis Balls", "Jeans", "Headphones": plural nouns take no article. */
function isPlural(noun: string): boolean {
  return /[^s]s$/.test(noun);
}

export function productDescription(d: Draft, rng: Rng): string {
  const style = d.style.name.toLowerCase();
  const lead = isPlural(d.noun) ? d.style.name : `${article(style)} ${style}`;
  const first = `${lead} ${lowerWords(d.noun)} ${materialPhrase(d)}, ${rng.pick(d.ref.leaf.pitch)}.`;
  return `${first} ${rng.pick(d.style.lines)}`;
}

const MONTHS = ['January', 'April', 'June', 'August', 'October', 'December'];

export function bookTitle(d: Draft, rng: Rng): string {
  const n = d.noun;
  const a = rng.pick(BOOK_ADJECTIVES);
  const patterns =
    d.ref.leaf.key === 'travel-guides'
      ? [`Walking ${n}`, `${n} on Foot`, `The ${a} Guide to ${n}`, `${n}: Off the Beaten Track`]
      : d.ref.leaf.key === 'cookbooks'
        ? [`The ${a} ${n}`, `${a} ${n}`, `${n}: ${d.size}`, `Cook: The ${a} ${n}`]
        : [
            `The ${a} ${n}`,
            `${a} ${n}`,
            `A ${n} in ${rng.pick(MONTHS)}`,
            `The ${n} and the ${rng.pick(BOOK_ADJECTIVES)} Sea`,
          ];
  return rng.pick(patterns);
}

export function bookDescription(d: Draft, author: string, rng: Rng): string {
  const pitch = rng.pick(d.ref.leaf.pitch);
  return `${pitch.charAt(0).toUpperCase()}${pitch.slice(1)}, by ${author}. ${d.material}, ${d.size}.`;
}

export function tagsFor(d: Draft, extra: readonly string[] = []): string[] {
  const raw = [
    d.ref.top.name,
    d.ref.mid.name,
    d.ref.leaf.name,
    d.noun,
    d.style.name,
    d.colour,
    d.material,
    ...extra,
  ];
  return [...new Set(raw.map((t) => t.toLowerCase()))];
}
