// The palette under colour-vision deficiencies, simulated with Machado, Oliveira & Fernandes (2009) at full
// severity (protanopia, deuteranopia, tritanopia) in linear sRGB and compared in CIELAB (ΔE*ab, 1976):
// - the first seven categorical colours (Okabe & Ito), which the largest series get, stay apart for every reader;
// - the map's sequential scale gets darker step by step for every reader, so "more" always reads as "darker".
// Measured limits are in docs/i18n-a11y.md (beyond seven series, colour alone is not enough: names are in the
// legend, the tooltip and the "show as table" switch).
import { describe, expect, it } from 'vitest';
import { OKABE_ITO, SEQUENTIAL } from '../../src/lib/charts/palette';

type Matrix = readonly (readonly [number, number, number])[];
const VISION: Record<string, Matrix> = {
	normal: [
		[1, 0, 0],
		[0, 1, 0],
		[0, 0, 1]
	],
	protanopia: [
		[0.152286, 1.052583, -0.204868],
		[0.114503, 0.786281, 0.099216],
		[-0.003882, -0.048116, 1.051998]
	],
	deuteranopia: [
		[0.367322, 0.860646, -0.227968],
		[0.280085, 0.672501, 0.047413],
		[-0.01182, 0.04294, 0.968881]
	],
	tritanopia: [
		[1.255528, -0.076749, -0.178779],
		[-0.078411, 0.930809, 0.147602],
		[0.004733, 0.691367, 0.3039]
	]
};

const linear = (c: number) => {
	const v = c / 255;
	return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)));

/** CIELAB (D65) of a colour as seen with the given vision. */
function lab(hex: string, vision: Matrix): [number, number, number] {
	const c = rgb(hex);
	const [r, g, b] = vision.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('palette under colour-vision deficiencies', () => {
	it('keeps the seven main series colours at least ΔE 15 apart for every vision', () => {
		for (const [name, vision] of Object.entries(VISION)) {
			let min = Infinity;
			for (let i = 0; i < OKABE_ITO.length; i++) {
				for (let j = i + 1; j < OKABE_ITO.length; j++) min = Math.min(min, deltaE(lab(OKABE_ITO[i], vision), lab(OKABE_ITO[j], vision)));
			}
			expect(min, name).toBeGreaterThanOrEqual(15);
		}
	});

	it('makes every step of the map scale darker for every vision', () => {
		for (const [name, vision] of Object.entries(VISION)) {
			const lightness = SEQUENTIAL.map((c) => lab(c, vision)[0]);
			for (let i = 1; i < lightness.length; i++) expect(lightness[i], `${name} step ${i}`).toBeLessThan(lightness[i - 1] - 1);
		}
	});

	it('simulates as expected: red and green collapse for deuteranopes, not for others', () => {
		// A check of the simulation itself: pure red and green are far apart normally, close for a deuteranope.
		const d = (v: Matrix) => deltaE(lab('#D00000', v), lab('#00A000', v));
		expect(d(VISION.normal)).toBeGreaterThan(100);
		expect(d(VISION.deuteranopia)).toBeLessThan(d(VISION.normal) / 3);
	});
});
