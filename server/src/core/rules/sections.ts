import type { Check } from './types';

/** section-missing, section-order, section-numbering, section-title, subtopic-numbering (issue 4). */
export const sections: Check = { rules: [], run: () => [] };
