/** Hand-written word lists shared by every category. */

export interface Colour {
  name: string;
  hex: string;
}

export const COLOURS: readonly Colour[] = [
  { name: 'Black', hex: '#2b2b2e' },
  { name: 'White', hex: '#f4f3ef' },
  { name: 'Grey', hex: '#8d9096' },
  { name: 'Navy', hex: '#23395b' },
  { name: 'Blue', hex: '#3b7dd8' },
  { name: 'Sky Blue', hex: '#7fb8e6' },
  { name: 'Teal', hex: '#2a9d8f' },
  { name: 'Olive', hex: '#6b7b3a' },
  { name: 'Forest Green', hex: '#2f6b45' },
  { name: 'Sage', hex: '#9cb59a' },
  { name: 'Mustard', hex: '#d9a531' },
  { name: 'Orange', hex: '#e8772e' },
  { name: 'Terracotta', hex: '#c4623f' },
  { name: 'Red', hex: '#c8363a' },
  { name: 'Burgundy', hex: '#7a2436' },
  { name: 'Pink', hex: '#e98ca6' },
  { name: 'Blush', hex: '#efc1b8' },
  { name: 'Lavender', hex: '#a895d1' },
  { name: 'Sand', hex: '#d8c3a0' },
  { name: 'Brown', hex: '#7b5337' },
  { name: 'Charcoal', hex: '#45484f' },
  { name: 'Yellow', hex: '#f0c93a' },
];

/**
 * Styles are shared across categories so a shopper's style taste can carry over
 * from, say, Fashion to Home. `words` are title adjectives; `line` ends a description.
 */
export interface Style {
  name: string;
  words: readonly string[];
  lines: readonly string[];
}

export const STYLES: readonly Style[] = [
  {
    name: 'Classic',
    words: ['Classic', 'Heritage', 'Signature', 'Original'],
    lines: ['A timeless design that never dates.', 'Made the way it has always worked best.'],
  },
  {
    name: 'Modern',
    words: ['Modern', 'Urban', 'Studio', 'Contour'],
    lines: ['Crisp, contemporary lines for everyday use.', 'A fresh take on a familiar favourite.'],
  },
  {
    name: 'Minimalist',
    words: ['Essential', 'Slim', 'Pure', 'Minimal'],
    lines: ['Clean lines and nothing you do not need.', 'Quietly designed, easy to live with.'],
  },
  {
    name: 'Rustic',
    words: ['Rustic', 'Farmhouse', 'Timber', 'Hearth'],
    lines: ['Warm, natural textures with a handmade feel.', 'Rugged character that gets better with age.'],
  },
  {
    name: 'Sporty',
    words: ['Sport', 'Active', 'Pro', 'Performance'],
    lines: ['Built to keep up when you move fast.', 'Tested hard so you can push harder.'],
  },
  {
    name: 'Vintage',
    words: ['Vintage', 'Retro', 'Archive', '1970s'],
    lines: [
      'Inspired by archive pieces from decades past.',
      'A nostalgic look with today\u2019s build quality.',
    ],
  },
  {
    name: 'Luxe',
    words: ['Luxe', 'Premium', 'Reserve', 'Atelier'],
    lines: ['Finished with premium details throughout.', 'A small luxury you will use every day.'],
  },
  {
    name: 'Playful',
    words: ['Playful', 'Bright', 'Pop', 'Happy'],
    lines: ['Cheerful colour that makes every day lighter.', 'Fun to use and easy to love.'],
  },
  {
    name: 'Eco',
    words: ['Eco', 'Recycled', 'Natural', 'Green'],
    lines: ['Made with lower-impact materials.', 'Designed to last, with the planet in mind.'],
  },
  {
    name: 'Outdoor',
    words: ['Trail', 'Alpine', 'Expedition', 'Wild'],
    lines: ['Ready for wind, rain and rough ground.', 'Made for long days far from the car park.'],
  },
];

/** Model/series names put after the brand, e.g. "Voltix Nova 3". */
export const SERIES: readonly string[] = [
  'Aero',
  'Nova',
  'Summit',
  'Terra',
  'Pulse',
  'Halo',
  'Ember',
  'Atlas',
  'Drift',
  'Vista',
  'Orbit',
  'Echo',
  'Flux',
  'Ridge',
  'Luma',
  'Zephyr',
  'Cove',
  'Sierra',
  'Nimbus',
  'Arc',
  'Koda',
  'Breeze',
  'Quill',
  'Fjord',
  'Solace',
  'Mesa',
  'Juno',
  'Rift',
  'Aspen',
  'Tide',
];

export const FIRST_NAMES: readonly string[] = [
  'Mara',
  'Jonah',
  'Elise',
  'Tobias',
  'Nora',
  'Felix',
  'Ines',
  'Arlo',
  'Sana',
  'Hugo',
  'Lena',
  'Callum',
  'Yara',
  'Oskar',
  'Maeve',
  'Rafael',
  'Tessa',
  'Idris',
  'Clara',
  'Anton',
];
export const LAST_NAMES: readonly string[] = [
  'Ellison',
  'Hart',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Castell',
  'Brandt',
  'Quinn',
  'Adeyemi',
  'Novak',
  'Ferreira',
  'Whitlock',
  'Sato',
  'Mercer',
  'Aldana',
  'Kowalski',
  'Byrne',
  'Devlin',
  'Marsh',
  'Rowan',
];

/** Book titles are built from these plus the leaf's own nouns. */
export const BOOK_ADJECTIVES: readonly string[] = [
  'Quiet',
  'Last',
  'Hidden',
  'Silver',
  'Broken',
  'Golden',
  'Northern',
  'Distant',
  'Burning',
  'Secret',
  'Long',
  'Winter',
  'Salt',
  'Paper',
  'Glass',
  'Restless',
  'Forgotten',
  'Bright',
  'Wild',
  'Little',
];
