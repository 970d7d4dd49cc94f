// Build step for the site's search, run by site/search.py under node after MkDocs has written the
// site: analyses every section's text with the site's one analyser (assets/search/analyser.js, on
// Material's Snowball stemmer and stop words, both as the built site serves them) and writes the
// inverted index, so that the reader's browser only parses it. Without node, the worker builds
// the same index itself.
//
//   node search_index.js SITE/assets/search/analyser.js SITE/assets/javascripts/lunr/min SITE/search
"use strict"
const fs = require("node:fs")
const path = require("node:path")
const vm = require("node:vm")

const [analyserFile, lunrDir, folder] = process.argv.slice(2)
const { lunrShim, createAnalyser, buildPostings, encodePostings } = require(path.resolve(analyserFile))

// Material's lunr-languages files register themselves on a global `lunr`, as in the worker.
const sandbox = { lunr: lunrShim() }
vm.createContext(sandbox)
for (const file of ["lunr.stemmer.support.min.js", "lunr.sv.min.js"])
  vm.runInContext(fs.readFileSync(path.join(lunrDir, file), "utf8"), sandbox)
const analyser = createAnalyser(sandbox.lunr.sv.stemmer, sandbox.lunr.sv.stopWordFilter.words)

const read = name => JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"))
const index = read("samverkan_index.json")
const texts = index.shards.flatMap((_, shard) => read(`samverkan_text_${shard}.json`))
const built = buildPostings(
  analyser,
  index.pages.map(([, title, lead]) => [title, lead]),
  index.sections.map(([, label], i) => [index.labels[label][1], texts[i]])
)
fs.writeFileSync(path.join(folder, "samverkan_postings.json"), JSON.stringify({ version: index.version, ...encodePostings(built) }))
