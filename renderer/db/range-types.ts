/** Dexie's DBCoreRangeType, a const enum and so not importable under isolatedModules. */
export const RangeType = { Equal: 1, Range: 2, Any: 3, Never: 4 } as const;
