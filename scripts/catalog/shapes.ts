/**
 * Product silhouettes for thumbnails, one per kind of product, drawn in a
 * 100x100 box standing on y≈82. `f` is the product colour, `d` a darker shade
 * of it (outlines and details), `l` a lighter one; fixed greys stand in for
 * parts that do not take the product colour (rubber, metal, glass).
 */
export interface Palette {
  f: string;
  d: string;
  l: string;
  bg: string;
}

const K = '#3a3b40'; // rubber, screens, dark plastic
const M = '#b9bec6'; // metal
const W = '#ffffff';
const GLASS = '#dcebf5';

type Draw = (c: Palette) => string;

const book: Draw = ({ f, d, l }) =>
  `<rect x="28" y="16" width="44" height="66" rx="2" fill="${f}"/><rect x="70" y="18" width="4" height="62" fill="${W}"/><rect x="28" y="16" width="7" height="66" fill="${d}"/><path d="M41 30h24M41 36h18" stroke="${l}" stroke-width="3"/><circle cx="53" cy="58" r="8" fill="${l}"/>`;

export const SHAPES = {
  tent: ({ f, d }) =>
    `<path d="M14 80 50 22 86 80Z" fill="${f}"/><path d="M50 22 40 80h20Z" fill="${d}"/><path d="M50 22V16" stroke="${K}" stroke-width="2"/>`,
  sleepingbag: ({ f, d, l }) =>
    `<rect x="30" y="16" width="40" height="66" rx="18" fill="${f}"/><ellipse cx="50" cy="30" rx="11" ry="8" fill="${d}"/><path d="M32 46h36M32 58h36M32 70h36" stroke="${l}" stroke-width="2"/>`,
  stove: ({ f, d }) =>
    `<path d="M50 24c8 8 6 18 0 18s-8-10 0-18Z" fill="#f08a24" stroke="none"/><path d="M28 46h44M34 46l6 6M66 46l-6 6" stroke="${K}" stroke-width="3"/><rect x="40" y="50" width="20" height="8" fill="${M}"/><rect x="34" y="58" width="32" height="24" rx="7" fill="${f}"/><path d="M36 66h28" stroke="${d}" stroke-width="3"/>`,
  mat: ({ f, d }) =>
    `<rect x="16" y="40" width="58" height="28" rx="3" fill="${f}"/><circle cx="74" cy="54" r="14" fill="${f}"/><circle cx="74" cy="54" r="8" fill="${d}"/><circle cx="74" cy="54" r="3" fill="${f}"/><path d="M34 40v28M56 40v28" stroke="${K}" stroke-width="3"/>`,
  lantern: ({ f, d }) =>
    `<path d="M40 28Q50 12 60 28" fill="none" stroke="${K}" stroke-width="2"/><rect x="36" y="26" width="28" height="8" rx="2" fill="${d}"/><rect x="38" y="34" width="24" height="34" rx="4" fill="#fff1b8"/><circle cx="50" cy="51" r="7" fill="#ffd54a" stroke="none"/><rect x="34" y="68" width="32" height="14" rx="3" fill="${f}"/>`,
  backpack: ({ f, d }) =>
    `<path d="M42 24Q50 14 58 24" fill="none" stroke="${d}" stroke-width="3"/><rect x="28" y="22" width="44" height="60" rx="14" fill="${f}"/><path d="M30 38q20-8 40 0" fill="none" stroke="${d}" stroke-width="2"/><rect x="35" y="52" width="30" height="24" rx="6" fill="${d}"/>`,
  boot: ({ f, d }) =>
    `<path d="M30 18h22l2 38q18 2 26 10 4 4 2 12H30Z" fill="${f}"/><path d="M52 28h-8M52 36h-8M53 44h-8" stroke="${d}" stroke-width="2"/><rect x="28" y="76" width="56" height="7" rx="2" fill="${K}"/>`,
  bottle: ({ f, d, l }) =>
    `<rect x="41" y="16" width="18" height="12" rx="3" fill="${d}"/><rect x="37" y="28" width="26" height="54" rx="9" fill="${f}"/><rect x="42" y="40" width="5" height="30" rx="2" fill="${l}" stroke="none"/>`,
  phone: ({ f }) =>
    `<rect x="32" y="14" width="36" height="68" rx="7" fill="${f}"/><rect x="35" y="19" width="30" height="58" rx="3" fill="${K}"/><path d="M39 26l10 0M39 64l18-18" stroke="#5d6a7e" stroke-width="3"/><rect x="45" y="16" width="10" height="2" rx="1" fill="${K}" stroke="none"/>`,
  phonecase: ({ f, d, bg }) =>
    `<rect x="31" y="12" width="38" height="72" rx="9" fill="${f}"/><rect x="35" y="17" width="16" height="18" rx="4" fill="${bg}"/><circle cx="43" cy="22" r="2.5" fill="${K}"/><circle cx="43" cy="30" r="2.5" fill="${K}"/><circle cx="50" cy="58" r="6" fill="none" stroke="${d}" stroke-width="2"/>`,
  charger: ({ f, d }) =>
    `<rect x="42" y="20" width="4" height="14" fill="${M}"/><rect x="54" y="20" width="4" height="14" fill="${M}"/><rect x="34" y="34" width="32" height="32" rx="6" fill="${f}"/><rect x="44" y="56" width="12" height="4" rx="1" fill="${d}"/><path d="M50 66q0 16 22 16" fill="none" stroke="${d}" stroke-width="3"/>`,
  powerbank: ({ f, d }) =>
    `<rect x="24" y="30" width="52" height="46" rx="8" fill="${f}"/><path d="M38 62h4M46 62h4M54 62h4" stroke="#6fd38a" stroke-width="3"/><rect x="44" y="38" width="12" height="14" rx="2" fill="${d}"/><path d="M51 40l-4 6h6l-4 5" fill="none" stroke="#fff" stroke-width="1.5"/>`,
  headphones: ({ f, d }) =>
    `<path d="M28 60V46a22 22 0 0 1 44 0v14" fill="none" stroke="${f}" stroke-width="6"/><rect x="20" y="52" width="16" height="26" rx="7" fill="${f}"/><rect x="64" y="52" width="16" height="26" rx="7" fill="${f}"/><rect x="32" y="56" width="5" height="18" rx="2" fill="${d}"/><rect x="63" y="56" width="5" height="18" rx="2" fill="${d}"/>`,
  earbuds: ({ f, d }) =>
    `<rect x="28" y="46" width="44" height="34" rx="14" fill="${f}"/><path d="M28 58h44" stroke="${d}" stroke-width="2"/><circle cx="50" cy="70" r="2" fill="#6fd38a" stroke="none"/><circle cx="38" cy="30" r="7" fill="${W}"/><rect x="36" y="30" width="4" height="12" rx="2" fill="${W}"/><circle cx="62" cy="30" r="7" fill="${W}"/><rect x="60" y="30" width="4" height="12" rx="2" fill="${W}"/>`,
  speaker: ({ f, d }) =>
    `<rect x="30" y="16" width="40" height="66" rx="14" fill="${f}"/><circle cx="50" cy="58" r="14" fill="${d}"/><circle cx="50" cy="58" r="5" fill="${K}"/><circle cx="50" cy="32" r="5" fill="${d}"/>`,
  laptop: ({ f, d }) =>
    `<rect x="22" y="22" width="56" height="38" rx="3" fill="${f}"/><rect x="26" y="26" width="48" height="30" fill="${GLASS}"/><path d="M30 48l12-10 8 6 8-8 12 12" fill="none" stroke="#8fb3d0" stroke-width="2"/><path d="M14 62h72l-4 8H18Z" fill="${f}"/><path d="M44 66h12" stroke="${d}" stroke-width="2"/>`,
  sleeve: ({ f, d }) =>
    `<rect x="16" y="30" width="68" height="46" rx="7" fill="${f}"/><path d="M20 38h60" stroke="${d}" stroke-width="2"/><rect x="70" y="34" width="8" height="10" rx="2" fill="${M}"/><rect x="28" y="48" width="44" height="20" rx="4" fill="none" stroke="${d}" stroke-width="1.5" stroke-dasharray="3 2"/>`,
  mouse: ({ f, d }) =>
    `<path d="M36 34q0-16 14-16t14 16v26q0 22-14 22T36 60Z" fill="${f}"/><path d="M50 18v20" stroke="${d}" stroke-width="2"/><rect x="48" y="24" width="4" height="9" rx="2" fill="${d}"/>`,
  keyboard: ({ f, l }) =>
    `<rect x="12" y="34" width="76" height="36" rx="4" fill="${f}"/><path d="M17 42h66M17 50h66M17 58h66" stroke="${l}" stroke-width="5" stroke-dasharray="6 2"/><rect x="32" y="62" width="36" height="5" rx="1" fill="${l}" stroke="none"/>`,
  camera: ({ f }) =>
    `<rect x="32" y="22" width="20" height="12" rx="2" fill="${f}"/><rect x="16" y="30" width="68" height="48" rx="7" fill="${f}"/><rect x="16" y="38" width="68" height="30" fill="${K}" stroke="none" opacity=".25"/><circle cx="50" cy="54" r="17" fill="${K}"/><circle cx="50" cy="54" r="9" fill="#5c6a80"/><circle cx="47" cy="51" r="3" fill="${W}" stroke="none"/><rect x="68" y="24" width="10" height="6" rx="1" fill="${K}"/>`,
  tripod: ({ f, d }) =>
    `<path d="M50 30 28 84M50 30l22 54M50 30v50" stroke="${f}" stroke-width="4"/><rect x="38" y="16" width="24" height="14" rx="3" fill="${d}"/>`,
  pan: ({ f, d }) =>
    `<path d="M12 48h60l-4 16q-2 6-8 6H24q-6 0-8-6Z" fill="${f}"/><rect x="72" y="50" width="22" height="7" rx="3" fill="${K}"/><path d="M14 52h56" stroke="${d}" stroke-width="2"/>`,
  pot: ({ f, d }) =>
    `<path d="M22 40q28-20 56 0Z" fill="${d}"/><circle cx="50" cy="28" r="4" fill="${d}"/><rect x="24" y="40" width="52" height="40" rx="6" fill="${f}"/><rect x="14" y="46" width="10" height="6" rx="2" fill="${d}"/><rect x="76" y="46" width="10" height="6" rx="2" fill="${d}"/>`,
  knife: ({ f }) =>
    `<path d="M10 58 62 46v14H18q-8 0-8-2Z" fill="${M}"/><rect x="62" y="46" width="28" height="14" rx="5" fill="${f}"/><circle cx="70" cy="53" r="1.5" fill="${M}" stroke="none"/><circle cx="81" cy="53" r="1.5" fill="${M}" stroke="none"/>`,
  board: ({ f, d }) =>
    `<rect x="14" y="32" width="62" height="42" rx="9" fill="${f}"/><rect x="74" y="46" width="14" height="14" rx="5" fill="${f}"/><circle cx="82" cy="53" r="2.5" fill="${d}"/><path d="M22 44q20-4 44 0M22 56q24 4 46-2" fill="none" stroke="${d}" stroke-width="1.5"/>`,
  mug: ({ f, l }) =>
    `<path d="M66 40h6a9 9 0 0 1 0 22h-6" fill="none" stroke="${f}" stroke-width="6"/><rect x="26" y="30" width="42" height="50" rx="6" fill="${f}"/><path d="M38 14q4 5 0 10M48 12q4 6 0 12" fill="none" stroke="${l}" stroke-width="2"/>`,
  plate: ({ f, l }) =>
    `<circle cx="50" cy="50" r="32" fill="${f}"/><circle cx="50" cy="50" r="21" fill="${l}"/>`,
  glass: ({ f }) =>
    `<path d="M34 16h32q2 34-16 36-18-2-16-36Z" fill="${GLASS}"/><path d="M36 32h28q-2 18-14 19-12-1-14-19Z" fill="${f}" stroke="none"/><path d="M50 52v26" stroke="${M}" stroke-width="3"/><ellipse cx="50" cy="80" rx="13" ry="3" fill="${GLASS}"/>`,
  kettle: ({ f, d }) =>
    `<path d="M38 36q12-20 24 0" fill="none" stroke="${d}" stroke-width="5"/><path d="M32 50 18 40l2 8 11 14Z" fill="${f}"/><path d="M30 78l4-42q16-8 32 0l4 42Z" fill="${f}"/><rect x="26" y="76" width="48" height="6" rx="2" fill="${K}"/>`,
  blender: ({ f, d }) =>
    `<rect x="38" y="12" width="26" height="6" rx="2" fill="${K}"/><path d="M36 18h30l-4 40H40Z" fill="${GLASS}"/><path d="M38 34h26l-2 24H40Z" fill="${f}" stroke="none" opacity=".7"/><rect x="34" y="58" width="34" height="24" rx="5" fill="${f}"/><circle cx="51" cy="70" r="5" fill="${d}"/>`,
  coffeemaker: ({ f, d }) =>
    `<path d="M24 16h52v16h-8v34h8v16H24Z" fill="${f}"/><rect x="40" y="32" width="20" height="6" fill="${K}"/><rect x="41" y="58" width="18" height="14" rx="2" fill="${W}"/><path d="M46 38v8M54 38v8" stroke="${d}" stroke-width="2"/><circle cx="34" cy="24" r="3" fill="${d}"/>`,
  armchair: ({ f, d }) =>
    `<rect x="26" y="20" width="48" height="42" rx="10" fill="${f}"/><rect x="16" y="42" width="14" height="32" rx="6" fill="${f}"/><rect x="70" y="42" width="14" height="32" rx="6" fill="${f}"/><rect x="30" y="56" width="40" height="16" rx="4" fill="${d}"/><path d="M22 74v8M78 74v8" stroke="${K}" stroke-width="3"/>`,
  table: ({ f, d }) =>
    `<rect x="16" y="36" width="68" height="8" rx="2" fill="${f}"/><path d="M26 44l-4 38M74 44l4 38M30 64h40" stroke="${d}" stroke-width="4"/>`,
  shelf: ({ f, d }) =>
    `<rect x="26" y="12" width="48" height="72" fill="none" stroke="${f}" stroke-width="4"/><path d="M28 36h44M28 60h44" stroke="${f}" stroke-width="3"/><path d="M33 34V20M38 34V22M43 34V18M55 58V46M60 58V44M33 81V68M38 81V70" stroke="${d}" stroke-width="4"/><circle cx="64" cy="75" r="5" fill="${d}"/>`,
  vase: ({ f, l }) =>
    `<path d="M42 16h16v10q14 16 8 40-4 16-16 16t-16-16q-6-24 8-40Z" fill="${f}"/><path d="M36 52q14 6 28 0" fill="none" stroke="${l}" stroke-width="2"/>`,
  candle: ({ f, l }) =>
    `<path d="M50 22c5 6 4 12 0 12s-5-6 0-12Z" fill="#ffb13b" stroke="none"/><path d="M50 34v6" stroke="${K}" stroke-width="2"/><rect x="30" y="40" width="40" height="42" rx="7" fill="${f}"/><rect x="35" y="52" width="30" height="16" rx="2" fill="${l}"/>`,
  frame: ({ f }) =>
    `<rect x="24" y="16" width="52" height="66" rx="2" fill="${f}"/><rect x="31" y="23" width="38" height="52" fill="${W}"/><path d="M35 70l10-16 7 9 5-6 9 13Z" fill="#9cc2d8"/><circle cx="59" cy="36" r="4" fill="#f2c14e"/>`,
  cushion: ({ f, d, l }) =>
    `<path d="M18 28q32-10 64 0-5 22 0 44-32 10-64 0 5-22 0-44Z" fill="${f}"/><path d="M24 34q26-7 52 0-4 16 0 32-26 7-52 0 4-16 0-32Z" fill="none" stroke="${l}" stroke-width="1.5" stroke-dasharray="3 2"/><circle cx="50" cy="50" r="3" fill="${d}"/>`,
  lamp: ({ f, d }) =>
    `<rect x="48" y="46" width="4" height="30" fill="${d}"/><ellipse cx="50" cy="78" rx="15" ry="4" fill="${d}"/><path d="M34 18h32l8 30H26Z" fill="${f}"/>`,
  pendant: ({ f, d }) =>
    `<path d="M50 6v28" stroke="${K}" stroke-width="2"/><circle cx="50" cy="66" r="6" fill="#ffe58a" stroke="none"/><path d="M22 62q0-28 28-28t28 28Z" fill="${f}"/><path d="M24 56h52" stroke="${d}" stroke-width="2"/>`,
  tshirt: ({ f, d }) =>
    `<path d="M36 18 22 26l-8 16 12 6 4-6v40h40V42l4 6 12-6-8-16-14-8q-14 10-28 0Z" fill="${f}"/><path d="M58 40h8v8h-8Z" fill="none" stroke="${d}" stroke-width="1.5"/>`,
  jacket: ({ f, d }) =>
    `<path d="M36 16 22 22l-8 50 10 2 6-30v40h40V44l6 30 10-2-8-50-14-6-14 8Z" fill="${f}"/><path d="M50 24v60M36 16l14 8 14-8M34 62h10M56 62h10" fill="none" stroke="${d}" stroke-width="2"/>`,
  dress: ({ f, d }) =>
    `<path d="M42 14l2 8h12l2-8 2 20 16 48H24l16-48Z" fill="${f}"/><path d="M41 38h18" stroke="${d}" stroke-width="3"/>`,
  jeans: ({ f, d }) =>
    `<path d="M30 16h40l4 68H56L50 40l-6 44H26Z" fill="${f}"/><path d="M30 24h40M36 24q0 8 8 8M64 24q0 8-8 8M50 24v14" fill="none" stroke="${d}" stroke-width="2"/>`,
  sneaker: ({ f, d }) =>
    `<path d="M16 68q0-18 10-20l18-6q8 10 20 12 18 2 22 14Z" fill="${f}"/><path d="M14 68h74q0 10-8 10H20q-6 0-6-10Z" fill="${W}"/><path d="M44 48l6 6M49 45l6 6M54 47l5 5" stroke="${d}" stroke-width="2"/><path d="M24 60q8-4 16 2" fill="none" stroke="${d}" stroke-width="2"/>`,
  handbag: ({ f, d }) =>
    `<path d="M36 40q0-22 14-22t14 22" fill="none" stroke="${d}" stroke-width="4"/><path d="M20 40h60l-4 42H24Z" fill="${f}"/><path d="M22 52h56" stroke="${d}" stroke-width="2"/><rect x="46" y="48" width="8" height="8" rx="1" fill="${M}"/>`,
  sunglasses: ({ f }) =>
    `<path d="M14 42h32q0 20-16 20t-16-20ZM54 42h32q0 20-16 20t-16-20Z" fill="${K}" stroke="${f}" stroke-width="4"/><path d="M46 45q4-4 8 0M14 42l-4-4M86 42l4-4" fill="none" stroke="${f}" stroke-width="4"/>`,
  watch: ({ f }) =>
    `<rect x="40" y="10" width="20" height="80" rx="5" fill="${f}"/><circle cx="50" cy="50" r="18" fill="${M}"/><circle cx="50" cy="50" r="13" fill="${W}"/><path d="M50 50v-9M50 50l6 4" stroke="${K}" stroke-width="2"/>`,
  hat: ({ f, d }) =>
    `<circle cx="50" cy="22" r="7" fill="${f}"/><path d="M24 64q0-40 26-40t26 40Z" fill="${f}"/><rect x="22" y="60" width="56" height="16" rx="3" fill="${d}"/><path d="M30 60v16M38 60v16M46 60v16M54 60v16M62 60v16M70 60v16" stroke="${f}" stroke-width="1.5"/>`,
  jar: ({ f, d, l }) =>
    `<rect x="26" y="36" width="48" height="14" rx="3" fill="${d}"/><rect x="24" y="48" width="52" height="34" rx="9" fill="${f}"/><rect x="34" y="57" width="32" height="14" rx="2" fill="${l}"/>`,
  dropper: ({ f, l }) =>
    `<path d="M44 34V20q6-10 12 0v14Z" fill="${K}"/><rect x="40" y="32" width="20" height="10" fill="${K}"/><rect x="34" y="42" width="32" height="40" rx="6" fill="${f}"/><rect x="39" y="54" width="22" height="16" fill="${l}"/>`,
  tube: ({ f, d, l }) =>
    `<path d="M32 16h36l-6 56H38Z" fill="${f}"/><path d="M32 20h36" stroke="${d}" stroke-width="2"/><rect x="40" y="72" width="20" height="10" rx="2" fill="${d}"/><path d="M42 38h16M44 46h12" stroke="${l}" stroke-width="3"/>`,
  lipstick: ({ f }) =>
    `<path d="M42 44V26l16-8v26Z" fill="${f}"/><rect x="40" y="44" width="20" height="10" fill="#d4b06a"/><rect x="37" y="54" width="26" height="28" rx="2" fill="${K}"/>`,
  palette: ({ f, d, l }) =>
    `<rect x="14" y="28" width="72" height="46" rx="6" fill="${K}"/><circle cx="30" cy="42" r="7" fill="${f}"/><circle cx="50" cy="42" r="7" fill="${d}"/><circle cx="70" cy="42" r="7" fill="${l}"/><circle cx="30" cy="61" r="7" fill="${l}"/><circle cx="50" cy="61" r="7" fill="${f}"/><circle cx="70" cy="61" r="7" fill="${d}"/>`,
  nailpolish: ({ f, l }) =>
    `<rect x="42" y="14" width="16" height="32" rx="3" fill="${K}"/><rect x="32" y="44" width="36" height="38" rx="9" fill="${f}"/><rect x="38" y="50" width="5" height="24" rx="2" fill="${l}" stroke="none"/>`,
  perfume: ({ f, d, l }) =>
    `<rect x="40" y="16" width="20" height="12" rx="3" fill="${d}"/><rect x="44" y="28" width="12" height="8" fill="${M}"/><rect x="26" y="36" width="48" height="46" rx="8" fill="${f}"/><rect x="36" y="52" width="28" height="14" fill="${l}"/>`,
  dumbbell: ({ f, d }) =>
    `<rect x="22" y="47" width="56" height="6" fill="${M}"/><rect x="12" y="32" width="12" height="36" rx="3" fill="${f}"/><rect x="24" y="38" width="7" height="24" rx="2" fill="${d}"/><rect x="76" y="32" width="12" height="36" rx="3" fill="${f}"/><rect x="69" y="38" width="7" height="24" rx="2" fill="${d}"/>`,
  kettlebell: ({ f, d }) =>
    `<path d="M36 46V34q0-14 14-14t14 14v12" fill="none" stroke="${f}" stroke-width="7"/><path d="M30 80a22 22 0 1 1 40 0Z" fill="${f}"/><circle cx="50" cy="62" r="6" fill="${d}"/>`,
  ball: ({ f, l }) =>
    `<circle cx="50" cy="50" r="30" fill="${f}"/><path d="M24 36q26 20 52 0M24 64q26-20 52 0" fill="none" stroke="${l}" stroke-width="3"/>`,
  football: ({ f, d }) =>
    `<circle cx="50" cy="50" r="30" fill="${f}"/><path d="M50 40l10 7-4 12H44l-4-12Z" fill="${d}"/><path d="M50 40V22M60 47l16-6M56 59l10 14M44 59 34 73M40 47l-16-6" stroke="${d}" stroke-width="2"/>`,
  racket: ({ f, d }) =>
    `<ellipse cx="50" cy="36" rx="22" ry="26" fill="none" stroke="${f}" stroke-width="5"/><path d="M38 14v44M50 10v52M62 14v44M28 26h44M28 36h44M29 46h42" stroke="${M}" stroke-width="1"/><rect x="46" y="62" width="8" height="24" rx="2" fill="${d}"/>`,
  bicycle: ({ f }) =>
    `<circle cx="26" cy="62" r="16" fill="none" stroke="${K}" stroke-width="3"/><circle cx="74" cy="62" r="16" fill="none" stroke="${K}" stroke-width="3"/><path d="M26 62l16-22h24l8 22M42 40l8 22 16-22M26 62h24M40 34h8M66 40l-2-10h8" fill="none" stroke="${f}" stroke-width="4"/>`,
  helmet: ({ f, d }) =>
    `<path d="M16 66q0-38 36-40 32 2 32 34l-6 6Z" fill="${f}"/><path d="M32 40q18-10 36 0M28 52q24-10 48 0" fill="none" stroke="${d}" stroke-width="4"/><path d="M16 66h24" stroke="${K}" stroke-width="4"/>`,
  lock: ({ f, d }) =>
    `<path d="M32 50V32q0-18 18-18t18 18v18" fill="none" stroke="${M}" stroke-width="8"/><rect x="24" y="46" width="52" height="34" rx="6" fill="${f}"/><circle cx="50" cy="60" r="4" fill="${d}"/><path d="M50 62v8" stroke="${d}" stroke-width="3"/>`,
  book,
  blocks: ({ f, d, l }) =>
    `<rect x="18" y="54" width="28" height="28" rx="2" fill="${f}"/><rect x="50" y="54" width="28" height="28" rx="2" fill="${d}"/><rect x="33" y="24" width="28" height="28" rx="2" fill="${l}"/><path d="M27 62v12h10M42 31l5 14 5-14" fill="none" stroke="${W}" stroke-width="3"/>`,
  teddy: ({ f, d, l }) =>
    `<circle cx="36" cy="22" r="7" fill="${f}"/><circle cx="64" cy="22" r="7" fill="${f}"/><ellipse cx="50" cy="66" rx="21" ry="18" fill="${f}"/><circle cx="50" cy="36" r="16" fill="${f}"/><ellipse cx="50" cy="42" rx="7" ry="5" fill="${l}"/><circle cx="44" cy="32" r="2" fill="${K}"/><circle cx="56" cy="32" r="2" fill="${K}"/><circle cx="50" cy="40" r="2" fill="${d}"/><ellipse cx="50" cy="68" rx="10" ry="9" fill="${l}"/>`,
  boardgame: ({ f, l }) =>
    `<rect x="14" y="28" width="72" height="48" rx="3" fill="${f}"/><rect x="20" y="34" width="36" height="10" rx="2" fill="${l}"/><path d="M28 70v-6q-4-2-4-6 0-5 6-5t6 5q0 4-4 6v6Z" fill="${W}"/><rect x="60" y="52" width="18" height="18" rx="3" fill="${W}"/><circle cx="65" cy="57" r="1.8" fill="${K}"/><circle cx="73" cy="65" r="1.8" fill="${K}"/><circle cx="69" cy="61" r="1.8" fill="${K}"/>`,
  puzzle: ({ f, l }) =>
    `<path d="M24 32h16a9 9 0 1 1 18 0h16v16a9 9 0 1 1 0 18v16H24V66a9 9 0 1 0 0-18Z" fill="${f}"/><circle cx="48" cy="58" r="5" fill="${l}" stroke="none"/>`,
  toycar: ({ f }) =>
    `<path d="M14 64V52l16-4 9-14h24l10 14 13 4v12Z" fill="${f}"/><path d="M42 38h8v10H35ZM54 38h8l6 10H54Z" fill="${GLASS}"/><circle cx="30" cy="66" r="8" fill="${K}"/><circle cx="70" cy="66" r="8" fill="${K}"/><circle cx="30" cy="66" r="3" fill="${M}"/><circle cx="70" cy="66" r="3" fill="${M}"/>`,
  plantpot: ({ f, d }) =>
    `<path d="M50 48q-16-14-12-30 12 8 12 30 8-20 22-22-2 16-22 22Z" fill="#4f9a57"/><path d="M30 54h40l-6 28H36Z" fill="${f}"/><rect x="27" y="48" width="46" height="9" rx="2" fill="${d}"/>`,
  trowel: ({ f }) =>
    `<path d="M50 12q16 14 10 38H40q-6-24 10-38Z" fill="${M}"/><rect x="47" y="50" width="6" height="8" fill="${M}"/><rect x="43" y="58" width="14" height="26" rx="5" fill="${f}"/>`,
  wateringcan: ({ f, d }) =>
    `<path d="M44 40q14-22 30 4l-8 4" fill="none" stroke="${d}" stroke-width="5"/><path d="M32 66 12 38l5-3 17 21Z" fill="${f}"/><rect x="9" y="33" width="10" height="6" rx="2" fill="${d}"/><rect x="30" y="40" width="38" height="42" rx="5" fill="${f}"/>`,
  shears: ({ f }) =>
    `<path d="M50 48 42 12l10 6ZM50 48l10-36-4 20Z" fill="${M}"/><path d="M48 48 30 80l8 4 14-30ZM52 48l18 32-8 4-14-30Z" fill="${f}"/><circle cx="50" cy="48" r="3" fill="${K}"/>`,
  chair: ({ f, d }) =>
    `<rect x="30" y="16" width="40" height="32" rx="3" fill="${f}"/><path d="M40 16v32M50 16v32M60 16v32" stroke="${d}" stroke-width="2"/><rect x="26" y="50" width="48" height="8" rx="2" fill="${f}"/><path d="M30 58l-4 24M70 58l4 24" stroke="${d}" stroke-width="4"/>`,
  grill: ({ f, d }) =>
    `<path d="M34 68l-8 16M66 68l8 16M50 70v14" stroke="${K}" stroke-width="3"/><path d="M20 44h60q0 26-30 26T20 44Z" fill="${f}"/><path d="M22 42q28-28 56 0Z" fill="${f}"/><rect x="44" y="20" width="12" height="5" rx="2" fill="${K}"/><path d="M20 44h60" stroke="${d}" stroke-width="2"/>`,
  petbed: ({ f, l, d }) =>
    `<ellipse cx="50" cy="62" rx="38" ry="20" fill="${f}"/><ellipse cx="50" cy="58" rx="27" ry="11" fill="${l}"/><path d="M28 74q22 8 44 0" fill="none" stroke="${d}" stroke-width="2"/>`,
  leash: ({ f }) =>
    `<path d="M28 18q-14 10 0 22 14-12 0-22Z" fill="none" stroke="${f}" stroke-width="5"/><path d="M28 40q10 34 40 36" fill="none" stroke="${f}" stroke-width="5"/><rect x="66" y="70" width="16" height="10" rx="4" fill="${M}"/>`,
  bowl: ({ f, d }) =>
    `<path d="M16 52h68l-8 28H24Z" fill="${f}"/><ellipse cx="50" cy="52" rx="34" ry="7" fill="${d}"/><path d="M40 66a3 3 0 1 0 .1 0M54 62a3 3 0 1 0 .1 0M60 68a3 3 0 1 0 .1 0" fill="none" stroke="${W}" stroke-width="2"/>`,
  bone: ({ f }) =>
    `<circle cx="24" cy="42" r="9" fill="${f}"/><circle cx="24" cy="58" r="9" fill="${f}"/><circle cx="76" cy="42" r="9" fill="${f}"/><circle cx="76" cy="58" r="9" fill="${f}"/><rect x="22" y="42" width="56" height="16" fill="${f}" stroke="none"/><path d="M30 42h40M30 58h40" stroke-width="1.5"/>`,
  cattree: ({ f }) =>
    `<rect x="34" y="28" width="9" height="50" fill="#d9c294"/><rect x="60" y="48" width="9" height="30" fill="#d9c294"/><path d="M34 38h9M34 48h9M34 58h9M34 68h9" stroke="#b59a68" stroke-width="1.5"/><rect x="20" y="22" width="36" height="8" rx="3" fill="${f}"/><rect x="48" y="42" width="32" height="8" rx="3" fill="${f}"/><rect x="18" y="76" width="64" height="8" rx="2" fill="${f}"/>`,
  notebook: ({ f, l }) =>
    `<rect x="28" y="14" width="48" height="68" rx="4" fill="${f}"/><path d="M24 22h9M24 31h9M24 40h9M24 49h9M24 58h9M24 67h9M24 76h9" stroke="${K}" stroke-width="2"/><rect x="40" y="28" width="26" height="12" rx="2" fill="${l}"/>`,
  pen: ({ f, d }) =>
    `<path d="M22 80l6-16 42-42 8 8-42 42Z" fill="${f}"/><path d="M22 80l6-16 10 10Z" fill="${M}"/><path d="M62 24l12 12M66 36l-14 14" stroke="${d}" stroke-width="2"/>`,
  desklamp: ({ f }) =>
    `<ellipse cx="32" cy="80" rx="16" ry="4" fill="${f}"/><path d="M32 78l-6-28 26-20" fill="none" stroke="${f}" stroke-width="4"/><path d="M50 22l24 14-8 10-22-14Z" fill="${f}"/><path d="M66 46l8 26H50Z" fill="#fff3b0" stroke="none" opacity=".7"/>`,
  officechair: ({ f, d }) =>
    `<rect x="32" y="12" width="36" height="36" rx="9" fill="${f}"/><rect x="26" y="50" width="48" height="11" rx="5" fill="${d}"/><rect x="47" y="61" width="6" height="12" fill="${K}"/><path d="M28 80l22-7 22 7M50 73v9" fill="none" stroke="${K}" stroke-width="3"/>`,
  organiser: ({ f, d }) =>
    `<path d="M36 42 32 18M44 42V14M52 42l6-22" stroke="${K}" stroke-width="3"/><rect x="28" y="40" width="32" height="42" rx="3" fill="${f}"/><rect x="60" y="62" width="24" height="20" rx="2" fill="${d}"/>`,
  babybottle: ({ f, l }) =>
    `<path d="M44 26q0-14 6-14t6 14Z" fill="#e8c9a0"/><rect x="37" y="26" width="26" height="9" rx="2" fill="${f}"/><rect x="38" y="35" width="24" height="47" rx="7" fill="${W}"/><rect x="39" y="56" width="22" height="24" rx="5" fill="${l}" stroke="none"/><path d="M52 42h8M52 50h8" stroke="${M}" stroke-width="2"/>`,
  stroller: ({ f, d }) =>
    `<path d="M72 44l10-20" stroke="${K}" stroke-width="3"/><path d="M24 32q0 30 30 30h18V44H46V28q-12-6-22 4Z" fill="${f}"/><path d="M46 28v16H24" fill="none" stroke="${d}" stroke-width="2"/><circle cx="34" cy="74" r="7" fill="${K}"/><circle cx="66" cy="74" r="7" fill="${K}"/>`,
  onesie: ({ f, d }) =>
    `<path d="M36 18q14 8 28 0l16 10-6 12-8-4v26l-6 16H40l-6-16V36l-8 4-6-12Z" fill="${f}"/><path d="M46 72h8M50 30v20" stroke="${d}" stroke-width="2"/>`,
  blanket: ({ f, l }) =>
    `<rect x="16" y="66" width="68" height="16" rx="5" fill="${f}"/><rect x="18" y="52" width="64" height="15" rx="5" fill="${f}"/><rect x="20" y="38" width="60" height="15" rx="5" fill="${f}"/><path d="M26 45h48M24 59h52M22 74h56" stroke="${l}" stroke-width="2" stroke-dasharray="4 3"/>`,
  spraybottle: ({ f, l }) =>
    `<path d="M36 32V20h30l5 7H58v5Z" fill="${K}"/><path d="M46 32l-5 10" stroke="${K}" stroke-width="3"/><rect x="34" y="40" width="32" height="42" rx="7" fill="${f}"/><rect x="40" y="52" width="20" height="18" rx="2" fill="${l}"/>`,
  phonemount: ({ f }) =>
    `<rect x="46" y="70" width="8" height="12" fill="${f}"/><rect x="24" y="38" width="52" height="14" rx="5" fill="${f}"/><rect x="34" y="18" width="32" height="54" rx="5" fill="${K}"/><rect x="37" y="22" width="26" height="46" rx="2" fill="#5d6a7e"/><path d="M24 45h10M66 45h10" stroke="${f}" stroke-width="8"/>`,
  dashcam: ({ f }) =>
    `<rect x="44" y="20" width="12" height="14" fill="${K}"/><rect x="20" y="34" width="60" height="34" rx="9" fill="${f}"/><circle cx="50" cy="51" r="12" fill="${K}"/><circle cx="50" cy="51" r="5" fill="#5c6a80"/><circle cx="70" cy="42" r="2" fill="#e24a4a" stroke="none"/>`,
  tyre: ({ f, d }) =>
    `<circle cx="50" cy="50" r="33" fill="${K}"/><circle cx="50" cy="50" r="29" fill="none" stroke="#5a5d64" stroke-width="4" stroke-dasharray="4 3"/><circle cx="50" cy="50" r="18" fill="${f}"/><circle cx="50" cy="50" r="5" fill="${d}"/>`,
  oilcan: ({ f, l, bg }) =>
    `<rect x="32" y="20" width="14" height="9" rx="1" fill="${K}"/><path d="M28 28h32l12 12v42H28Z" fill="${f}"/><rect x="52" y="33" width="12" height="7" rx="3" fill="${bg}"/><rect x="34" y="50" width="32" height="22" rx="2" fill="${l}"/>`,
} satisfies Record<string, Draw>;

export type ShapeKey = keyof typeof SHAPES;
