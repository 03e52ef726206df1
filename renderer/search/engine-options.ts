export interface EngineOptions {
  /**
   * UTF-16 units of text kept between searches. Past it, documents are read
   * again at each search, costing time rather than memory: the 20 MB of
   * Chinese the benchmark searches are about 9.5 million units (19 MB in
   * memory), 2,000 news articles of 10 KB about 7 million.
   */
  keepUnits?: number;
  /** Units read in the first batch: small, for the first hits; each next one doubles… */
  firstBatchUnits?: number;
  /** …up to this. */
  maxBatchUnits?: number;
  /** Least time between two progress messages of a search (its first hits and its end go at once). */
  progressEveryMs?: number;
}

export const ENGINE_DEFAULTS: Required<EngineOptions> = {
  keepUnits: 48_000_000,
  firstBatchUnits: 32_768,
  maxBatchUnits: 1_048_576,
  progressEveryMs: 100,
};
