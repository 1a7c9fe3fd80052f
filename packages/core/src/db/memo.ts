/**
 * Memoises an entity factory per (client, table). ElectroDB entities are plain descriptions bound to a
 * client and table, so every store on the same table can share them; building them is a measurable part
 * of a Lambda's cold start, and the api builds each store's set at import.
 */
export function perClientAndTable<C extends object, T>(make: (client: C, table: string) => T) {
  const cache = new WeakMap<C, Map<string, T>>();
  return (client: C, table: string): T => {
    let byTable = cache.get(client);
    if (!byTable) cache.set(client, (byTable = new Map()));
    let made = byTable.get(table);
    if (made === undefined) byTable.set(table, (made = make(client, table)));
    return made;
  };
}
