// mapshaper ships no types; this is the one function scripts/build-boundaries.ts uses.
declare module 'mapshaper' {
	/** Runs mapshaper commands over in-memory inputs (file name -> content or parsed GeoJSON); resolves to the
	 *  outputs of `-o`, file name -> content. */
	export function applyCommands(commands: string, input?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
	const mapshaper: { applyCommands: typeof applyCommands };
	export default mapshaper;
}
