// V8 CPU profiles as CDP's Profiler.stop returns them, for the profiling tools (bench/profile-*.ts): the node tree
// walked from a sample to the root, each frame named once the same way, and the time of every sample.

export interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** "function file:line:column" of a frame; the file is the URL's last part, "(native)" without one. */
export function frameLabel(n: ProfileNode): string {
	const f = n.callFrame;
	return `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '') || '(native)'}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
}

/** The frames of a sample's stack, innermost first. */
export function stacks(p: CpuProfile): (id: number) => ProfileNode[] {
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	return (id) => {
		const out: ProfileNode[] = [];
		for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!);
		return out;
	};
}

/** Milliseconds from the profile's start to each sample. */
export function sampleTimes(p: CpuProfile): number[] {
	let t = 0;
	return p.timeDeltas.map((d) => (t += d / 1000));
}
