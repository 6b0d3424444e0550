// Compile a JSON Schema with ajv in strict mode (2020-12, formats known) and validate documents.
// Usage: node ajv-strict.mjs SCHEMA [DOCUMENT...]; prints one JSON line per document, exit 1 on
// a schema ajv refuses (the message on stderr).
import fs from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, ...documents] = process.argv.slice(2);
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
let validate;
try {
    validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
} catch (error) {
    console.error(String(error.message));
    process.exit(1);
}
for (const path of documents) {
    const valid = validate(JSON.parse(fs.readFileSync(path, "utf8")));
    console.log(JSON.stringify({ path, valid, errors: validate.errors ?? [] }));
}
