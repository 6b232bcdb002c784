/**
 * The selected event, in one place: which it is, and its details (fetched from the open data on
 * the first selection, and again on a later selection after a failed fetch). The only writer of
 * both; the timeline's layouts read them.
 */
import type { DetailData } from './details';
import type EventDetails from './EventDetails.svelte';

export type DetailsState = { status: 'idle' | 'loading' | 'failed'; data: DetailData | null; error?: string };

export class SelectedEvent {
	id = $state<string | null>(null);
	details = $state<DetailsState>({ status: 'idle', data: null });
	/** The panel that shows them. It and the code that loads the details come with the first selection: most visits select nothing, so they are not among the page's first scripts. */
	panel = $state.raw<typeof EventDetails | null>(null);

	/** The selected event's details, once they are loaded. */
	get event() {
		return this.id && this.details.data ? this.details.data.events.get(this.id) : undefined;
	}

	/** Selects an event (null: none); resolves once its details are there, or have failed to load. */
	async select(id: string | null): Promise<void> {
		this.id = id;
		if (!id || this.details.data) return;
		if (this.details.status !== 'loading') this.details = { status: 'loading', data: null };
		try {
			const [data, panel] = await Promise.all([import('./details').then((d) => d.loadDetails()), import('./EventDetails.svelte')]);
			this.panel = panel.default;
			this.details = { status: 'idle', data };
		} catch (error) {
			this.details = { status: 'failed', data: null, error: (error as Error).message };
		}
	}
}
