// Writes test/fixtures/doc/: every seed's figures (2021 and 2019 formats) as the Word 97–2003 (.doc)
// file a drafter saves, for test/import/doc.test.ts. The .docx of each is rendered by the tests' own
// renderer (test/layouts/docx.ts), and LibreOffice converts it to .doc, as Word's "Save as Word
// 97–2003" would. LibreOffice is not on CI: the .doc files are committed, and this script remakes them.
//
//   node scripts/gen-doc-fixtures.mjs        (needs `soffice` on PATH)
//
// Besides the plain report, one seed with each table nested in a one-cell layout table, and one with
// each table in a text box (the frames of renderDocx); and seed 001 with table 3 as a picture in each
// form LibreOffice keeps in a .doc, and a logo (a chart becomes an embedded object, an EMBED field; an
// embedded Excel sheet of the test writer it drops).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTs, root } from './loadTs.mjs';

const out = join(root, 'test', 'fixtures', 'doc');
const PICTURE_FORMS = ['inline', 'floating', 'vml', 'textbox', 'chart'];
const { renderDocx, figuresOf, figures2019, EXPECTED } = await loadTs("export { renderDocx } from './test/layouts/docx'; export { figuresOf, figures2019 } from './test/layouts/figures'; export { EXPECTED } from './test/core/expected';");
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-doc-'));
try {
  const docx = join(tmp, 'docx');
  mkdirSync(docx);
  for (const seed of Object.keys(EXPECTED)) {
    writeFileSync(join(docx, `${seed}.docx`), await renderDocx(figuresOf(EXPECTED[seed]), 1));
    writeFileSync(join(docx, `${seed}-2019.docx`), await renderDocx(figures2019(EXPECTED[seed]), 1));
  }
  writeFileSync(join(docx, '002-nested.docx'), await renderDocx(figuresOf(EXPECTED['002']), 1, 'table'));
  writeFileSync(join(docx, '003-textbox.docx'), await renderDocx(figures2019(EXPECTED['003']), 1, 'textbox'));
  for (const form of PICTURE_FORMS) {
    writeFileSync(join(docx, `001-picture-${form}.docx`), await renderDocx(figuresOf(EXPECTED['001']), 1, 'none', undefined, undefined, { tables: ['t3'], form, logo: true }));
  }

  const doc = join(tmp, 'doc');
  // A profile of its own: LibreOffice refuses to start twice on one profile (a user's open soffice).
  const profile = `file://${join(tmp, 'profile')}`;
  const files = readdirSync(docx).map((f) => join(docx, f));
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'doc:MS Word 97', '--outdir', doc, ...files], { stdio: 'inherit' });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(doc)) renameSync(join(doc, f), join(out, f));
  console.log(`${readdirSync(out).length} files in ${out}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
