/**
 * Cuts the text of a rel export, given in pieces, into its top-level fields and each element of "people",
 * so that rel import parses one person at a time: JSON.parse of a 90 MB export held the text and the
 * parse tree of the whole file at once (~240 MB of the import's peak). Pure.
 *
 * It only finds where values begin and end (strings with their escapes, nesting); JSON.parse reads each
 * piece, and anything the scanner does not expect throws ScanError (or JSON.parse's SyntaxError), on
 * which the caller parses the whole text the old way and so says what is wrong exactly as before.
 *
 * A person laid out as rel export writes them (JSON.stringify with an indent: the opening brace at the
 * start of a line, the closing one alone on a line at the same indent) is found with one search for
 * that closing line: a string holds no raw line break, so the first such line closes the person. Were
 * the text laid out otherwise, the piece found is not one JSON value and JSON.parse says so: that person
 * is then scanned character by character, as every other value is. Half the time of reading an export.
 */

export class ScanError extends Error {}

export interface ScanSink {
  /** A top-level field other than "people", with its value (parsed). */
  field(key: string, value: unknown): void;
  /** One element of the top-level "people" array (parsed), in order. */
  person(value: unknown): void;
}

const enum S {
  Start, // before the top-level {
  Key, // before a key (or the closing })
  KeyText, // inside a key
  Colon, // after a key
  Value, // before a value
  Piece, // inside a value being captured (a field's value or a person)
  AfterValue, // after a field's value: , or }
  Element, // in "people": before an element (or the closing ])
  AfterElement, // in "people": , or ]
  Done, // after the top-level }
}

const WS = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class RelJsonScanner {
  private s = S.Start;
  private key = '';
  private keyParts = '';
  private inPeople = false;
  private sawPeople = false;
  private first = true; // no key yet / no element yet
  // The piece being captured: its text so far (from earlier chunks), nesting depth, string state.
  private parts: string[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  private keyEscaped = false;
  private start = 0; // where the piece being captured starts in the current chunk

  constructor(private readonly sink: ScanSink) {}

  /** Was "people" an array (its elements given to the sink)? */
  get peopleArray(): boolean {
    return this.peopleWasArray;
  }
  private peopleWasArray = false;

  feed(chunk: string): void {
    this.start = 0; // a piece carried over from the last chunk goes on from this one's start
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      if (this.s === S.Piece) {
        i = this.scanPiece(chunk, i) - 1; // the loop's i++ takes the next character
        continue;
      }
      const c = chunk.charCodeAt(i);
      switch (this.s) {
        case S.Start:
          if (c === 0xfeff && i === 0) continue;
          if (WS(c)) continue;
          if (c !== 0x7b) throw new ScanError('not an object');
          this.s = S.Key;
          this.first = true;
          continue;
        case S.Key:
          if (WS(c)) continue;
          if (c === 0x7d && this.first) {
            this.s = S.Done;
            continue;
          }
          if (c !== 0x22) throw new ScanError('expected a key');
          this.s = S.KeyText;
          this.keyParts = '';
          this.keyEscaped = false;
          continue;
        case S.KeyText:
          if (this.keyEscaped) this.keyEscaped = false;
          else if (c === 0x5c) this.keyEscaped = true;
          else if (c === 0x22) {
            this.key = JSON.parse(`"${this.keyParts}"`) as string;
            this.s = S.Colon;
            continue;
          }
          this.keyParts += chunk[i];
          continue;
        case S.Colon:
          if (WS(c)) continue;
          if (c !== 0x3a) throw new ScanError('expected a colon');
          this.s = S.Value;
          continue;
        case S.Value:
          if (WS(c)) continue;
          if (this.key === 'people' && c === 0x5b) {
            if (this.sawPeople) throw new ScanError('"people" twice');
            this.sawPeople = this.inPeople = this.peopleWasArray = true;
            this.first = true;
            this.s = S.Element;
            continue;
          }
          if (this.key === 'people') this.sawPeople = true; // not an array: the caller says so
          this.beginPiece(i, c);
          i = this.scanPiece(chunk, i + 1) - 1;
          continue;
        case S.Element:
          if (WS(c)) continue;
          if (c === 0x5d && this.first) {
            this.inPeople = false;
            this.s = S.AfterValue;
            continue;
          }
          if (c === 0x7b) {
            const next = this.laidOut(chunk, i);
            if (next > 0) {
              i = next - 1;
              continue;
            }
          }
          this.beginPiece(i, c);
          i = this.scanPiece(chunk, i + 1) - 1;
          continue;
        case S.AfterElement:
          if (WS(c)) continue;
          if (c === 0x2c) {
            this.first = false;
            this.s = S.Element;
          } else if (c === 0x5d) {
            this.inPeople = false;
            this.s = S.AfterValue;
          } else throw new ScanError('expected , or ]');
          continue;
        case S.AfterValue:
          if (WS(c)) continue;
          if (c === 0x2c) {
            this.first = false;
            this.s = S.Key;
          } else if (c === 0x7d) this.s = S.Done;
          else throw new ScanError('expected , or }');
          continue;
        case S.Done:
          if (!WS(c)) throw new ScanError('text after the end');
          continue;
      }
    }
  }

  /** The text has ended: it must have been one whole object. */
  end(): void {
    if (this.s !== S.Done) throw new ScanError('cut short');
  }

  private beginPiece(i: number, c: number): void {
    if (c === 0x7d || c === 0x5d || c === 0x2c) throw new ScanError('expected a value');
    this.s = S.Piece;
    this.parts = [];
    this.start = i;
    this.depth = c === 0x7b || c === 0x5b ? 1 : 0;
    this.inString = c === 0x22;
    this.escaped = false;
  }

  /**
   * Goes through the piece being captured from `i`: to its end (given to the sink; returns the index
   * after it, or of the comma or bracket that ended a scalar), or to the end of the chunk (kept; returns
   * its length). Inside strings it jumps from quote to backslash with indexOf: most of an export is text.
   */
  private scanPiece(chunk: string, i: number): number {
    const n = chunk.length;
    let { depth, inString, escaped } = this;
    let quote = -1; // the next " at or after i (n: none in this chunk)
    let slash = -1; // the next \ at or after i (n: none)
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i++;
          continue;
        }
        if (quote < i) quote = chunk.indexOf('"', i), quote < 0 && (quote = n);
        if (slash < i) slash = chunk.indexOf('\\', i), slash < 0 && (slash = n);
        if (slash < quote) {
          escaped = true;
          i = slash + 1;
        } else {
          inString = quote === n;
          i = quote + 1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        if (depth === 0) return this.endPiece(chunk.slice(this.start, i), i); // a scalar ended by the bracket
        if (--depth === 0) return this.endPiece(chunk.slice(this.start, i + 1), i + 1);
      } else if (c === 0x2c && depth === 0) return this.endPiece(chunk.slice(this.start, i), i); // a scalar ended by a comma
      i++;
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    this.parts.push(chunk.slice(this.start));
    return n;
  }

  private endPiece(last: string, next: number): number {
    const json = this.parts.length === 0 ? last : this.parts.join('') + last;
    this.parts = [];
    if (this.inPeople) {
      this.s = S.AfterElement;
      this.sink.person(JSON.parse(json));
    } else {
      this.s = S.AfterValue;
      this.sink.field(this.key, JSON.parse(json));
    }
    return next;
  }

  /**
   * A person whose { at `i` starts a line and whose } closes a line of the same indent, in this chunk:
   * given to the sink; returns the index after it. 0 when the person is not laid out so (or ends in a
   * later chunk): the caller scans it character by character.
   */
  private laidOut(chunk: string, i: number): number {
    let line = i - 1;
    while (line >= 0 && chunk.charCodeAt(line) === 0x20) line--;
    if (line < 0 || chunk.charCodeAt(line) !== 0x0a) return 0;
    const indent = i - line - 1;
    if (this.closing.length !== indent + 2) this.closing = `\n${' '.repeat(indent)}}`;
    const end = chunk.indexOf(this.closing, i);
    if (end < 0) return 0;
    const next = end + this.closing.length;
    let value: unknown;
    try {
      value = JSON.parse(chunk.slice(i, next));
    } catch {
      return 0; // not one value: not laid out as rel writes it
    }
    this.s = S.AfterElement;
    this.sink.person(value);
    return next;
  }
  private closing = '';
}
