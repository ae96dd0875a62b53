/**
 * Resolves in a task of its own. Reading a large scenario (decompressing, parsing, validating)
 * and starting its engine and drawing it are each tens of milliseconds at the limits; done in
 * one task they were one long task of 200–250 ms in which the page did not answer. Opening
 * paths that are already asynchronous (the browser API's `load`, a dropped or chosen file)
 * yield here between the two.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
