// The CSV decoder (src/lib/import/decode.ts, shared with the page's import worker) as a Node transform stream.
import { Transform, type TransformCallback } from 'node:stream';
import { ChunkDecoder, type TextEncodingInfo } from '../../src/lib/import/decode';

export { canonicalEncoding, countBreaks, DecodeError, describeEncoding, looksLikeWindows1256, type TextEncodingInfo } from '../../src/lib/import/decode';

/**
 * bytes -> text. `encoding` is a label the caller checked with canonicalEncoding(); without it the byte-order mark
 * or UTF-8 decides. `info` is set once the first bytes have been seen.
 */
export class TextDecodeStream extends Transform {
	private readonly decoder: ChunkDecoder;

	constructor(encoding?: string) {
		super({ decodeStrings: true, encoding: 'utf8' });
		this.decoder = new ChunkDecoder(encoding);
	}

	get info(): TextEncodingInfo | null {
		return this.decoder.info;
	}

	override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
		let text: string;
		try {
			text = this.decoder.push(chunk);
		} catch (e) {
			return done(e as Error);
		}
		done(null, text || undefined);
	}

	override _flush(done: TransformCallback): void {
		let text: string;
		try {
			text = this.decoder.end();
		} catch (e) {
			return done(e as Error);
		}
		done(null, text || undefined);
	}
}
