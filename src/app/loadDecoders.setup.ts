// Vitest setup (vite.config.ts): the page loads the decoders on demand before it opens any input
// (loadDecoders.ts); unit tests that open links, files or kept runs directly start from that
// state, as the page is once startSharing has awaited them.
import { loadDecoders } from './loadDecoders';

await loadDecoders();
