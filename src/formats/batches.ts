/**
 * The text of `render(all items)`, made `size` items at a time: each batch rendered on its own, and the
 * first `header` characters (a CSV header row) kept only once. For writers whose text is a header then
 * one part per item (writeVcards, writeCsv). Pure.
 */
export function* inBatches<T>(items: Iterable<T>, size: number, render: (batch: T[]) => string, header = 0): Generator<string> {
  let batch: T[] = [];
  let first = true;
  const flush = () => {
    const text = render(batch);
    batch = [];
    const part = first ? text : text.slice(header);
    first = false;
    return part;
  };
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) yield flush();
  }
  if (batch.length > 0 || first) yield flush();
}
