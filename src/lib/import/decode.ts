// Turns the bytes of a CSV into text, chunk by chunk (TextDecoder with stream: true, so memory does not grow with
// the file). UTF-8 is the default, with or without a byte-order mark; a UTF-16 byte-order mark switches to UTF-16;
// any other encoding must be named (`--encoding windows-1256`). Bytes that are not valid in the encoding stop the
// read with their offset and line instead of turning into replacement characters in the data.
// Pure (TextDecoder only): the CLI wraps it in a Node stream (scripts/lib/decode.ts), the page's import worker
// feeds it the chunks of a File.
/** How a file's text was decoded, for the import summary. */
export interface TextEncodingInfo {
	/** WHATWG name of the encoding: utf-8, utf-16le, utf-16be, windows-1256, ... */
	encoding: string;
	/** What chose it: the default, the file's byte-order mark, or --encoding. */
	chosenBy: 'default' | 'byte-order mark' | '--encoding';
}

export const describeEncoding = (info: TextEncodingInfo): string =>
	info.chosenBy === 'default' ? info.encoding : `${info.encoding} (${info.chosenBy})`;

/** The WHATWG name for an encoding label ("latin1" -> "windows-1252"); throws RangeError for an unknown label. */
export function canonicalEncoding(label: string): string {
	return new TextDecoder(label.trim()).encoding;
}

/** A decoding failure; the reader adds the file name. */
export class DecodeError extends Error {}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const startsWith = (buf: Uint8Array, sig: readonly number[]) => sig.every((b, i) => buf[i] === b);
const concat = (a: Uint8Array, b: Uint8Array) => {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
};

function bomEncoding(head: Uint8Array): string | null {
	if (startsWith(head, UTF8_BOM)) return 'utf-8';
	if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
	if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
	return null;
}

/** Line breaks in `s` (CRLF, LF or CR each count once); `afterCR` says the text before `s` ended in CR. */
export function countBreaks(s: string, afterCR: boolean): number {
	// indexOf rather than a loop over every character: it runs over the whole file (0.37 s for 81 MB that way, 0.02 s so).
	let n = 0;
	for (let i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', i + 1)) n++;
	for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) if (!(i === 0 ? afterCR : s.charCodeAt(i - 1) === 13)) n++;
	return n;
}

/**
 * Whether bytes that failed as UTF-8 read as Arabic in Windows-1256: most of their non-ASCII characters are Arabic
 * letters and some come in runs (words). Latin-1 text does not pass: Windows-1256 keeps French letters (é, à, ç)
 * at the Latin-1 positions, and isolated accented letters make no runs.
 */
export function looksLikeWindows1256(bytes: Uint8Array): boolean {
	const text = new TextDecoder('windows-1256').decode(bytes);
	let nonAscii = 0;
	let arabic = 0;
	let run = 0;
	let longestRun = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0) ?? 0;
		if (c < 0x80) {
			run = 0;
			continue;
		}
		nonAscii++;
		if (c >= 0x0600 && c <= 0x06ff) {
			arabic++;
			longestRun = Math.max(longestRun, ++run);
		} else run = 0;
	}
	return nonAscii > 0 && arabic >= 0.7 * nonAscii && longestRun >= 2;
}

/**
 * bytes -> text. `encoding` is a label the caller checked with canonicalEncoding(); without it the byte-order mark
 * or UTF-8 decides. `info` is set once the first bytes have been seen.
 */
export class ChunkDecoder {
	info: TextEncodingInfo | null = null;
	private decoder: TextDecoder | null = null;
	private head: Uint8Array = new Uint8Array(0);
	/** Bytes consumed before the current chunk, and lines completed before it (for messages). */
	private offset = 0;
	private lines = 1;
	private afterCR = false;

	constructor(private readonly encoding?: string) {}

	/** The text of one more chunk of bytes (possibly ''); throws DecodeError. */
	push(chunk: Uint8Array): string {
		// The byte-order mark needs the first 3 bytes, which a tiny first chunk may not hold.
		if (!this.decoder) {
			this.head = concat(this.head, chunk);
			if (this.head.length < 3) return '';
			chunk = this.head;
			this.head = new Uint8Array(0);
			this.start(chunk);
		}
		return this.decodeChunk(chunk, true);
	}

	/** The text of the last bytes; throws DecodeError (a truncated character, a file too short to check). */
	end(): string {
		if (!this.decoder) {
			this.start(this.head);
			return this.decodeChunk(this.head, false);
		}
		return this.decodeChunk(new Uint8Array(0), false);
	}

	private start(head: Uint8Array): void {
		const bom = bomEncoding(head);
		let encoding: string;
		if (this.encoding) {
			encoding = canonicalEncoding(this.encoding);
			// A byte-order mark that names another encoding means the option is wrong: decoding would give garbage.
			if (bom && bom !== encoding) {
				throw new DecodeError(`starts with a ${bom.toUpperCase()} byte-order mark, but --encoding ${this.encoding} was given: drop --encoding`);
			}
			this.info = { encoding, chosenBy: '--encoding' };
		} else {
			encoding = bom ?? 'utf-8';
			this.info = { encoding, chosenBy: bom && bom !== 'utf-8' ? 'byte-order mark' : 'default' };
		}
		// fatal: an invalid sequence throws instead of becoming U+FFFD; the BOM itself is dropped by TextDecoder.
		this.decoder = new TextDecoder(encoding, { fatal: true });
	}

	private decodeChunk(chunk: Uint8Array, stream: boolean): string {
		const decoder = this.decoder as TextDecoder;
		const utf8 = this.info?.encoding === 'utf-8';
		if (utf8) {
			// In UTF-8 a NUL byte is almost always UTF-16 without a byte-order mark, or a binary file.
			const nul = chunk.indexOf(0);
			if (nul >= 0) {
				throw new DecodeError(
					`has a NUL byte at byte ${this.offset + nul}: UTF-16 or binary, not a UTF-8 CSV ` +
						'(for UTF-16 without a byte-order mark pass --encoding utf-16le or utf-16be)'
				);
			}
		}
		let text: string;
		try {
			text = decoder.decode(chunk, { stream });
		} catch {
			throw utf8 ? this.invalidUtf8(chunk) : new DecodeError(`is not valid ${this.info?.encoding} text (in the bytes from offset ${this.offset}, line ${this.lines})`);
		}
		if (!utf8) {
			const nul = text.indexOf('\0');
			if (nul >= 0) {
				const line = this.lines + countBreaks(text.slice(0, nul), this.afterCR);
				throw new DecodeError(`has a NUL character on line ${line}: a binary file, not ${this.info?.encoding} text`);
			}
		}
		this.offset += chunk.length;
		this.lines += countBreaks(text, this.afterCR);
		if (text.length) this.afterCR = text.endsWith('\r');
		return text;
	}

	/** Finds the first byte of the chunk that breaks UTF-8, for the message (only runs on failure). */
	private invalidUtf8(chunk: Uint8Array): DecodeError {
		if (chunk.length === 0) return new DecodeError('ends inside a UTF-8 character: not valid UTF-8');
		const probe = new TextDecoder('utf-8', { fatal: true });
		let text = '';
		// Start of the sequence being decoded: a lead byte is only refused once the byte after it arrives.
		let i = 0;
		try {
			for (let j = 0; j < chunk.length; j++) {
				const out = probe.decode(chunk.subarray(j, j + 1), { stream: true });
				text += out;
				if (out !== '') i = j + 1;
			}
		} catch {
			// i is the first byte of the offending sequence.
		}
		const line = this.lines + countBreaks(text, this.afterCR);
		const sample = chunk.subarray(Math.max(0, i - 2048), i + 2048);
		const advice = looksLikeWindows1256(sample)
			? 'it looks like Arabic Windows text: pass --encoding windows-1256, or save it as UTF-8 CSV'
			: 'it is probably Windows-1252 or Latin-1: pass --encoding windows-1252, or save it as UTF-8 CSV';
		return new DecodeError(`is not valid UTF-8 (byte 0x${chunk[i]?.toString(16).padStart(2, '0')} at offset ${this.offset + i}, line ${line}); ${advice}`);
	}
}
