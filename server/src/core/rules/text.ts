import type { Check } from './types';

/** cell-unit, cell-fullwidth, statute-name, conversion-artifact (issue 4). */
export const textChecks: Check = { rules: [], run: () => [] };
