/**
 * The demo store's category tree: top > mid > leaf. Each leaf carries what is
 * needed to invent believable products (nouns, price range, materials, sizes,
 * a silhouette) and the complement rules that link it to other leaves.
 */
import type { ShapeKey } from './shapes.ts';

export interface Brand {
  name: string;
  /** 0 budget, 1 mid-range, 2 premium: where in the leaf's price range it sells. */
  tier: 0 | 1 | 2;
}

export interface Leaf {
  key: string;
  name: string;
  shape: ShapeKey;
  /** Typical price range in EUR for the category, low to high. */
  price: readonly [number, number];
  nouns: readonly string[];
  materials: readonly string[];
  sizes: readonly string[];
  /** Phrases that finish "A <style> <noun> in <colour> <material>, ..." */
  pitch: readonly string[];
  /** Leaf keys whose items go with this one. */
  complements: readonly string[];
  /** Relative number of products. */
  weight: number;
}

export interface Mid {
  name: string;
  leaves: readonly Leaf[];
}

export interface Top {
  name: string;
  /** Names from STYLES that make sense here. */
  styles: readonly string[];
  brands: readonly Brand[];
  mids: readonly Mid[];
  /** Background hue for thumbnails, so a category page looks of a piece. */
  hue: number;
  /** Restricts colours (names from COLOURS); all when absent. */
  colours?: readonly string[];
  /** Books get generated titles and authors instead of brand + noun. */
  titles?: 'book';
}

function leaf(
  key: string,
  name: string,
  shape: ShapeKey,
  price: readonly [number, number],
  nouns: readonly string[],
  materials: readonly string[],
  sizes: readonly string[],
  pitch: readonly string[],
  complements: readonly string[],
  weight = 1,
): Leaf {
  return { key, name, shape, price, nouns, materials, sizes, pitch, complements, weight };
}

const b = (name: string, tier: 0 | 1 | 2): Brand => ({ name, tier });

export const TAXONOMY: readonly Top[] = [
  {
    name: 'Outdoors',
    hue: 110,
    styles: ['Outdoor', 'Classic', 'Minimalist', 'Sporty', 'Eco'],
    brands: [b('Trailhawk', 2), b('Northpeak', 2), b('Camply', 0), b('Fernridge', 1), b('Basecamp Co.', 1), b('Wayfarer', 0)],
    mids: [
      {
        name: 'Camping',
        leaves: [
          leaf('tents', 'Tents', 'tent', [49, 690], ['Dome Tent', 'Tunnel Tent', 'Backpacking Tent', 'Family Tent', 'Tent'], ['Ripstop Nylon', 'Polyester', 'Canvas'], ['1-Person', '2-Person', '3-Person', '4-Person', '6-Person'], ['pitching in minutes even in a stiff breeze', 'with a full-coverage flysheet for wet nights', 'with two porches for boots and packs'], ['sleeping-bags', 'sleeping-pads', 'camping-stoves', 'lanterns'], 1.4),
          leaf('sleeping-bags', 'Sleeping Bags', 'sleepingbag', [29, 420], ['Sleeping Bag', 'Mummy Sleeping Bag', 'Down Sleeping Bag', 'Quilt'], ['Down', 'Synthetic Fill', 'Recycled Polyester'], ['Comfort 10\u00b0C', 'Comfort 5\u00b0C', 'Comfort 0\u00b0C', 'Comfort -5\u00b0C'], ['that packs down to the size of a loaf', 'with a draft collar for cold nights'], ['sleeping-pads', 'tents', 'lanterns']),
          leaf('camping-stoves', 'Camping Stoves', 'stove', [19, 180], ['Camping Stove', 'Gas Stove', 'Backpacking Stove', 'Stove Kit'], ['Stainless Steel', 'Titanium', 'Aluminium'], ['1 Burner', '2 Burner', 'Compact'], ['that boils a litre of water in under four minutes', 'with a wind shield for exposed pitches'], ['frying-pans', 'lanterns', 'water-bottles', 'tents']),
          leaf('sleeping-pads', 'Sleeping Pads', 'mat', [19, 190], ['Sleeping Pad', 'Inflatable Mat', 'Foam Mat', 'Self-Inflating Mat'], ['Foam', 'TPU Nylon', 'Polyester'], ['Regular', 'Long', 'Wide'], ['that keeps the cold ground where it belongs', 'with a pump sack for fast inflation'], ['sleeping-bags', 'tents']),
          leaf('lanterns', 'Lanterns', 'lantern', [9, 89], ['Camping Lantern', 'LED Lantern', 'Head Torch'], ['ABS', 'Aluminium', 'Silicone'], ['200 lm', '400 lm', '800 lm'], ['with a warm-light mode for the tent', 'that charges over USB-C'], ['tents', 'camping-stoves']),
        ],
      },
      {
        name: 'Hiking',
        leaves: [
          leaf('backpacks', 'Backpacks', 'backpack', [29, 320], ['Daypack', 'Hiking Backpack', 'Trekking Pack', 'Backpack'], ['Ripstop Nylon', 'Cordura', 'Recycled Polyester'], ['20 L', '30 L', '45 L', '65 L'], ['with a ventilated back panel for hot climbs', 'with a hydration sleeve and hip-belt pockets'], ['water-bottles', 'hiking-boots', 'lanterns']),
          leaf('hiking-boots', 'Hiking Boots', 'boot', [49, 260], ['Hiking Boot', 'Trail Boot', 'Walking Boot', 'Mid Boot'], ['Suede', 'Leather', 'Mesh'], ['EU 38', 'EU 40', 'EU 42', 'EU 44', 'EU 46'], ['with a waterproof membrane and grippy sole', 'that needs almost no breaking in'], ['backpacks', 'water-bottles']),
          leaf('water-bottles', 'Water Bottles', 'bottle', [7, 49], ['Water Bottle', 'Insulated Bottle', 'Flask'], ['Stainless Steel', 'Tritan', 'Aluminium'], ['500 ml', '750 ml', '1 L'], ['that keeps drinks cold for 24 hours', 'with a leak-proof lid'], ['backpacks']),
        ],
      },
    ],
  },
  {
    name: 'Electronics',
    hue: 215,
    styles: ['Modern', 'Minimalist', 'Sporty', 'Luxe', 'Classic'],
    brands: [b('Voltix', 1), b('Lumio', 2), b('Nexa', 2), b('Pixelon', 1), b('Bytecraft', 0), b('Sonara', 2), b('Kinetiq', 0)],
    mids: [
      {
        name: 'Phones',
        leaves: [
          leaf('smartphones', 'Smartphones', 'phone', [149, 1290], ['Smartphone', 'Phone', '5G Phone'], ['Aluminium', 'Glass', 'Titanium'], ['128 GB', '256 GB', '512 GB'], ['with an all-day battery and a bright OLED screen', 'with a triple camera that shines at night'], ['phone-cases', 'chargers', 'power-banks', 'earbuds'], 1.3),
          leaf('phone-cases', 'Phone Cases', 'phonecase', [9, 59], ['Phone Case', 'Folio Case', 'Clear Case', 'Rugged Case'], ['Silicone', 'Leather', 'Recycled Plastic'], ['6.1"', '6.4"', '6.7"'], ['with raised edges that protect the screen', 'that adds almost no bulk'], ['chargers', 'power-banks', 'smartphones']),
          leaf('chargers', 'Chargers', 'charger', [9, 69], ['USB-C Charger', 'Wall Charger', 'Wireless Charger', 'Car Charger'], ['GaN', 'Plastic', 'Aluminium'], ['20 W', '30 W', '65 W', '100 W'], ['that fast-charges a phone in half an hour', 'small enough for a jacket pocket'], ['power-banks', 'phone-cases']),
          leaf('power-banks', 'Power Banks', 'powerbank', [15, 99], ['Power Bank', 'Portable Charger', 'Battery Pack'], ['Aluminium', 'Plastic'], ['5,000 mAh', '10,000 mAh', '20,000 mAh'], ['that refills a phone two or three times', 'with pass-through charging'], ['chargers', 'phone-cases']),
        ],
      },
      {
        name: 'Audio',
        leaves: [
          leaf('headphones', 'Headphones', 'headphones', [29, 449], ['Headphones', 'Noise-Cancelling Headphones', 'Over-Ear Headphones'], ['Aluminium', 'Plastic', 'Leather'], ['Standard'], ['with 30 hours of battery and soft ear cushions', 'with adaptive noise cancelling for the commute'], ['chargers', 'laptops', 'power-banks']),
          leaf('earbuds', 'Earbuds', 'earbuds', [19, 279], ['Wireless Earbuds', 'Sport Earbuds', 'Earbuds'], ['Plastic', 'Silicone'], ['Standard'], ['with a pocket-sized charging case', 'that stay put during a run'], ['phone-cases', 'chargers']),
          leaf('speakers', 'Speakers', 'speaker', [25, 399], ['Bluetooth Speaker', 'Portable Speaker', 'Smart Speaker'], ['Fabric', 'Aluminium', 'Rubber'], ['Mini', 'Standard', 'Large'], ['with room-filling sound and deep bass', 'that shrugs off rain and sand'], ['power-banks', 'chargers']),
        ],
      },
      {
        name: 'Computers',
        leaves: [
          leaf('laptops', 'Laptops', 'laptop', [349, 2490], ['Laptop', 'Ultrabook', 'Notebook PC'], ['Aluminium', 'Magnesium', 'Plastic'], ['13"', '14"', '15.6"', '16"'], ['with a sharp display and a full day of battery', 'light enough to carry everywhere'], ['laptop-sleeves', 'mice', 'keyboards', 'headphones'], 1.2),
          leaf('laptop-sleeves', 'Laptop Sleeves', 'sleeve', [12, 79], ['Laptop Sleeve', 'Laptop Case'], ['Felt', 'Neoprene', 'Leather'], ['13"', '14"', '16"'], ['with a padded lining and a slim profile', 'with a front pocket for the charger'], ['laptops', 'mice']),
          leaf('mice', 'Mice', 'mouse', [9, 129], ['Wireless Mouse', 'Mouse', 'Ergonomic Mouse'], ['Plastic', 'Aluminium'], ['Compact', 'Standard'], ['that glides on almost any surface', 'shaped to rest the wrist'], ['keyboards', 'laptop-sleeves']),
          leaf('keyboards', 'Keyboards', 'keyboard', [19, 229], ['Keyboard', 'Mechanical Keyboard', 'Wireless Keyboard'], ['Aluminium', 'Plastic'], ['Compact', 'Full Size', 'TKL'], ['with a satisfying, quiet key feel', 'that pairs with three devices'], ['mice', 'desk-lamps']),
        ],
      },
      {
        name: 'Cameras',
        leaves: [
          leaf('cameras', 'Cameras', 'camera', [199, 2890], ['Mirrorless Camera', 'Compact Camera', 'Camera'], ['Magnesium', 'Aluminium', 'Plastic'], ['24 MP', '33 MP', '45 MP'], ['with fast autofocus that tracks moving subjects', 'with a fold-out screen for vlogging'], ['tripods', 'backpacks']),
          leaf('tripods', 'Tripods', 'tripod', [19, 299], ['Tripod', 'Travel Tripod', 'Mini Tripod'], ['Aluminium', 'Carbon Fibre'], ['Mini', '140 cm', '160 cm'], ['that folds down small for travel', 'with a quick-release plate'], ['cameras']),
        ],
      },
    ],
  },
  {
    name: 'Kitchen',
    hue: 30,
    styles: ['Classic', 'Modern', 'Rustic', 'Minimalist', 'Luxe', 'Playful'],
    brands: [b('Copperleaf', 2), b('Hearthstone', 1), b('Kitchara', 0), b('Saltbox', 1), b('Maison Fer', 2), b('Panify', 0)],
    mids: [
      {
        name: 'Cookware',
        leaves: [
          leaf('frying-pans', 'Frying Pans', 'pan', [15, 189], ['Frying Pan', 'Skillet', 'Saut\u00e9 Pan', 'Griddle Pan'], ['Cast Iron', 'Stainless Steel', 'Non-Stick Aluminium', 'Carbon Steel'], ['20 cm', '24 cm', '28 cm'], ['that heats evenly and works on induction', 'that goes from hob to oven'], ['saucepans', 'knives', 'chopping-boards']),
          leaf('saucepans', 'Saucepans', 'pot', [19, 229], ['Saucepan', 'Stockpot', 'Casserole Dish', 'Dutch Oven'], ['Stainless Steel', 'Enamelled Cast Iron', 'Copper'], ['16 cm', '20 cm', '24 cm'], ['with a tight lid that locks in flavour', 'with a pouring lip and measuring marks'], ['frying-pans', 'knives']),
          leaf('knives', 'Knives', 'knife', [12, 249], ['Chef\u2019s Knife', 'Santoku Knife', 'Paring Knife', 'Bread Knife'], ['Damascus Steel', 'Stainless Steel', 'Carbon Steel'], ['9 cm', '18 cm', '20 cm'], ['with a razor edge that stays sharp', 'balanced for long prep sessions'], ['chopping-boards', 'frying-pans']),
          leaf('chopping-boards', 'Chopping Boards', 'board', [9, 89], ['Chopping Board', 'Serving Board', 'Cutting Board'], ['Oak', 'Walnut', 'Bamboo', 'Olive Wood'], ['Small', 'Medium', 'Large'], ['kind to knife edges', 'that doubles as a serving platter'], ['knives']),
        ],
      },
      {
        name: 'Tableware',
        leaves: [
          leaf('mugs', 'Mugs', 'mug', [6, 39], ['Mug', 'Coffee Mug', 'Tea Mug', 'Travel Mug'], ['Stoneware', 'Porcelain', 'Enamel'], ['250 ml', '350 ml', '450 ml'], ['with a comfortable, generous handle', 'that is dishwasher and microwave safe'], ['coffee-makers', 'kettles', 'plates']),
          leaf('plates', 'Plates', 'plate', [8, 79], ['Dinner Plate', 'Side Plate', 'Plate Set', 'Pasta Bowl'], ['Stoneware', 'Porcelain', 'Bone China'], ['Set of 2', 'Set of 4', 'Set of 6'], ['with a reactive glaze, each one a little different', 'that stacks neatly in the cupboard'], ['glasses', 'mugs']),
          leaf('glasses', 'Glasses', 'glass', [8, 69], ['Wine Glasses', 'Tumblers', 'Highball Glasses'], ['Crystal', 'Recycled Glass', 'Borosilicate Glass'], ['Set of 2', 'Set of 4', 'Set of 6'], ['that feels light and fine in the hand', 'tough enough for everyday use'], ['plates']),
        ],
      },
      {
        name: 'Appliances',
        leaves: [
          leaf('kettles', 'Kettles', 'kettle', [19, 159], ['Kettle', 'Electric Kettle', 'Gooseneck Kettle'], ['Stainless Steel', 'Glass', 'Matte Steel'], ['1.0 L', '1.5 L', '1.7 L'], ['with temperature presets for green tea', 'that boils quickly and quietly'], ['mugs']),
          leaf('blenders', 'Blenders', 'blender', [29, 399], ['Blender', 'Smoothie Blender', 'Power Blender'], ['Glass', 'Tritan', 'Stainless Steel'], ['0.6 L', '1.5 L', '2 L'], ['that crushes ice in seconds', 'with one-touch smoothie programmes'], ['glasses']),
          leaf('coffee-makers', 'Coffee Makers', 'coffeemaker', [25, 690], ['Coffee Machine', 'Espresso Machine', 'Pour-Over Brewer', 'Drip Coffee Maker'], ['Stainless Steel', 'Plastic', 'Glass'], ['1 Cup', '4 Cup', '10 Cup'], ['for caf\u00e9-style coffee at home', 'with a built-in milk frother'], ['mugs']),
        ],
      },
    ],
  },
  {
    name: 'Home',
    hue: 45,
    styles: ['Minimalist', 'Rustic', 'Vintage', 'Modern', 'Luxe', 'Eco'],
    brands: [b('Nordhaus', 1), b('Linden & Co.', 2), b('Casa Vela', 1), b('Homely', 0), b('Oakmere', 2), b('Roomi', 0)],
    mids: [
      {
        name: 'Furniture',
        leaves: [
          leaf('armchairs', 'Armchairs', 'armchair', [149, 1290], ['Armchair', 'Lounge Chair', 'Reading Chair'], ['Velvet', 'Linen', 'Boucl\u00e9', 'Leather'], ['Standard'], ['with deep cushions made for lazy Sundays', 'with solid wooden legs'], ['cushions', 'side-tables', 'table-lamps']),
          leaf('side-tables', 'Side Tables', 'table', [39, 390], ['Side Table', 'Coffee Table', 'Nesting Tables'], ['Oak', 'Walnut', 'Marble', 'Steel'], ['Small', 'Medium'], ['sized for a lamp and a good book', 'that fits neatly beside a sofa'], ['table-lamps', 'vases', 'candles']),
          leaf('bookshelves', 'Bookshelves', 'shelf', [49, 690], ['Bookshelf', 'Shelving Unit', 'Wall Shelf'], ['Oak', 'Pine', 'Steel', 'Walnut'], ['3 Shelves', '4 Shelves', '5 Shelves'], ['with adjustable shelves for tall books', 'that anchors safely to the wall'], ['picture-frames', 'vases', 'candles']),
        ],
      },
      {
        name: 'Decor',
        leaves: [
          leaf('vases', 'Vases', 'vase', [12, 149], ['Vase', 'Bud Vase', 'Floor Vase'], ['Ceramic', 'Glass', 'Stoneware'], ['15 cm', '25 cm', '40 cm'], ['that looks good with or without flowers', 'with a hand-applied glaze'], ['candles', 'side-tables']),
          leaf('candles', 'Candles', 'candle', [6, 59], ['Scented Candle', 'Pillar Candle', 'Candle'], ['Soy Wax', 'Beeswax', 'Rapeseed Wax'], ['180 g', '300 g', '500 g'], ['with notes of cedar and fig', 'that burns cleanly for 50 hours'], ['vases', 'picture-frames']),
          leaf('picture-frames', 'Picture Frames', 'frame', [8, 89], ['Picture Frame', 'Photo Frame', 'Gallery Frame'], ['Oak', 'Aluminium', 'Walnut'], ['A5', 'A4', '30x40 cm', '50x70 cm'], ['with a crisp white mount', 'that hangs portrait or landscape'], ['candles', 'bookshelves']),
          leaf('cushions', 'Cushions', 'cushion', [12, 79], ['Cushion', 'Throw Pillow', 'Floor Cushion'], ['Linen', 'Velvet', 'Wool', 'Cotton'], ['40x40 cm', '50x50 cm', '30x50 cm'], ['with a feather-soft filling', 'with a removable, washable cover'], ['armchairs', 'candles']),
        ],
      },
      {
        name: 'Lighting',
        leaves: [
          leaf('table-lamps', 'Table Lamps', 'lamp', [25, 329], ['Table Lamp', 'Bedside Lamp', 'Floor Lamp'], ['Brass', 'Ceramic', 'Linen', 'Steel'], ['Small', 'Medium', 'Tall'], ['that casts a warm, even glow', 'with a dimmable touch switch'], ['side-tables', 'armchairs']),
          leaf('pendant-lights', 'Pendant Lights', 'pendant', [35, 449], ['Pendant Light', 'Ceiling Light', 'Dome Pendant'], ['Rattan', 'Steel', 'Glass', 'Paper'], ['30 cm', '40 cm', '55 cm'], ['that makes a dining table feel special', 'with an adjustable cord'], ['table-lamps', 'vases']),
        ],
      },
    ],
  },
  {
    name: 'Fashion',
    hue: 330,
    styles: ['Classic', 'Modern', 'Minimalist', 'Vintage', 'Sporty', 'Luxe'],
    brands: [b('Maren & Vale', 2), b('Threadly', 0), b('Oslo Supply', 1), b('Atelier Noir', 2), b('Kite & Co.', 1), b('Basique', 0), b('Rowan Field', 1)],
    mids: [
      {
        name: 'Clothing',
        leaves: [
          leaf('t-shirts', 'T-Shirts', 'tshirt', [9, 69], ['T-Shirt', 'Crew Tee', 'Pocket Tee', 'Long-Sleeve Tee'], ['Organic Cotton', 'Cotton', 'Linen', 'Merino'], ['S', 'M', 'L', 'XL'], ['with a relaxed fit that keeps its shape', 'cut from soft, breathable fabric'], ['jeans', 'sneakers', 'jackets'], 1.3),
          leaf('jackets', 'Jackets', 'jacket', [39, 490], ['Jacket', 'Rain Jacket', 'Bomber Jacket', 'Puffer Jacket', 'Overshirt'], ['Nylon', 'Wool', 'Denim', 'Waxed Cotton'], ['S', 'M', 'L', 'XL'], ['with a storm hood and taped seams', 'that layers easily over a knit'], ['t-shirts', 'hats', 'jeans']),
          leaf('dresses', 'Dresses', 'dress', [25, 290], ['Dress', 'Midi Dress', 'Wrap Dress', 'Shirt Dress'], ['Linen', 'Silk', 'Viscose', 'Cotton'], ['XS', 'S', 'M', 'L'], ['that moves beautifully', 'with a flattering wrap waist'], ['handbags', 'sunglasses', 'ankle-boots']),
          leaf('jeans', 'Jeans', 'jeans', [29, 189], ['Jeans', 'Straight Jeans', 'Slim Jeans', 'Chinos'], ['Denim', 'Stretch Denim', 'Cotton Twill'], ['W28', 'W30', 'W32', 'W34', 'W36'], ['with a comfortable mid rise', 'that softens with every wash'], ['t-shirts', 'sneakers']),
        ],
      },
      {
        name: 'Shoes',
        leaves: [
          leaf('sneakers', 'Sneakers', 'sneaker', [39, 219], ['Sneakers', 'Trainers', 'Running Shoes', 'Court Shoes'], ['Leather', 'Canvas', 'Knit Mesh', 'Suede'], ['EU 37', 'EU 39', 'EU 41', 'EU 43', 'EU 45'], ['with a cushioned sole for all-day wear', 'that go with almost everything'], ['jeans', 't-shirts'], 1.2),
          leaf('ankle-boots', 'Ankle Boots', 'boot', [59, 349], ['Ankle Boots', 'Chelsea Boots', 'Lace-Up Boots'], ['Leather', 'Suede'], ['EU 37', 'EU 39', 'EU 41', 'EU 43'], ['with a stacked heel and a grippy sole', 'that dress up or down'], ['jeans', 'jackets', 'dresses']),
        ],
      },
      {
        name: 'Accessories',
        leaves: [
          leaf('handbags', 'Handbags', 'handbag', [29, 590], ['Tote Bag', 'Shoulder Bag', 'Crossbody Bag', 'Handbag'], ['Leather', 'Canvas', 'Vegan Leather'], ['Mini', 'Medium', 'Large'], ['with an inner zip pocket', 'roomy enough for a laptop'], ['sunglasses', 'watches', 'dresses']),
          leaf('sunglasses', 'Sunglasses', 'sunglasses', [15, 249], ['Sunglasses', 'Aviator Sunglasses', 'Round Sunglasses'], ['Acetate', 'Metal', 'Recycled Plastic'], ['Standard'], ['with polarised UV400 lenses', 'that sit light on the nose'], ['hats', 'handbags']),
          leaf('watches', 'Watches', 'watch', [39, 890], ['Watch', 'Field Watch', 'Dress Watch', 'Smartwatch'], ['Stainless Steel', 'Titanium', 'Bronze'], ['36 mm', '40 mm', '42 mm'], ['with sapphire glass and a date window', 'water resistant to 50 metres'], ['sunglasses', 'handbags']),
          leaf('hats', 'Hats', 'hat', [12, 89], ['Beanie', 'Bucket Hat', 'Baseball Cap', 'Fedora'], ['Wool', 'Cotton', 'Straw'], ['S/M', 'L/XL', 'One Size'], ['that keeps its shape in a bag', 'with a comfortable inner band'], ['sunglasses', 'jackets']),
        ],
      },
    ],
  },
  {
    name: 'Beauty',
    hue: 350,
    styles: ['Minimalist', 'Luxe', 'Eco', 'Playful', 'Classic'],
    brands: [b('Dewlab', 1), b('Aurelle', 2), b('Bloom & Bare', 0), b('Sol Skin', 1), b('Maison Iris', 2), b('Purely', 0)],
    colours: ['White', 'Blush', 'Pink', 'Red', 'Burgundy', 'Lavender', 'Sand', 'Sage', 'Black', 'Terracotta', 'Sky Blue', 'Mustard'],
    mids: [
      {
        name: 'Skincare',
        leaves: [
          leaf('moisturisers', 'Moisturisers', 'jar', [9, 119], ['Moisturiser', 'Day Cream', 'Night Cream', 'Gel Cream'], ['Hyaluronic Acid', 'Shea Butter', 'Squalane'], ['30 ml', '50 ml', '100 ml'], ['that sinks in fast with no greasy finish', 'for skin that feels calm and plump'], ['serums', 'cleansers']),
          leaf('serums', 'Serums', 'dropper', [12, 149], ['Serum', 'Vitamin C Serum', 'Retinol Serum', 'Face Oil'], ['Niacinamide', 'Vitamin C', 'Peptides'], ['15 ml', '30 ml'], ['that brightens tired skin', 'with a fragrance-free formula'], ['moisturisers', 'cleansers']),
          leaf('cleansers', 'Cleansers', 'tube', [7, 49], ['Cleanser', 'Gel Cleanser', 'Cleansing Balm', 'Face Wash'], ['Oat', 'Green Tea', 'Charcoal'], ['100 ml', '150 ml', '200 ml'], ['that removes make-up without tightness', 'gentle enough for twice a day'], ['moisturisers', 'serums']),
        ],
      },
      {
        name: 'Makeup',
        leaves: [
          leaf('lipsticks', 'Lipsticks', 'lipstick', [8, 49], ['Lipstick', 'Matte Lipstick', 'Lip Tint', 'Lip Balm'], ['Satin', 'Matte', 'Sheer'], ['3.5 g'], ['with rich colour that lasts through lunch', 'that feels like a balm'], ['eyeshadow-palettes', 'nail-polish', 'perfumes']),
          leaf('eyeshadow-palettes', 'Eyeshadow Palettes', 'palette', [12, 79], ['Eyeshadow Palette', 'Blush Palette', 'Highlighter Palette'], ['Matte', 'Shimmer', 'Mixed Finish'], ['4 Shades', '9 Shades', '12 Shades'], ['with buttery shades that blend easily', 'with a mirror for touch-ups'], ['lipsticks', 'nail-polish']),
          leaf('nail-polish', 'Nail Polish', 'nailpolish', [5, 29], ['Nail Polish', 'Gel Polish', 'Top Coat'], ['Gloss', 'Gel', 'Matte'], ['10 ml', '15 ml'], ['that dries in a minute', 'chip-resistant for a week'], ['lipsticks']),
        ],
      },
      {
        name: 'Fragrance',
        leaves: [
          leaf('perfumes', 'Perfumes', 'perfume', [19, 249], ['Eau de Parfum', 'Eau de Toilette', 'Perfume Oil'], ['Citrus', 'Woody', 'Floral', 'Amber'], ['30 ml', '50 ml', '100 ml'], ['that lingers softly all day', 'made to wear alone or layer'], ['moisturisers', 'lipsticks']),
        ],
      },
    ],
  },
  {
    name: 'Sports',
    hue: 190,
    styles: ['Sporty', 'Modern', 'Classic', 'Minimalist', 'Eco'],
    brands: [b('Stridex', 1), b('Apexa', 2), b('Kinetic One', 0), b('Velox', 2), b('Ironside', 1), b('Goalpost', 0)],
    mids: [
      {
        name: 'Fitness',
        leaves: [
          leaf('dumbbells', 'Dumbbells', 'dumbbell', [12, 299], ['Dumbbells', 'Adjustable Dumbbells', 'Hex Dumbbells'], ['Cast Iron', 'Rubber-Coated', 'Neoprene'], ['2 x 2 kg', '2 x 5 kg', '2 x 10 kg', '24 kg Set'], ['with a knurled, non-slip grip', 'that will not roll away'], ['kettlebells', 'yoga-mats']),
          leaf('yoga-mats', 'Yoga Mats', 'mat', [15, 129], ['Yoga Mat', 'Exercise Mat', 'Travel Yoga Mat'], ['Natural Rubber', 'TPE', 'Cork'], ['4 mm', '6 mm', '8 mm'], ['with a grippy surface that stays put', 'that rolls up light for the studio'], ['water-bottles', 'dumbbells']),
          leaf('kettlebells', 'Kettlebells', 'kettlebell', [19, 149], ['Kettlebell', 'Competition Kettlebell'], ['Cast Iron', 'Steel', 'Vinyl'], ['8 kg', '12 kg', '16 kg', '20 kg'], ['with a wide handle for two-hand swings', 'with a flat base for stable storage'], ['dumbbells', 'yoga-mats']),
        ],
      },
      {
        name: 'Ball Sports',
        leaves: [
          leaf('footballs', 'Footballs', 'football', [9, 139], ['Football', 'Training Ball', 'Match Ball'], ['PU Leather', 'Rubber', 'TPU'], ['Size 3', 'Size 4', 'Size 5'], ['with a true flight and soft touch', 'built for grass and artificial pitches'], ['water-bottles', 'sneakers']),
          leaf('tennis-rackets', 'Tennis Rackets', 'racket', [25, 249], ['Tennis Racket', 'Padel Racket', 'Squash Racket'], ['Graphite', 'Carbon Fibre', 'Aluminium'], ['Grip 1', 'Grip 2', 'Grip 3'], ['with a generous sweet spot', 'light and quick at the net'], ['tennis-balls', 'water-bottles']),
          leaf('tennis-balls', 'Tennis Balls', 'ball', [4, 29], ['Tennis Balls', 'Padel Balls', 'Practice Balls'], ['Felt', 'Rubber'], ['Tube of 3', 'Tube of 4', 'Bag of 12'], ['with consistent bounce set after set', 'made for hard courts'], ['tennis-rackets']),
        ],
      },
      {
        name: 'Cycling',
        leaves: [
          leaf('bicycles', 'Bicycles', 'bicycle', [249, 2990], ['Road Bike', 'City Bike', 'Gravel Bike', 'Hybrid Bike'], ['Aluminium', 'Steel', 'Carbon'], ['S', 'M', 'L'], ['with smooth gears for hilly commutes', 'that is light to carry up the stairs'], ['bike-helmets', 'bike-locks', 'water-bottles']),
          leaf('bike-helmets', 'Bike Helmets', 'helmet', [29, 249], ['Bike Helmet', 'Road Helmet', 'Commuter Helmet'], ['EPS Foam', 'Polycarbonate'], ['S', 'M', 'L'], ['with lots of vents for summer rides', 'with a magnetic buckle'], ['bike-locks', 'bicycles']),
          leaf('bike-locks', 'Bike Locks', 'lock', [15, 129], ['D-Lock', 'Chain Lock', 'Folding Lock'], ['Hardened Steel', 'Steel'], ['Standard', 'Long'], ['that stops a thief with bolt cutters', 'with a frame mount'], ['bike-helmets', 'bicycles']),
        ],
      },
    ],
  },
  {
    name: 'Books',
    hue: 260,
    titles: 'book',
    styles: ['Classic', 'Modern', 'Vintage', 'Playful', 'Minimalist'],
    brands: [b('Harbour Press', 1), b('Inkwell Books', 1), b('Quarto & Lane', 2), b('Pocketleaf', 0), b('Northlight', 1), b('Fable House', 0)],
    mids: [
      {
        name: 'Fiction',
        leaves: [
          leaf('novels', 'Novels', 'book', [8, 24], ['Harbour', 'Summer', 'Garden', 'House', 'River', 'Daughter', 'Letters', 'Island'], ['Paperback', 'Hardcover'], ['256 pages', '320 pages', '416 pages'], ['a moving story of family and second chances', 'a novel about the summer that changed everything'], ['crime-thrillers', 'science-fiction', 'biographies'], 1.3),
          leaf('crime-thrillers', 'Crime & Thrillers', 'book', [8, 22], ['Witness', 'Alibi', 'Verdict', 'Stranger', 'Cold Case', 'Night', 'Lie'], ['Paperback', 'Hardcover'], ['288 pages', '352 pages', '400 pages'], ['a twisting thriller you will read in one sitting', 'a detective story set on a windswept coast'], ['novels', 'science-fiction']),
          leaf('science-fiction', 'Science Fiction', 'book', [8, 24], ['Orbit', 'Signal', 'Colony', 'Machine', 'Horizon', 'Stars', 'Drift'], ['Paperback', 'Hardcover'], ['304 pages', '384 pages', '480 pages'], ['a bold space opera about the edge of the map', 'a clever tale of first contact'], ['novels', 'crime-thrillers']),
        ],
      },
      {
        name: 'Non-Fiction',
        leaves: [
          leaf('cookbooks', 'Cookbooks', 'book', [14, 39], ['Kitchen', 'Table', 'Pantry', 'Bakery', 'Feast', 'Vegetables'], ['Hardcover', 'Paperback'], ['100 recipes', '120 recipes', '150 recipes'], ['full of weeknight dinners that come together fast', 'with simple recipes and beautiful photographs'], ['frying-pans', 'knives', 'chopping-boards']),
          leaf('travel-guides', 'Travel Guides', 'book', [10, 29], ['Lisbon', 'Iceland', 'Kyoto', 'the Alps', 'Scotland', 'Patagonia', 'Norway'], ['Paperback'], ['224 pages', '288 pages', '352 pages'], ['with walks, maps and where locals eat', 'packed with routes for active trips'], ['backpacks', 'hiking-boots', 'novels']),
          leaf('biographies', 'Biographies', 'book', [10, 30], ['Life', 'Journey', 'Years', 'Memoir', 'Voice', 'Road'], ['Hardcover', 'Paperback'], ['320 pages', '400 pages', '512 pages'], ['an honest, funny and moving memoir', 'the remarkable life behind the legend'], ['novels']),
        ],
      },
      {
        name: 'Children\u2019s Books',
        leaves: [
          leaf('picture-books', 'Picture Books', 'book', [6, 18], ['Bear', 'Fox', 'Moon', 'Dragon', 'Owl', 'Rabbit', 'Balloon'], ['Hardcover', 'Board Book', 'Paperback'], ['24 pages', '32 pages', '40 pages'], ['a bedtime story with warm, glowing pictures', 'a funny read-aloud for ages 2 to 6'], ['teddy-bears', 'building-sets']),
        ],
      },
    ],
  },
  {
    name: 'Toys',
    hue: 50,
    styles: ['Playful', 'Classic', 'Eco', 'Modern'],
    colours: ['Red', 'Blue', 'Yellow', 'Orange', 'Teal', 'Pink', 'Lavender', 'Sky Blue', 'Forest Green', 'Brown', 'Sand', 'Mustard'],
    brands: [b('Tumbletown', 1), b('Brickwell', 2), b('Little Oak', 2), b('Funfold', 0), b('Pip & Pom', 1), b('Zoomi', 0)],
    mids: [
      {
        name: 'Building',
        leaves: [
          leaf('building-sets', 'Building Sets', 'blocks', [9, 149], ['Building Set', 'Wooden Blocks', 'Brick Set', 'Construction Kit'], ['Beech Wood', 'ABS Plastic', 'Recycled Plastic'], ['50 pieces', '120 pieces', '500 pieces'], ['that sparks hours of open-ended play', 'with pieces sized for small hands'], ['board-games', 'toy-cars', 'puzzles']),
        ],
      },
      {
        name: 'Games & Puzzles',
        leaves: [
          leaf('board-games', 'Board Games', 'boardgame', [12, 69], ['Board Game', 'Family Game', 'Strategy Game', 'Card Game'], ['Cardboard', 'Wood'], ['2-4 Players', '2-6 Players', '3-8 Players'], ['that the whole family can learn in five minutes', 'with clever rules and quick turns'], ['puzzles']),
          leaf('puzzles', 'Puzzles', 'puzzle', [8, 45], ['Jigsaw Puzzle', 'Puzzle', 'Floor Puzzle'], ['Cardboard', 'Wood'], ['100 pieces', '500 pieces', '1000 pieces'], ['with a stunning illustrated scene', 'with thick pieces that click together'], ['board-games']),
        ],
      },
      {
        name: 'Plush',
        leaves: [
          leaf('teddy-bears', 'Teddy Bears', 'teddy', [9, 79], ['Teddy Bear', 'Plush Bear', 'Cuddly Bear'], ['Plush', 'Organic Cotton', 'Mohair'], ['20 cm', '30 cm', '45 cm'], ['soft enough for the smallest cuddles', 'with embroidered eyes, safe from birth'], ['picture-books', 'baby-blankets']),
        ],
      },
      {
        name: 'Vehicles',
        leaves: [
          leaf('toy-cars', 'Toy Cars', 'toycar', [6, 59], ['Toy Car', 'Race Car', 'Pull-Back Car', 'Toy Truck'], ['Wood', 'Die-Cast Metal', 'Plastic'], ['Small', 'Medium', 'Large'], ['with wheels that really roll', 'built for races across the kitchen floor'], ['building-sets']),
        ],
      },
    ],
  },
  {
    name: 'Garden',
    hue: 95,
    styles: ['Rustic', 'Classic', 'Eco', 'Modern'],
    brands: [b('Greenthumb', 1), b('Bloomfield', 0), b('Rootwell', 2), b('Spadework', 1), b('Mossgate', 2), b('Yardly', 0)],
    mids: [
      {
        name: 'Plants & Pots',
        leaves: [
          leaf('plant-pots', 'Plant Pots', 'plantpot', [6, 89], ['Plant Pot', 'Planter', 'Hanging Planter', 'Self-Watering Pot'], ['Terracotta', 'Ceramic', 'Concrete', 'Recycled Plastic'], ['12 cm', '20 cm', '30 cm'], ['with a drainage hole and saucer', 'that suits herbs or houseplants'], ['watering-cans', 'trowels']),
        ],
      },
      {
        name: 'Garden Tools',
        leaves: [
          leaf('trowels', 'Trowels & Spades', 'trowel', [8, 69], ['Trowel', 'Hand Fork', 'Spade', 'Transplanter'], ['Stainless Steel', 'Carbon Steel', 'Ash Wood'], ['Hand', 'Border', 'Full Size'], ['with a comfortable ash handle', 'strong enough for clay soil'], ['pruners', 'plant-pots']),
          leaf('watering-cans', 'Watering Cans', 'wateringcan', [9, 59], ['Watering Can', 'Indoor Watering Can'], ['Galvanised Steel', 'Plastic', 'Copper'], ['1 L', '5 L', '9 L'], ['with a fine rose for seedlings', 'that balances well when full'], ['plant-pots']),
          leaf('pruners', 'Pruners', 'shears', [12, 89], ['Pruning Shears', 'Secateurs', 'Hedge Shears'], ['Carbon Steel', 'Stainless Steel'], ['Small', 'Standard'], ['with a clean bypass cut', 'with a safety lock and sap groove'], ['trowels']),
        ],
      },
      {
        name: 'Outdoor Living',
        leaves: [
          leaf('garden-chairs', 'Garden Chairs', 'chair', [29, 390], ['Garden Chair', 'Folding Chair', 'Lounger', 'Bench'], ['Acacia Wood', 'Teak', 'Steel', 'Rattan'], ['Single', 'Set of 2'], ['that folds flat for winter', 'weatherproof for year-round use'], ['bbq-grills', 'cushions']),
          leaf('bbq-grills', 'BBQ Grills', 'grill', [39, 890], ['Charcoal Grill', 'Gas Grill', 'Kettle Barbecue', 'Portable Grill'], ['Enamelled Steel', 'Stainless Steel', 'Cast Iron'], ['47 cm', '57 cm', '2 Burner', '3 Burner'], ['with a lid thermometer and ash catcher', 'that heats up in ten minutes'], ['garden-chairs', 'knives']),
        ],
      },
    ],
  },
  {
    name: 'Pets',
    hue: 25,
    styles: ['Classic', 'Modern', 'Playful', 'Eco', 'Rustic'],
    brands: [b('Pawsome', 0), b('Waggle', 1), b('Furhaven', 2), b('Tailor & Tail', 2), b('Kibble Co.', 0), b('Whisker', 1)],
    mids: [
      {
        name: 'Dogs',
        leaves: [
          leaf('dog-beds', 'Dog Beds', 'petbed', [25, 189], ['Dog Bed', 'Orthopaedic Dog Bed', 'Donut Bed'], ['Memory Foam', 'Faux Fur', 'Canvas'], ['S', 'M', 'L', 'XL'], ['with a washable cover and raised sides', 'that supports older joints'], ['dog-bowls', 'dog-toys']),
          leaf('dog-leads', 'Dog Leads', 'leash', [9, 69], ['Dog Lead', 'Harness', 'Collar', 'Retractable Lead'], ['Nylon', 'Leather', 'Rope'], ['S', 'M', 'L'], ['with a padded handle and reflective stitching', 'strong enough for pullers'], ['dog-toys', 'dog-bowls']),
          leaf('dog-bowls', 'Dog Bowls', 'bowl', [6, 49], ['Dog Bowl', 'Slow Feeder', 'Travel Bowl'], ['Stainless Steel', 'Ceramic', 'Silicone'], ['0.5 L', '1 L', '2 L'], ['with a non-slip base', 'that is easy to clean'], ['dog-leads', 'dog-beds']),
          leaf('dog-toys', 'Dog Toys', 'bone', [4, 35], ['Chew Toy', 'Rope Toy', 'Squeaky Toy', 'Fetch Ball'], ['Natural Rubber', 'Cotton Rope', 'Plush'], ['S', 'M', 'L'], ['tough enough for keen chewers', 'that floats for water fetch'], ['dog-leads', 'dog-beds']),
        ],
      },
      {
        name: 'Cats',
        leaves: [
          leaf('cat-trees', 'Cat Trees', 'cattree', [35, 249], ['Cat Tree', 'Scratching Post', 'Cat Tower'], ['Sisal', 'Plush', 'Wood'], ['80 cm', '120 cm', '160 cm'], ['with cosy perches and sisal posts', 'that saves the sofa'], ['cat-toys']),
          leaf('cat-toys', 'Cat Toys', 'ball', [3, 29], ['Cat Toy', 'Feather Wand', 'Catnip Mouse', 'Ball Track'], ['Felt', 'Wool', 'Plastic'], ['Single', 'Set of 3', 'Set of 6'], ['that brings out the hunter', 'filled with organic catnip'], ['cat-trees']),
        ],
      },
    ],
  },
  {
    name: 'Office',
    hue: 200,
    styles: ['Minimalist', 'Classic', 'Modern', 'Luxe', 'Eco'],
    brands: [b('Paperfold', 1), b('Deskwise', 1), b('Inkline', 2), b('Officio', 0), b('Ledger & Co.', 2), b('Scribe', 0)],
    mids: [
      {
        name: 'Stationery',
        leaves: [
          leaf('notebooks', 'Notebooks', 'notebook', [4, 39], ['Notebook', 'Dotted Journal', 'Planner', 'Sketchbook'], ['Recycled Paper', 'Leather', 'Linen Cover'], ['A6', 'A5', 'A4'], ['with 120 gsm paper that stops ink bleeding', 'that lies flat when open'], ['pens', 'desk-organisers'], 1.2),
          leaf('pens', 'Pens', 'pen', [2, 149], ['Fountain Pen', 'Rollerball Pen', 'Gel Pen Set', 'Ballpoint Pen'], ['Brass', 'Resin', 'Aluminium', 'Plastic'], ['Fine', 'Medium', 'Broad'], ['that writes smoothly from the first stroke', 'with a satisfying weight in the hand'], ['notebooks', 'desk-organisers']),
        ],
      },
      {
        name: 'Desk',
        leaves: [
          leaf('desk-lamps', 'Desk Lamps', 'desklamp', [19, 249], ['Desk Lamp', 'LED Desk Lamp', 'Task Lamp'], ['Aluminium', 'Steel', 'Plastic'], ['Standard', 'Clamp'], ['with an adjustable arm and warm-to-cool light', 'with a USB port in the base'], ['desk-organisers', 'office-chairs', 'keyboards']),
          leaf('office-chairs', 'Office Chairs', 'officechair', [79, 990], ['Office Chair', 'Ergonomic Chair', 'Task Chair'], ['Mesh', 'Fabric', 'Leather'], ['Standard'], ['with lumbar support for long days', 'that adjusts to fit you'], ['desk-lamps', 'desk-organisers']),
          leaf('desk-organisers', 'Desk Organisers', 'organiser', [8, 69], ['Desk Organiser', 'Pen Pot', 'Letter Tray', 'Monitor Stand'], ['Bamboo', 'Felt', 'Steel', 'Walnut'], ['Small', 'Medium'], ['that tames a messy desk', 'with a slot for a phone'], ['pens', 'notebooks']),
        ],
      },
    ],
  },
  {
    name: 'Baby',
    hue: 180,
    styles: ['Playful', 'Eco', 'Minimalist', 'Classic'],
    colours: ['White', 'Sky Blue', 'Blush', 'Sage', 'Lavender', 'Sand', 'Yellow', 'Grey', 'Pink', 'Teal', 'Mustard'],
    brands: [b('Little Nest', 1), b('Babbly', 0), b('Cradle & Co.', 2), b('Tiny Tide', 1), b('Softly', 0), b('Nido', 2)],
    mids: [
      {
        name: 'Feeding',
        leaves: [
          leaf('baby-bottles', 'Baby Bottles', 'babybottle', [5, 39], ['Baby Bottle', 'Anti-Colic Bottle', 'Sippy Cup'], ['Glass', 'BPA-Free Plastic', 'Silicone'], ['150 ml', '260 ml', '330 ml'], ['with a soft, natural-feel teat', 'easy to clean and sterilise'], ['baby-blankets', 'bodysuits']),
        ],
      },
      {
        name: 'Travel',
        leaves: [
          leaf('strollers', 'Strollers', 'stroller', [149, 1190], ['Stroller', 'Pushchair', 'Travel System', 'Pram'], ['Aluminium', 'Steel'], ['Standard', 'Compact'], ['that folds with one hand', 'with all-terrain wheels and a big basket'], ['changing-bags', 'baby-blankets']),
          leaf('changing-bags', 'Changing Bags', 'handbag', [25, 149], ['Changing Bag', 'Nappy Backpack', 'Changing Tote'], ['Canvas', 'Vegan Leather', 'Nylon'], ['Standard', 'Large'], ['with a wipe-clean changing mat', 'with stroller straps and insulated pockets'], ['strollers', 'baby-bottles']),
        ],
      },
      {
        name: 'Baby Clothing',
        leaves: [
          leaf('bodysuits', 'Bodysuits', 'onesie', [6, 39], ['Bodysuit', 'Sleepsuit', 'Romper'], ['Organic Cotton', 'Bamboo', 'Cotton'], ['0-3 m', '3-6 m', '6-12 m', '12-18 m'], ['with easy poppers for night changes', 'soft on sensitive skin'], ['baby-blankets', 'baby-bottles']),
        ],
      },
      {
        name: 'Nursery',
        leaves: [
          leaf('baby-blankets', 'Baby Blankets', 'blanket', [12, 89], ['Baby Blanket', 'Swaddle', 'Cellular Blanket'], ['Organic Cotton', 'Muslin', 'Merino'], ['70x90 cm', '100x100 cm'], ['breathable for safe sleep', 'that gets softer with each wash'], ['bodysuits', 'teddy-bears']),
        ],
      },
    ],
  },
  {
    name: 'Auto',
    hue: 0,
    styles: ['Sporty', 'Classic', 'Modern', 'Minimalist'],
    colours: ['Black', 'Grey', 'Charcoal', 'Red', 'Blue', 'Navy', 'Yellow', 'Orange', 'White', 'Teal'],
    brands: [b('Roadline', 1), b('Torqly', 0), b('Motorvane', 2), b('Gearbox', 1), b('Autosheen', 0), b('Velocita', 2)],
    mids: [
      {
        name: 'Car Care',
        leaves: [
          leaf('car-shampoo', 'Car Shampoo & Wax', 'spraybottle', [6, 49], ['Car Shampoo', 'Spray Wax', 'Ceramic Coating', 'Glass Cleaner'], ['pH-Neutral', 'Carnauba', 'Ceramic'], ['500 ml', '1 L', '2.5 L'], ['for a streak-free, glossy finish', 'that is safe on every paint type'], ['microfibre-cloths']),
          leaf('microfibre-cloths', 'Microfibre Cloths', 'blanket', [5, 29], ['Microfibre Cloths', 'Drying Towel', 'Polishing Pads'], ['Microfibre', 'Plush Microfibre'], ['Pack of 3', 'Pack of 6', 'Pack of 12'], ['that lifts dirt without scratching', 'that dries a whole car in one pass'], ['car-shampoo']),
        ],
      },
      {
        name: 'Car Accessories',
        leaves: [
          leaf('phone-mounts', 'Phone Mounts', 'phonemount', [9, 59], ['Phone Mount', 'Vent Mount', 'Magnetic Mount', 'Wireless Charging Mount'], ['Plastic', 'Aluminium', 'Silicone'], ['Standard'], ['that holds steady on bumpy roads', 'with one-handed release'], ['chargers', 'dash-cams']),
          leaf('dash-cams', 'Dash Cams', 'dashcam', [39, 299], ['Dash Cam', 'Front & Rear Dash Cam', 'Mini Dash Cam'], ['Plastic', 'Aluminium'], ['1080p', '1440p', '4K'], ['with night vision and parking mode', 'that saves clips automatically on impact'], ['phone-mounts']),
        ],
      },
      {
        name: 'Maintenance',
        leaves: [
          leaf('tyres', 'Tyres', 'tyre', [49, 289], ['All-Season Tyre', 'Summer Tyre', 'Winter Tyre'], ['Rubber Compound', 'Silica Compound'], ['195/65 R15', '205/55 R16', '225/45 R17', '235/40 R18'], ['with short braking distances in the wet', 'with low rolling resistance'], ['engine-oil', 'jump-starters']),
          leaf('engine-oil', 'Engine Oil', 'oilcan', [12, 69], ['Engine Oil', 'Synthetic Oil', 'Oil Change Kit'], ['Fully Synthetic', 'Semi-Synthetic'], ['1 L', '4 L', '5 L'], ['that protects from cold start', 'approved for modern petrol and diesel engines'], ['jump-starters', 'tyres']),
          leaf('jump-starters', 'Jump Starters', 'powerbank', [39, 199], ['Jump Starter', 'Battery Booster', 'Jump Starter Kit'], ['Plastic', 'Rubberised'], ['1000 A', '2000 A', '3000 A'], ['that starts a flat car without a second vehicle', 'that doubles as a power bank'], ['engine-oil', 'tyres']),
        ],
      },
    ],
  },
];

/** Every leaf with its place in the tree. */
export interface LeafRef {
  top: Top;
  mid: Mid;
  leaf: Leaf;
}

export function allLeaves(): LeafRef[] {
  return TAXONOMY.flatMap((top) => top.mids.flatMap((mid) => mid.leaves.map((l) => ({ top, mid, leaf: l }))));
}
