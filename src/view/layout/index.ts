/**
 * The one model-to-pixel mapping of every view: pure functions of snapshot numbers and sizes,
 * unit-tested. Components only draw what these return.
 */
export * from './labelPlacement';
export * from './lanes';
export * from './pipeline';
export * from './timeline';
