/** The open-data files, `stats/{week}.json` and `stats/{week}.csv`. */
export interface OpenDataStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
}

/** Sends the leadership (pimpinan) the week's summary. */
export interface SummaryPublisher {
  publish(subject: string, text: string): Promise<void>;
}
