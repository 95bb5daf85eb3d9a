import { cells } from './cells';
import { consistency } from './consistency';
import { identities } from './identities';
import { prose } from './prose';
import { reader } from './reader';
import { sections } from './sections';
import { structure } from './structure';
import { textChecks } from './text';
import type { Check, RuleMeta } from './types';

/** Every check, in the order their findings are listed for the same place. */
export const CHECKS: Check[] = [sections, consistency, structure, reader, cells, identities, textChecks, prose];

/** Every rule code with its metadata: the docs, the CLI's rule list and the server read this. */
export const RULES: RuleMeta[] = CHECKS.flatMap((c) => c.rules);

const BY_CODE = new Map(RULES.map((r) => [r.code, r]));

export const ruleByCode = (code: string): RuleMeta | undefined => BY_CODE.get(code);
