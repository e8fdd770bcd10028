/**
 * Reads the text of a PDF made by Chromium (Skia's PDF backend), so a test can check what a printed page
 * says rather than what the print layout's DOM holds. Covers what Skia writes: plain (uncompressed
 * cross-reference) objects, Flate-compressed streams, Type0 fonts with Identity-H encoding (two-byte codes)
 * and simple or Type3 fonts (one-byte codes, Skia's form for CFF/CJK faces), each with a ToUnicode CMap
 * (bfchar and bfrange), the text operators Tj, TJ, ' and ", ActualText spans, and form XObjects. Lines are
 * told apart by the text position: a new baseline starts a new line; a horizontal gap wider than a fifth
 * of the font size between two strings on one baseline becomes a space. Not a general PDF reader: object
 * streams, encryption and filters other than Flate are refused with a message.
 */
import { inflateSync } from 'node:zlib';

type Value = number | boolean | null | Name | Ref | Uint8Array | Value[] | Dict | Op;
interface Name {
  name: string;
}
interface Ref {
  ref: number;
}
interface Op {
  op: string;
}
type Dict = Map<string, Value>;

const isName = (v: Value | undefined): v is Name => typeof v === 'object' && v !== null && 'name' in v;
const isRef = (v: Value | undefined): v is Ref => typeof v === 'object' && v !== null && 'ref' in v;
const isOp = (v: Value | undefined): v is Op => typeof v === 'object' && v !== null && 'op' in v;
const isDict = (v: Value | undefined): v is Dict => v instanceof Map;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** A tokenizer and object parser over PDF syntax (objects and content streams alike). */
class Lexer {
  pos: number;
  constructor(
    private readonly b: Uint8Array,
    start = 0,
    private readonly end = b.length,
  ) {
    this.pos = start;
  }

  private skipSpace(): void {
    const { b } = this;
    while (this.pos < this.end) {
      const c = b[this.pos];
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25 /* % */) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  private word(): string {
    const start = this.pos;
    while (this.pos < this.end && !WHITE.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) this.pos++;
    return String.fromCharCode(...this.b.subarray(start, this.pos));
  }

  private literal(): Uint8Array {
    const { b } = this;
    const out: number[] = [];
    let depth = 1;
    this.pos++; // (
    while (this.pos < this.end) {
      const c = b[this.pos++];
      if (c === 0x5c /* \ */) {
        const e = b[this.pos++];
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (e in simple) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; i++)
            v = v * 8 + (b[this.pos++] - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Uint8Array.from(out);
  }

  private hex(): Uint8Array {
    const start = ++this.pos; // <
    while (this.pos < this.end && this.b[this.pos] !== 0x3e) this.pos++;
    const digits = String.fromCharCode(...this.b.subarray(start, this.pos)).replace(/\s+/g, '');
    this.pos++; // >
    const even = digits.length % 2 ? digits + '0' : digits;
    return Uint8Array.from(even.match(/../g) ?? [], (h) => parseInt(h, 16));
  }

  /** The next value, or undefined at the end; `]` and `>>` come back as operators. */
  next(): Value | undefined {
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const { b } = this;
    const c = b[this.pos];
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (b[this.pos + 1] !== 0x3c) return this.hex();
      this.pos += 2;
      const d: Dict = new Map();
      for (;;) {
        const k = this.next();
        if (k === undefined || (isOp(k) && k.op === '>>')) return d;
        if (isName(k)) d.set(k.name, this.next() ?? null);
      }
    }
    if (c === 0x3e && b[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return { op: '>>' };
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: Value[] = [];
      for (;;) {
        const v = this.next();
        if (v === undefined || (isOp(v) && v.op === ']')) return arr;
        arr.push(v);
      }
    }
    if (c === 0x5d) {
      this.pos++;
      return { op: ']' };
    }
    if (c === 0x2f) {
      this.pos++;
      return {
        name: this.word().replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
      };
    }
    if (DELIM.has(c)) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const w = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // `n g R` is a reference: look ahead without consuming anything else.
      const save = this.pos;
      this.skipSpace();
      const g = this.word();
      this.skipSpace();
      if (/^\d+$/.test(w) && /^\d+$/.test(g) && this.b[this.pos] === 0x52 /* R */) {
        const after = this.b[this.pos + 1];
        if (after === undefined || WHITE.has(after) || DELIM.has(after)) {
          this.pos++;
          return { ref: Number(w) };
        }
      }
      this.pos = save;
      return Number(w);
    }
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    return { op: w };
  }
}

interface PdfObject {
  value: Value;
  stream?: Uint8Array;
}

/** Every `n g obj … endobj` of the file, by object number (the last definition wins). */
function readObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (/\/Encrypt\s/.test(text)) throw new Error('pdf-text: encrypted PDFs are not supported');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+\d+\s+obj\b/g;
  const pendingLength: { obj: PdfObject; dataStart: number; ref: number }[] = [];
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const lex = new Lexer(pdf, m.index + m[0].length);
    const value = lex.next() ?? null;
    const obj: PdfObject = { value };
    objects.set(Number(m[1]), obj);
    const after = /^\s*stream(\r\n|\n|\r)/.exec(text.slice(lex.pos, lex.pos + 20));
    if (after && isDict(value)) {
      const dataStart = lex.pos + after[0].length;
      const len = value.get('Length');
      if (typeof len === 'number') {
        obj.stream = pdf.subarray(dataStart, dataStart + len);
        header.lastIndex = dataStart + len;
      } else if (isRef(len)) {
        pendingLength.push({ obj, dataStart, ref: len.ref });
        const end = text.indexOf('endstream', dataStart);
        header.lastIndex = end < 0 ? text.length : end;
      }
    } else header.lastIndex = lex.pos;
  }
  for (const { obj, dataStart, ref } of pendingLength) {
    const len = objects.get(ref)?.value;
    if (typeof len === 'number') obj.stream = pdf.subarray(dataStart, dataStart + len);
  }
  return objects;
}

/** The data of a stream object, inflated. */
function streamData(obj: PdfObject | undefined, what: string): Uint8Array {
  if (!obj?.stream || !isDict(obj.value)) throw new Error(`pdf-text: ${what} is not a stream`);
  const f = obj.value.get('Filter');
  const filters = (Array.isArray(f) ? f : f === undefined ? [] : [f]).map((x) => (isName(x) ? x.name : '?'));
  let data = obj.stream;
  for (const name of filters) {
    if (name !== 'FlateDecode') throw new Error(`pdf-text: ${what} uses the ${name} filter, not supported`);
    data = inflateSync(data);
  }
  return data;
}

const utf16be = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
  return s;
};

/** A PDF text string: UTF-16BE with a byte-order mark, else (near enough) PDFDocEncoding as Latin-1. */
const textString = (bytes: Uint8Array): string =>
  bytes[0] === 0xfe && bytes[1] === 0xff ? utf16be(bytes.subarray(2)) : String.fromCharCode(...bytes);

const codeOf = (bytes: Uint8Array): number => bytes.reduce((n, x) => n * 256 + x, 0);

/** The bfchar and bfrange entries of a ToUnicode CMap: character code → text. */
function parseToUnicode(data: Uint8Array): Map<number, string> {
  const map = new Map<number, string>();
  const lex = new Lexer(data);
  const operands: Value[] = [];
  for (let v = lex.next(); v !== undefined; v = lex.next()) {
    if (!isOp(v)) {
      operands.push(v);
      continue;
    }
    if (v.op === 'endbfchar') {
      for (let i = 0; i + 1 < operands.length; i += 2) {
        const [src, dst] = [operands[i], operands[i + 1]];
        if (src instanceof Uint8Array && dst instanceof Uint8Array) map.set(codeOf(src), utf16be(dst));
      }
    } else if (v.op === 'endbfrange') {
      for (let i = 0; i + 2 < operands.length; i += 3) {
        const [lo, hi, dst] = [operands[i], operands[i + 1], operands[i + 2]];
        if (!(lo instanceof Uint8Array && hi instanceof Uint8Array)) continue;
        const [a, z] = [codeOf(lo), codeOf(hi)];
        if (Array.isArray(dst)) {
          dst.forEach((d, k) => {
            if (d instanceof Uint8Array && a + k <= z) map.set(a + k, utf16be(d));
          });
        } else if (dst instanceof Uint8Array) {
          const base = utf16be(dst);
          const last = base.charCodeAt(base.length - 1);
          for (let c = a; c <= z; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - a)));
        }
      }
    }
    operands.length = 0;
  }
  return map;
}

interface Font {
  /** Bytes per character code: 2 for Type0 (Identity-H), 1 for simple and Type3 fonts. */
  bytes: 1 | 2;
  toUnicode: Map<number, string> | null;
  /** Advance of a code in text space units per unit of font size. */
  width(code: number): number;
}

class Reader {
  private readonly fonts = new Map<Value, Font>();
  constructor(private readonly objects: Map<number, PdfObject>) {}

  get(v: Value | undefined): Value | undefined {
    let x = v;
    for (let i = 0; i < 32 && isRef(x); i++) x = this.objects.get(x.ref)?.value;
    return x;
  }

  dict(v: Value | undefined): Dict {
    const d = this.get(v);
    return isDict(d) ? d : new Map();
  }

  stream(v: Value | undefined, what: string): Uint8Array {
    return streamData(isRef(v) ? this.objects.get(v.ref) : undefined, what);
  }

  /** The pages in order, each with its inherited resources and its content stream references. */
  pages(): { resources: Dict; contents: Value[] }[] {
    const trailerRoot = [...this.objects.values()].find(
      (o) =>
        isDict(o.value) && isName(o.value.get('Type')) && (o.value.get('Type') as Name).name === 'Catalog',
    );
    if (!trailerRoot || !isDict(trailerRoot.value)) throw new Error('pdf-text: no document catalog found');
    const out: { resources: Dict; contents: Value[] }[] = [];
    const walk = (node: Dict, inherited: Dict | undefined, depth: number) => {
      if (depth > 64) throw new Error('pdf-text: the page tree is too deep (a cycle?)');
      const resources = node.has('Resources') ? this.dict(node.get('Resources')) : inherited;
      const kids = this.get(node.get('Kids'));
      if (Array.isArray(kids)) {
        for (const k of kids) walk(this.dict(k), resources, depth + 1);
        return;
      }
      const c = node.get('Contents');
      const contents = Array.isArray(this.get(c)) ? (this.get(c) as Value[]) : c === undefined ? [] : [c];
      out.push({ resources: resources ?? new Map(), contents });
    };
    walk(this.dict(trailerRoot.value.get('Pages')), undefined, 0);
    return out;
  }

  font(ref: Value | undefined): Font {
    const key = isRef(ref) ? ref.ref : ref;
    const known = this.fonts.get(key ?? null);
    if (known) return known;
    const d = this.dict(ref);
    const subtype = (d.get('Subtype') as Name | undefined)?.name;
    const tu = d.get('ToUnicode');
    const toUnicode = isRef(tu) ? parseToUnicode(this.stream(tu, 'a ToUnicode CMap')) : null;
    let font: Font;
    if (subtype === 'Type0') {
      const desc = this.dict((this.get(d.get('DescendantFonts')) as Value[] | undefined)?.[0]);
      const dw = this.get(desc.get('DW'));
      const widths = new Map<number, number>();
      const w = this.get(desc.get('W'));
      if (Array.isArray(w)) {
        for (let i = 0; i < w.length;) {
          const first = this.get(w[i]) as number;
          const second = this.get(w[i + 1]);
          if (Array.isArray(second)) {
            second.forEach((x, k) => widths.set(first + k, Number(this.get(x))));
            i += 2;
          } else {
            const wv = Number(this.get(w[i + 2]));
            for (let c = first; c <= Number(second); c++) widths.set(c, wv);
            i += 3;
          }
        }
      }
      const fallback = typeof dw === 'number' ? dw : 1000;
      font = { bytes: 2, toUnicode, width: (c) => (widths.get(c) ?? fallback) / 1000 };
    } else {
      const first = Number(this.get(d.get('FirstChar')) ?? 0);
      const widths = (this.get(d.get('Widths')) as Value[] | undefined) ?? [];
      const matrix = this.get(d.get('FontMatrix'));
      const scale = subtype === 'Type3' && Array.isArray(matrix) ? Math.abs(Number(matrix[0])) : 1 / 1000;
      font = {
        bytes: 1,
        toUnicode,
        width: (c) => Number(this.get(widths[c - first]) ?? 0) * scale,
      };
    }
    this.fonts.set(key ?? null, font);
    return font;
  }
}

/** Collects shown strings into lines, from their positions. */
class TextSink {
  private out = '';
  private lastY: number | null = null;
  private lastEndX = 0;

  show(text: string, x: number, y: number, endX: number, size: number): void {
    if (text === '') return;
    if (this.lastY === null) {
      // first string
    } else if (Math.abs(y - this.lastY) > size * 0.5) this.out += '\n';
    else if (Math.abs(x - this.lastEndX) > size * 0.2 && !/\s$/.test(this.out) && !/^\s/.test(text))
      this.out += ' ';
    this.out += text;
    this.lastY = y;
    this.lastEndX = endX;
  }

  pageBreak(): void {
    if (this.out !== '' && !this.out.endsWith('\n')) this.out += '\n';
    this.lastY = null;
  }

  text(): string {
    return this.out;
  }
}

type Matrix = [number, number, number, number, number, number];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function runContent(reader: Reader, data: Uint8Array, resources: Dict, sink: TextSink, depth: number): void {
  const fonts = reader.dict(resources.get('Font'));
  const xobjects = reader.dict(resources.get('XObject'));
  const lex = new Lexer(data);
  const args: Value[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font: Font | null = null;
  let size = 0;
  let leading = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  /** ActualText spans: the replacement is shown once, in place of the span's glyphs. */
  const spans: { text: string | null }[] = [];

  const decode = (bytes: Uint8Array): { text: string; advance: number } => {
    if (!font) return { text: '', advance: 0 };
    let text = '';
    let advance = 0;
    for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
      const code = font.bytes === 2 ? (bytes[i] << 8) | bytes[i + 1] : bytes[i];
      text += font.toUnicode?.get(code) ?? (font.bytes === 1 ? String.fromCharCode(code) : '');
      const space = font.bytes === 1 && code === 32 ? wordSpacing : 0;
      advance += (font.width(code) * size + charSpacing + space) * hScale;
    }
    return { text, advance };
  };

  const place = (tx: number): { x: number; y: number; scale: number } => {
    const m = mul(mul([1, 0, 0, 1, tx, 0], tm), ctm);
    return { x: m[4], y: m[5], scale: Math.hypot(m[2], m[3]) || 1 };
  };

  const showString = (bytes: Uint8Array): void => {
    const { text, advance } = decode(bytes);
    const start = place(0);
    const end = place(advance);
    const inSpan = spans.find((s) => s.text !== null) ?? null;
    const shown = spans.length === 0 ? text : (inSpan?.text ?? '');
    if (inSpan) inSpan.text = '';
    if (spans.length === 0 || shown !== '') sink.show(shown, start.x, start.y, end.x, size * start.scale);
    tm = mul([1, 0, 0, 1, advance, 0], tm);
  };

  const nextLine = (tx: number, ty: number): void => {
    tlm = mul([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };

  for (let v = lex.next(); v !== undefined; v = lex.next()) {
    if (!isOp(v)) {
      args.push(v);
      continue;
    }
    const n = (i: number) => Number(args[i]);
    switch (v.op) {
      case 'q':
        stack.push(ctm);
        break;
      case 'Q':
        ctm = stack.pop() ?? IDENTITY;
        break;
      case 'cm':
        ctm = mul([n(0), n(1), n(2), n(3), n(4), n(5)], ctm);
        break;
      case 'BT':
        tm = tlm = IDENTITY;
        break;
      case 'Tf': {
        const name = args[0];
        font = isName(name) ? reader.font(fonts.get(name.name)) : null;
        size = n(1);
        break;
      }
      case 'Tc':
        charSpacing = n(0);
        break;
      case 'Tw':
        wordSpacing = n(0);
        break;
      case 'Tz':
        hScale = n(0) / 100;
        break;
      case 'TL':
        leading = n(0);
        break;
      case 'Tm':
        tm = tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
        break;
      case 'Td':
        nextLine(n(0), n(1));
        break;
      case 'TD':
        leading = -n(1);
        nextLine(n(0), n(1));
        break;
      case 'T*':
        nextLine(0, -leading);
        break;
      case 'Tj':
        if (args[0] instanceof Uint8Array) showString(args[0]);
        break;
      case "'":
        nextLine(0, -leading);
        if (args[0] instanceof Uint8Array) showString(args[0]);
        break;
      case '"':
        wordSpacing = n(0);
        charSpacing = n(1);
        nextLine(0, -leading);
        if (args[2] instanceof Uint8Array) showString(args[2]);
        break;
      case 'TJ':
        for (const item of Array.isArray(args[0]) ? args[0] : []) {
          if (item instanceof Uint8Array) showString(item);
          else if (typeof item === 'number') tm = mul([1, 0, 0, 1, (-item / 1000) * size * hScale, 0], tm);
        }
        break;
      case 'BDC': {
        // Only inline property lists: Skia writes its ActualText spans that way.
        const actual = isDict(args[1]) ? args[1].get('ActualText') : undefined;
        spans.push({ text: actual instanceof Uint8Array ? textString(actual) : null });
        break;
      }
      case 'BMC':
        spans.push({ text: null });
        break;
      case 'EMC':
        spans.pop();
        break;
      case 'Do': {
        const name = args[0];
        const ref = isName(name) ? xobjects.get(name.name) : undefined;
        const x = reader.dict(ref);
        if ((x.get('Subtype') as Name | undefined)?.name === 'Form' && depth < 16) {
          const own = x.has('Resources') ? reader.dict(x.get('Resources')) : resources;
          runContent(reader, reader.stream(ref, `form XObject ${(name as Name).name}`), own, sink, depth + 1);
        }
        break;
      }
      case 'BI': {
        // An inline image: skip to its end.
        const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
        const end = text.indexOf('EI', lex.pos);
        lex.pos = end < 0 ? data.length : end + 2;
        break;
      }
    }
    args.length = 0;
  }
}

/** The text of each page of a Chromium-made PDF, in page order; lines are separated by newlines. */
export function pdfText(pdf: Uint8Array): string[] {
  const head = Buffer.from(pdf.buffer, pdf.byteOffset, Math.min(pdf.byteLength, 8)).toString('latin1');
  if (!head.startsWith('%PDF-')) throw new Error('pdf-text: not a PDF (no %PDF- header)');
  const reader = new Reader(readObjects(pdf));
  return reader.pages().map(({ resources, contents }, i) => {
    const sink = new TextSink();
    for (const c of contents) {
      runContent(reader, reader.stream(c, `the content of page ${i + 1}`), resources, sink, 0);
      sink.pageBreak();
    }
    return sink.text().trimEnd();
  });
}
