import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

// The published SARIF 2.1.0 schema (test/fixtures/sarif/README.md says where it comes from), as a check.

const schema = JSON.parse(readFileSync(join('test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
// A draft-04 schema: its keywords mean the same to ajv 8, which only needs the draft-04 markers gone;
// its pattern for `language` has a stray bracket that a regular expression with the u flag refuses.
delete schema.$schema;
delete schema.id;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Fails with the schema's complaints unless `log` is a valid SARIF 2.1.0 log. */
export const assertValidSarif = (log: unknown) => assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
