// The characters of the statute's labels, headers and anchors that have a traditional form, as
// pairs (traditional, simplified): a table run through WPS's 简转繁, or typed with an input method
// left on traditional characters, is read with its labels in simplified form (parse/values.ts).
const PAIRS = '規规範范許许處处罰罚強强業业費费發发數数廢废現现決决額额單单萬万開开請请結结轉转辦办區区計计這这屬属於于國国穩稳護护權权類类內内務务過过執执詢询項项無无機机關关沒没補补後后確确訪访舉举報报訴诉復复當当認认獲获繳缴納纳總总繼继續续構构會会組组織织議议訟讼經经維维糾纠審审對对採采購购減减況况條条據据係系為为';

/** Traditional character → its simplified form. */
export const SIMPLIFIED: ReadonlyMap<string, string> = new Map([...PAIRS].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]] as const] : [])));
