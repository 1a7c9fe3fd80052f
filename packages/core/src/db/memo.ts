/**
 * Memoises an entity factory per (client, table). ElectroDB entities are plain descriptions bound to a
 * client and table, so every store on the same table can share them; building them is a measurable part
 * of a Lambda's cold start, and the api builds each store's set at import.
 */
export function perClientAndTable<C extends object, T>(make: (client: C, table: string) => T) {
  const cache = new WeakMap<C, Map<string, T>>();
  return (client: C, table: string): T => {
    let byTable = cache.get(client);
    if (!byTable) {
      byTable = new Map();
      cache.set(client, byTable);
    }
    let made = byTable.get(table);
    if (made === undefined) {
      made = make(client, table);
      byTable.set(table, made);
    }
    return made;
  };
}
