/**
 * A byte-level tokenizer (vocab 256: token = UTF-8 byte), the tokenizer of the laptop-scale models
 * trained on the Brown corpus (report §3.1 at small scale; the report's models use Qwen2.5's 152k BPE
 * vocabulary). Brown is ASCII, so a token is a character. Isomorphic: TextEncoder / TextDecoder.
 */

export interface TokenizerJSON {
  kind: 'byte';
  vocab_size: number;
  /** what a token is, for readers of the saved file */
  description: string;
}

export class ByteTokenizer {
  readonly vocabSize = 256;

  encode(text: string): number[] {
    if (typeof text !== 'string') throw new TypeError(`expected a string to encode, got ${typeof text}`);
    return Array.from(new TextEncoder().encode(text));
  }

  decode(ids: readonly number[]): string {
    for (const t of ids)
      if (!Number.isInteger(t) || t < 0 || t > 255) throw new RangeError(`token ids must be integers in [0, 255], got ${t}`);
    return new TextDecoder().decode(Uint8Array.from(ids));
  }

  /** The id of a single-byte character, e.g. a digit. */
  id(char: string): number {
    const ids = this.encode(char);
    if (ids.length !== 1) throw new RangeError(`expected a single-byte character, got ${JSON.stringify(char)}`);
    return ids[0]!;
  }

  toJSON(): TokenizerJSON {
    return {
      kind: 'byte',
      vocab_size: 256,
      description: 'byte-level: token id = UTF-8 byte of the text (Brown is ASCII: one token per character)',
    };
  }

  static fromJSON(json: TokenizerJSON): ByteTokenizer {
    if (json?.kind !== 'byte' || json.vocab_size !== 256)
      throw new RangeError(`expected a byte tokenizer {kind: 'byte', vocab_size: 256}, got ${JSON.stringify(json)}`);
    return new ByteTokenizer();
  }
}
