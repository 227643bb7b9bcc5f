// "Latest answer wins": each request takes a ticket; an answer is applied only while its ticket is the newest,
// so a slow answer to an old filter state never overwrites the answer to a newer one.
export class Latest {
	private counter = 0;

	/** Starts a request; the returned function tells, when its answer arrives, whether it is still the newest. */
	next(): () => boolean {
		const ticket = ++this.counter;
		return () => ticket === this.counter;
	}

	/** Makes every outstanding ticket stale (e.g. when the engine is replaced). */
	invalidate(): void {
		this.counter++;
	}
}
