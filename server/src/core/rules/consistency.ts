import type { Check } from './types';

/** format-version, year-mismatch, fee-statement (issue 4). */
export const consistency: Check = { rules: [], run: () => [] };
