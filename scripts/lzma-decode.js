// The widget's .wasm unpacker: an LZMA decoder and CRC-32, as a classic
// script that scripts/bundle-widget.mjs puts into plan-calculator.js.
//
// Why LZMA and not the browser's DecompressionStream (gzip): the .wasm is
// 105 KB as LZMA and 130 KB as gzip, and the widget must stay within 160 KB
// gzipped. The data is in the "lzma alone" format (Python's
// lzma.FORMAT_ALONE, `xz --format=lzma`): 13 header bytes (properties,
// dictionary size, unpacked size), then the range-coded stream. This follows
// the LZMA SDK's reference decoder, LzmaSpec.cpp (public domain), decoding
// into one buffer of the known size (the whole output is the dictionary).
// Damaged or truncated data throws, and the caller checks the CRC-32.

/** Decodes `input` (Uint8Array) into exactly `size` bytes, or throws. */
function lzmaDecode(input, size) {
  var props = input[0];
  if (!(input.length >= 18 && props < 225)) throw new Error('not LZMA data');
  var lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
  var out = new Uint8Array(size), pos = 0, inPos = 13;

  // The range decoder. range and code are unsigned 32-bit, held in a typed
  // array: as closure variables every store of a number above 2^30 would box
  // it (25 % slower on first use).
  function next() {
    if (inPos >= input.length) throw new Error('LZMA data truncated');
    return input[inPos++];
  }
  if (next() !== 0) throw new Error('bad LZMA data');
  var rc = new Float64Array(2); // range, code
  rc[0] = 0xFFFFFFFF;
  for (var i = 0; i < 4; i++) rc[1] = rc[1] * 256 + next();
  if (rc[1] === rc[0]) throw new Error('bad LZMA data');
  function bit(probs, i) {
    var p = probs[i], range = rc[0], code = rc[1], bound = (range >>> 11) * p, b;
    if (code < bound) {
      range = bound;
      probs[i] = p + ((2048 - p) >> 5);
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[i] = p - (p >> 5);
      b = 1;
    }
    if (range < 0x1000000) {
      range *= 256;
      code = code * 256 + next();
    }
    rc[0] = range;
    rc[1] = code;
    return b;
  }
  function tree(probs, base, bits) {
    var m = 1;
    for (var i = 0; i < bits; i++) m = (m << 1) | bit(probs, base + m);
    return m - (1 << bits);
  }
  function reverseTree(probs, base, bits) {
    var m = 1, symbol = 0;
    for (var i = 0; i < bits; i++) {
      var b = bit(probs, base + m);
      m = (m << 1) | b;
      symbol |= b << i;
    }
    return symbol;
  }
  function direct(bits) {
    var result = 0, range = rc[0], code = rc[1];
    for (var i = 0; i < bits; i++) {
      range = range >>> 1;
      var b = code >= range ? 1 : 0;
      if (b) code -= range;
      result = result * 2 + b;
      if (range < 0x1000000) {
        range *= 256;
        code = code * 256 + next();
      }
    }
    rc[0] = range;
    rc[1] = code;
    return result;
  }

  // The models: adaptive bit probabilities, 11-bit, starting at one half.
  function probs(n) { return new Uint16Array(n).fill(1024); }
  function lengthModel() { return { choice: probs(2), low: probs(16 << 3), mid: probs(16 << 3), high: probs(256) }; }
  function length(m, posState) {
    if (!bit(m.choice, 0)) return tree(m.low, posState << 3, 3);
    if (!bit(m.choice, 1)) return 8 + tree(m.mid, posState << 3, 3);
    return 16 + tree(m.high, 0, 8);
  }
  var literals = probs(0x300 << (lc + lp));
  var isMatch = probs(12 << 4), isRep0Long = probs(12 << 4);
  var isRep = probs(12), isRepG0 = probs(12), isRepG1 = probs(12), isRepG2 = probs(12);
  var posSlots = probs(4 << 6), posDecoders = probs(115), align = probs(16);
  var lengths = lengthModel(), repLengths = lengthModel();
  var state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;

  // Small functions rather than one big loop: V8 optimizes them within
  // milliseconds, while a big loop runs slowly until it has been compiled.
  function literal() {
    // Coded after the previous byte (and, right after a match, the byte at rep0).
    var prev = pos > 0 ? out[pos - 1] : 0;
    var base = 0x300 * (((pos & lpMask) << lc) + (prev >> (8 - lc)));
    var symbol = 1;
    if (state >= 7) {
      var matchByte = out[pos - rep0 - 1];
      do {
        var matchBit = (matchByte >> 7) & 1;
        matchByte <<= 1;
        var b = bit(literals, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | b;
        if (matchBit !== b) break;
      } while (symbol < 0x100);
    }
    while (symbol < 0x100) symbol = (symbol << 1) | bit(literals, base + symbol);
    out[pos++] = symbol - 0x100;
    state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
  }
  /** The length of a match at one of the last four distances, or 0 for the one byte at rep0. */
  function repeat(posState) {
    if (pos === 0) throw new Error('bad LZMA data');
    if (!bit(isRepG0, state)) {
      if (!bit(isRep0Long, (state << 4) + posState)) {
        state = state < 7 ? 9 : 11;
        return 0;
      }
    } else {
      var dist;
      if (!bit(isRepG1, state)) {
        dist = rep1;
      } else {
        if (!bit(isRepG2, state)) {
          dist = rep2;
        } else {
          dist = rep3;
          rep3 = rep2;
        }
        rep2 = rep1;
      }
      rep1 = rep0;
      rep0 = dist;
    }
    var len = length(repLengths, posState);
    state = state < 7 ? 8 : 11;
    return len + 2;
  }
  /** The length of a match at a new distance (then in rep0). */
  function match(posState) {
    rep3 = rep2;
    rep2 = rep1;
    rep1 = rep0;
    var len = length(lengths, posState);
    state = state < 7 ? 7 : 10;
    var slot = tree(posSlots, (len < 3 ? len : 3) << 6, 6);
    if (slot < 4) {
      rep0 = slot;
    } else {
      var bits = (slot >> 1) - 1;
      rep0 = (2 | (slot & 1)) * Math.pow(2, bits);
      if (slot < 14) rep0 += reverseTree(posDecoders, rep0 - slot, bits);
      else rep0 += direct(bits - 4) * 16 + reverseTree(align, 0, 4);
    }
    // The end marker (distance 0xFFFFFFFF) before `size` bytes fails below.
    return len + 2;
  }
  function copy(len) {
    if (rep0 >= pos || len > size - pos) throw new Error('bad LZMA data');
    for (; len > 0; len--, pos++) out[pos] = out[pos - rep0 - 1];
  }

  while (pos < size) {
    var posState = pos & pbMask;
    if (!bit(isMatch, (state << 4) + posState)) literal();
    else if (bit(isRep, state)) copy(repeat(posState) || 1);
    else copy(match(posState));
  }
  return out;
}

/** CRC-32 (IEEE, as gzip and zlib.crc32) of a Uint8Array, unsigned. */
function crc32(bytes) {
  var table = [];
  for (var n = 0; n < 256; n++) {
    var c = n;
    for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  var crc = -1;
  for (var i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
